/**
 * The Accountable extension in VS Code for the Web (vscode.dev, github.dev; package.json `browser`): starts the
 * language server in a web worker (out/browser/server.js, server/src/browser) and reads configuration files
 * for it through the workspace file system, since a worker has none. Markdown and plain text are reviewed with
 * the built-in rules and .accountable.yaml; rule packs, Word documents, the report and the workspace review
 * need the desktop extension (client/src/extension.ts), which VS Code runs wherever it can.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type LanguageClientOptions, type MessageTransports } from 'vscode-languageclient/browser';
import { ClientCommands, DOCUMENT_PROFILE_NOTIFICATION, ServerCommands, WorkspaceFileRequests, type ConfigurationFileText, type DocumentProfileParams, type FindConfigurationParams, type ReadConfigurationParams } from '../../../server/src/lsp/protocol';
import { commandMiddleware } from '../commands';
import { registerRuleDocumentation, withDocumentationLink } from '../ruleDocumentation';
import { FindingsStatus } from '../status';

let client: LanguageClient | undefined;

/**
 * Commands package.json contributes that need a file system or Node.js: in the browser they say so, rather than
 * "command not found", naming what each does in the user's language.
 */
const desktopOnly = (): Array<[string, string]> => [
	[ServerCommands.reviewWorkspace, vscode.l10n.t('Review Workspace')],
	[ServerCommands.disableRuleInWorkspace, vscode.l10n.t('Disabling a rule in the workspace configuration')],
	[ServerCommands.createConfigurationFile, vscode.l10n.t('Create Configuration File')],
	['accountable.showReport', vscode.l10n.t('The accountability report')],
	['accountable.reviewWordDocument', vscode.l10n.t('Reviewing Word documents')],
	['accountable.showWordDocumentText', vscode.l10n.t('Reviewing Word documents')],
	['accountable.saveReviewedCopy', vscode.l10n.t('The reviewed copy of a Word document')],
	['accountable.openWalkthrough', vscode.l10n.t('The Get Started guide')],
	['accountable.openExample', vscode.l10n.t('The example draft')],
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const output = vscode.window.createOutputChannel('Accountable', { log: true });
	context.subscriptions.push(output);
	const clientOptions: LanguageClientOptions = {
		// Any scheme: github.dev's files are vscode-vfs:, vscode.dev's local folders vscode-local: or file:.
		documentSelector: [{ language: 'markdown' }, { language: 'plaintext' }],
		diagnosticCollectionName: 'accountable',
		outputChannel: output,
		synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/.accountable.{yaml,yml,json}') },
		initializationOptions: () => ({ trusted: vscode.workspace.isTrusted, commandLinks: true, ...(vscode.l10n.bundle ? { l10nBundle: vscode.l10n.bundle } : {}) }),
		markdown: { isTrusted: { enabledCommands: [ServerCommands.showRuleDocumentation] } },
		middleware: {
			executeCommand: (command, args, next) => commandMiddleware(command, args, next, () => client),
			handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map((d) => withDocumentationLink(d, uri))),
		},
	};
	const serverMain = vscode.Uri.joinPath(context.extensionUri, 'out', 'browser', 'server.js');
	// A new worker for each start, so Restart Server starts a fresh server.
	client = new LanguageClient('accountable', 'Accountable', async () => transportsOf(await startServerWorker(serverMain)), clientOptions);
	registerRuleDocumentation(context, () => client);
	const status = new FindingsStatus();
	context.subscriptions.push(
		status,
		...desktopOnly().map(([command, what]) =>
			vscode.commands.registerCommand(command, () => vscode.window.showInformationMessage(vscode.l10n.t('Accountable: {0} needs VS Code on the desktop; VS Code for the Web reviews Markdown and plain text.', what))),
		),
		vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
			output.info('Restarting the Accountable language server');
			await client?.stop();
			await client?.start();
		}),
	);
	// Before start: the server asks for configuration as soon as the first document is opened.
	context.subscriptions.push(
		client.onRequest(WorkspaceFileRequests.findConfiguration, (params: FindConfigurationParams) => findConfiguration(params)),
		client.onRequest(WorkspaceFileRequests.readConfiguration, (params: ReadConfigurationParams) => readConfiguration(vscode.Uri.parse(params.uri), params.maxBytes)),
		client.onNotification(DOCUMENT_PROFILE_NOTIFICATION, (params: DocumentProfileParams) => status.setProfile(params)),
	);
	try {
		await client.start();
	} catch (e) {
		output.error(`The Accountable language server did not start: ${(e as Error).message}`);
		void vscode.window.showErrorMessage(vscode.l10n.t('Accountable: the language server did not start (see the Accountable output channel).'));
	}
}

/**
 * The worker's messages as the client's transport. Given the worker itself, the client would test it with
 * `instanceof Worker`, which fails in the web extension host, whose `Worker` is a wrapper that returns the
 * browser's own Worker.
 */
function transportsOf(worker: Worker): MessageTransports {
	return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

/**
 * The language server's worker. vscode.dev and github.dev serve the extension over https, and the worker is
 * made from its URL. An extension installed on a server that the browser reaches (code-server, VS Code Server
 * in a browser) is addressed by vscode-remote: URIs, from which the web extension host refuses to make workers
 * ("Creating workers from remote extensions is currently not supported"): the script is then read through
 * the workspace file system, which reaches the server, and the worker made from it.
 */
async function startServerWorker(serverMain: vscode.Uri): Promise<Worker> {
	if (serverMain.scheme === 'https' || serverMain.scheme === 'http') return new Worker(serverMain.toString(true));
	const script = await vscode.workspace.fs.readFile(serverMain);
	return new Worker(URL.createObjectURL(new Blob([new Uint8Array(script)], { type: 'text/javascript' })));
}

/**
 * The nearest configuration file at or above `folder`, looked for up to its workspace folder (never above
 * it: in a browser the folders above are not the user's). Null when there is none, or no workspace folder.
 */
async function findConfiguration(params: FindConfigurationParams): Promise<ConfigurationFileText | null> {
	let folder = vscode.Uri.parse(params.folder);
	const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.joinPath(folder, 'x'))?.uri;
	if (!root) return null;
	for (;;) {
		for (const name of params.names) {
			const candidate = vscode.Uri.joinPath(folder, name);
			if (await exists(candidate)) return readConfiguration(candidate, params.maxBytes);
		}
		if (folder.path.replace(/\/$/, '') === root.path.replace(/\/$/, '')) return null;
		const parent = vscode.Uri.joinPath(folder, '..');
		if (parent.path === folder.path) return null;
		folder = parent;
	}
}

async function exists(uri: vscode.Uri): Promise<boolean> {
	try {
		await vscode.workspace.fs.stat(uri);
		return true;
	} catch {
		return false;
	}
}

/** A configuration file's text; a file that is too large or cannot be read is said so, and reported by the server on the file. */
async function readConfiguration(uri: vscode.Uri, maxBytes: number): Promise<ConfigurationFileText> {
	try {
		const stat = await vscode.workspace.fs.stat(uri);
		if (stat.size > maxBytes) return { uri: uri.toString(), error: `is larger than ${maxBytes} bytes` };
		return { uri: uri.toString(), text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)) };
	} catch (e) {
		return { uri: uri.toString(), error: `could not be read (${(e as Error).message})` };
	}
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}

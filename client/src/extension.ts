/**
 * The Accountable VS Code extension: starts the language server (out/server.js) and adds what only the editor
 * can do: a status bar count, a reason prompt before disabling a rule, rule documentation in the Markdown
 * preview, Restart Server, and the Word review editor's page (docx/wordEditor.ts). Everything else (reviews, hovers, quick fixes) is the server's.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ClientCommands, DOCUMENT_PROFILE_NOTIFICATION, ServerCommands, type DocumentProfileParams } from '../../server/src/lsp/protocol';
import { commandMiddleware } from './commands';
import { FindingsStatus } from './status';
import { registerWordDocumentReview } from './docx/wordReview';
import { registerWordReviewEditor } from './docx/wordEditor';
import { registerReportView } from './report/reportView';
import { DOCX_SCHEME } from '../../server/src/lsp/docxProtocol';
import { registerRuleDocumentation, withDocumentationLink } from './ruleDocumentation';
import { registerWalkthrough } from './walkthrough';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
	const output = vscode.window.createOutputChannel('Accountable', { log: true });
	context.subscriptions.push(output);
	const module = context.asAbsolutePath('out/server.js');
	// The V8 flags bin/load-bundle.js sets for the CLI and the stand-alone server (V8_FLAGS: why, and what it saves).
	const serverOptions: ServerOptions = {
		run: { module, transport: TransportKind.ipc, options: { execArgv: ['--no-regexp-tier-up'] } },
		debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
	};
	const clientOptions: LanguageClientOptions = {
		documentSelector: ['file', 'untitled'].flatMap((scheme) => [
			{ scheme, language: 'markdown' },
			{ scheme, language: 'plaintext' },
		]).concat([{ scheme: DOCX_SCHEME, language: 'markdown' }]),
		diagnosticCollectionName: 'accountable',
		outputChannel: output,
		// Untrusted workspaces get limited support: the server loads no rule packs (see package.json). Hovers'
		// documentation links run Show Rule Documentation; the installed extension's own files are never reviewed
		// (in development the extension's folder is the repository, whose test fixtures are reviewed on purpose).
		initializationOptions: () => ({
			trusted: vscode.workspace.isTrusted,
			commandLinks: true,
			// The server's messages (quick fixes, hovers, notices) in the editor's language; absent in English.
			...(vscode.l10n.bundle ? { l10nBundle: vscode.l10n.bundle } : {}),
			...(context.extensionMode === vscode.ExtensionMode.Production ? { extensionFolder: context.extensionPath } : {}),
		}),
		markdown: { isTrusted: { enabledCommands: [ServerCommands.showRuleDocumentation] } },
		middleware: {
			executeCommand: (command, args, next) => commandMiddleware(command, args, next, () => client),
			// A rule id in the Problems panel links to the rendered documentation, not to the rule file.
			handleDiagnostics: (uri, diagnostics, next) => next(uri, diagnostics.map((d) => withDocumentationLink(d, uri))),
		},
	};
	client = new LanguageClient('accountable', 'Accountable', serverOptions, clientOptions);
	registerWordDocumentReview(context, () => client);
	const report = registerReportView(context, () => client);
	const wordEditor = registerWordReviewEditor(context, client, (file, activated) => report.followWordDocument(file, activated));
	report.revealInWordEditor = (file, line, character) => wordEditor.reveal(file, line, character);
	registerRuleDocumentation(context, () => client);
	registerWalkthrough(context);

	const status = new FindingsStatus();
	context.subscriptions.push(
		status,
		vscode.commands.registerCommand(ClientCommands.restartServer, async () => {
			output.info('Restarting the Accountable language server');
			await client?.restart();
		}),
		// Rule packs may run only once the user trusts the workspace; a restart tells the server.
		vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()),
	);
	try {
		await client.start();
		context.subscriptions.push(client.onNotification(DOCUMENT_PROFILE_NOTIFICATION, (params: DocumentProfileParams) => status.setProfile(params)));
	} catch (e) {
		// Keep the extension (and Restart Server) alive; the output channel has the server's own messages.
		output.error(`The Accountable language server did not start: ${(e as Error).message}`);
		void vscode.window.showErrorMessage(vscode.l10n.t('Accountable: the language server did not start (see the Accountable output channel).'));
	}
}

export async function deactivate(): Promise<void> {
	await client?.stop();
	client = undefined;
}

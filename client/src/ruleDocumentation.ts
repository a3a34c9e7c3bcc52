import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DIAGNOSTIC_SOURCE, Requests, type RuleDocumentation, type RuleDocumentationParams } from '../../server/src/lsp/protocol';

/**
 * Rule documentation as a reader sees it: the server renders a rule's prose, the paper's passages and its
 * examples (never the rule file's patterns) and this shows it in the Markdown preview. The text lives at
 * `accountable-rule:/<rule id>.md?<document>`, read-only and outside the documents the language client
 * sends the server, so the documentation itself is never reviewed.
 */
export const RULE_DOCUMENTATION_SCHEME = 'accountable-rule';

export function ruleDocumentationUri(ruleId: string, documentUri?: string): vscode.Uri {
	return vscode.Uri.from({ scheme: RULE_DOCUMENTATION_SCHEME, path: `/${ruleId}.md`, query: documentUri ?? '' });
}

export function registerRuleDocumentation(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
	const provider: vscode.TextDocumentContentProvider = {
		async provideTextDocumentContent(uri) {
			const ruleId = uri.path.replace(/^\//, '').replace(/\.md$/, '');
			const c = client();
			if (!c) return `# ${ruleId}\n\n${vscode.l10n.t('The Accountable language server is not running (Accountable: Restart Server).')}\n`;
			const params: RuleDocumentationParams = { ruleId, ...(uri.query ? { uri: uri.query } : {}) };
			const doc = await c.sendRequest<RuleDocumentation | null>(Requests.ruleDocumentation, params);
			return doc?.markdown ?? `# ${ruleId}\n\n${vscode.l10n.t('No rule has this id.')}\n`;
		},
	};
	context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(RULE_DOCUMENTATION_SCHEME, provider));
}

/** Shows a rule's rendered documentation in the Markdown preview (as text, should the preview be unavailable). */
export async function openRuleDocumentation(ruleId: string, documentUri?: string): Promise<vscode.Uri> {
	const uri = ruleDocumentationUri(ruleId, documentUri);
	try {
		await vscode.commands.executeCommand('markdown.showPreview', uri);
	} catch {
		await vscode.window.showTextDocument(uri, { preview: true });
	}
	return uri;
}

/**
 * Opens a rule's documentation from a webview's link (the report, the Word review editor): a built-in or pack
 * rule file (`…/rules/<category>/<name>.md`) as its rendered documentation, a web page in the browser.
 */
export async function openRuleDocumentationLink(url: string): Promise<void> {
	const uri = vscode.Uri.parse(url);
	if (uri.scheme !== 'file') {
		await vscode.env.openExternal(uri);
		return;
	}
	const rule = /\/([a-z0-9-]+\/[a-z0-9-]+)\.md$/.exec(uri.path);
	if (rule) await openRuleDocumentation(rule[1]!);
	else await vscode.commands.executeCommand('markdown.showPreview', uri);
}

/** A rule id in the Problems panel links to the rendered documentation, not to the rule file. */
export function withDocumentationLink(diagnostic: vscode.Diagnostic, uri: vscode.Uri): vscode.Diagnostic {
	const code = diagnostic.code;
	if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof code !== 'object' || !String(code.value).includes('/')) return diagnostic;
	diagnostic.code = { value: code.value, target: ruleDocumentationUri(String(code.value), uri.toString()) };
	return diagnostic;
}


import * as vscode from 'vscode';

/** Opens a rule's documentation from a webview's link: the rule file in the Markdown preview, a web page in the browser. */
export async function openRuleDocumentation(url: string): Promise<void> {
	const uri = vscode.Uri.parse(url);
	if (uri.scheme === 'file') await vscode.commands.executeCommand('markdown.showPreview', uri);
	else await vscode.env.openExternal(uri);
}

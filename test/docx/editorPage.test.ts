import { describe, expect, it } from 'vitest';
import { parseWordEditorMessage, wordEditorErrorPage, wordEditorPage } from '../../client/src/docx/wordEditorPage';

const NONCE = 'bm9uY2UtZm9yLXRlc3Rz';

function csp(html: string): string {
	return /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
}

describe('the Word review editor’s webview page', () => {
	it('allows only its own style and script: nothing is loaded from anywhere', () => {
		const html = wordEditorPage({ name: 'proposal.docx', body: '<article class="document"></article>', nonce: NONCE });
		expect(csp(html)).toBe(`default-src 'none'; style-src 'nonce-${NONCE}'; script-src 'nonce-${NONCE}';`);
		expect([...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1])).toEqual([` nonce="${NONCE}"`]);
		expect(html).not.toMatch(/https?:\/\//);
		// Theme colours, not fixed ones, for the text and the highlights.
		expect(html).toContain('color:var(--vscode-editor-foreground)');
		expect(html).toContain('--sev:var(--vscode-editorError-foreground');
		expect(html).toContain('<button type="button" data-action="showReport"');
	});

	it('says why a document could not be reviewed, with no script at all, escaping the file name and the message', () => {
		const html = wordEditorErrorPage('<b>cut</b>.docx', 'cut.docx is damaged & cannot be read', NONCE);
		expect(csp(html)).toBe(`default-src 'none'; style-src 'nonce-${NONCE}';`);
		expect(html).not.toContain('<script');
		expect(html).toContain('<main class="error" role="alert"><h1>&lt;b&gt;cut&lt;/b&gt;.docx could not be reviewed</h1><p>cut.docx is damaged &amp; cannot be read</p>');
	});

	it('acts only on the messages it knows, and opens only rule documentation as a file or web page', () => {
		expect(parseWordEditorMessage({ type: 'openRule', url: 'file:///ext/rules/consent/x.md' })).toEqual({ type: 'openRule', url: 'file:///ext/rules/consent/x.md' });
		expect(parseWordEditorMessage({ type: 'openRule', url: 'https://example.org/rule' })).toEqual({ type: 'openRule', url: 'https://example.org/rule' });
		expect(parseWordEditorMessage({ type: 'openRule', url: 'command:workbench.action.terminal.new' })).toBeUndefined();
		expect(parseWordEditorMessage({ type: 'openRule', url: 'javascript:alert(1)' })).toBeUndefined();
		expect(parseWordEditorMessage({ type: 'showReport' })).toEqual({ type: 'showReport' });
		expect(parseWordEditorMessage({ type: 'saveReviewedCopy' })).toEqual({ type: 'saveReviewedCopy' });
		expect(parseWordEditorMessage({ type: 'runCommand', command: 'x' })).toBeUndefined();
		expect(parseWordEditorMessage('showReport')).toBeUndefined();
		expect(parseWordEditorMessage(null)).toBeUndefined();
	});
});

/**
 * Messages the report webview posts to the extension. The webview is untrusted input (it renders text from
 * the draft), so every message is checked before it is acted on.
 */
export type ReportMessage = { type: 'reveal'; line: number; character: number } | { type: 'export'; format: 'html' | 'md' } | { type: 'openRule'; url: string };

export function parseReportMessage(data: unknown): ReportMessage | undefined {
	if (typeof data !== 'object' || data === null) return undefined;
	const m = data as Record<string, unknown>;
	if (m.type === 'reveal' && isIndex(m.line)) return { type: 'reveal', line: m.line, character: isIndex(m.character) ? m.character : 0 };
	if (m.type === 'export' && (m.format === 'html' || m.format === 'md')) return { type: 'export', format: m.format };
	// Only rule documentation (a file or web page) is opened; nothing else the page might name.
	if (m.type === 'openRule' && typeof m.url === 'string' && /^(?:file|https?):/i.test(m.url)) return { type: 'openRule', url: m.url };
	return undefined;
}

function isIndex(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

/** `bill.md` → `bill-accountability-report.html`. */
export function exportFileName(documentName: string, format: 'html' | 'md'): string {
	const base = documentName.replace(/\.[^./\\]+$/, '') || 'document';
	return `${base}-accountability-report.${format}`;
}

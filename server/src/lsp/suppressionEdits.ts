import type { TextEdit } from 'vscode-languageserver';
import { frontMatterEnd, isAtxHeadingLine, LineIndex } from '../engine';

/**
 * Edits that insert the engine's inline suppression comments (see server/src/engine/suppress.ts):
 * `accountable-disable-next-line` above the line, or `accountable-disable-line` at its end when a comment
 * line above would split a paragraph (and so change the sentences the rules see), and `accountable-disable`
 * at the top of the file for the whole file.
 */

/** A reason must not end the comment early or be read as a second `--` separator. */
export function cleanReason(reason: string | undefined): string | undefined {
	const cleaned = reason?.replace(/\r?\n/g, ' ').replace(/-{2,}>?/g, '–').trim();
	return cleaned ? cleaned : undefined;
}

function comment(directive: string, ruleId: string, reason: string | undefined): string {
	const why = cleanReason(reason);
	return `<!-- ${directive} ${ruleId}${why ? ` -- ${why}` : ''} -->`;
}

function eolOf(text: string): string {
	return text.includes('\r\n') ? '\r\n' : '\n';
}

export function disableForLineEdit(text: string, line: number, ruleId: string, reason?: string): TextEdit {
	const lines = new LineIndex(text);
	const target = Math.max(0, Math.min(line, lines.lineCount - 1));
	const start = lines.lineStart(target);
	const end = lines.lineEnd(target);
	const current = text.slice(start, end);
	const previous = target > 0 ? text.slice(lines.lineStart(target - 1), lines.lineEnd(target - 1)) : '';
	const startsBlock = target === 0 || previous.trim() === '' || isAtxHeadingLine(current);
	if (startsBlock) {
		// Repeat the line's indentation and block-quote markers so the comment stays in the same container.
		const prefix = /^[\s>]*/.exec(current)![0];
		const position = { line: target, character: 0 };
		return { range: { start: position, end: position }, newText: `${prefix}${comment('accountable-disable-next-line', ruleId, reason)}${eolOf(text)}` };
	}
	const position = { line: target, character: end - start };
	return { range: { start: position, end: position }, newText: ` ${comment('accountable-disable-line', ruleId, reason)}` };
}

/** Inserts a file-wide `accountable-disable` after any front matter. */
export function disableForFileEdit(text: string, ruleId: string, reason?: string): TextEdit {
	const eol = eolOf(text);
	const lines = new LineIndex(text);
	// After front matter as the engine reads it (markdownSyntax.frontMatterEnd): a comment above it would end it.
	const after = Math.max(0, frontMatterEnd(text));
	const line = after === 0 ? 0 : after === text.length && !/\n$/.test(text) ? lines.lineCount : lines.lineOf(after);
	if (line >= lines.lineCount) {
		// Front matter ends the file without a line break.
		const last = lines.lineCount - 1;
		const position = { line: last, character: lines.lineEnd(last) - lines.lineStart(last) };
		return { range: { start: position, end: position }, newText: `${eol}${comment('accountable-disable', ruleId, reason)}${eol}` };
	}
	const position = { line, character: 0 };
	return { range: { start: position, end: position }, newText: `${comment('accountable-disable', ruleId, reason)}${eol}${eol}` };
}

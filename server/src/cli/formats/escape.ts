/**
 * Text from file names, documents and configuration reaches a terminal or a CI log: a control character in
 * it could move the cursor, retitle the window (ESC, OSC, BEL), or start a line of its own that a CI runner
 * reads as a command (`::error …`, `::stop-commands::`). Every such character is shown as a visible code.
 */

/** C0 and C1 controls, DEL, and the Unicode line separators and bidirectional overrides (which reorder what is shown). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function code(c: string): string {
	const n = c.charCodeAt(0);
	if (c === '\n') return '\\n';
	if (c === '\r') return '\\r';
	if (c === '\t') return '\\t';
	return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
}

/** For text that must stay on one line (a file name, a message): every control character, newlines too. */
export function escapeLine(s: string): string {
	return s.replace(CONTROL, code);
}

/** For multi-line output (a report, a usage text): controls other than newline and tab. */
export function escapeTerminal(s: string): string {
	return s.replace(CONTROL_BUT_LINES, code);
}

/**
 * How the engine's words reach a reader in their language without the engine knowing about editors: a caller
 * passes a translator, a function from an English message (with `{0}`-style placeholders, the message being
 * its own key in a translation bundle, l10n/bundle.l10n.<locale>.json) and its arguments to the reader's words.
 * The VS Code client passes `vscode.l10n.t`, the language server `@vscode/l10n`'s `t`; without one, English.
 */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** English: the message itself, with its placeholders filled in. */
export const english: Translate = (message, ...args) => fill(message, ...args);

/** `{0}`, `{1}`… replaced by the arguments at those positions; a placeholder with no argument stays as it is. */
export function fill(template: string, ...args: Array<string | number>): string {
	return template.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}

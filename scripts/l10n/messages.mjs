// The interface's messages as the sources spell them, found by reading the TypeScript (its own parser, so a
// message split over lines or holding quotes is read as the compiler reads it): the first argument of every
// translator call (`vscode.l10n.t`, `@vscode/l10n`'s `l10n.t`, a `t` parameter of type Translate) and the
// entries of the report's label table (ENGLISH_REPORT_LABELS). l10n/bundle.l10n.json is exactly this set;
// `npm run l10n:export` writes it, test/l10n/translations.test.ts fails while it differs.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export const SOURCE_FOLDERS = ['client/src', 'server/src'];
const LABEL_TABLE = 'ENGLISH_REPORT_LABELS';

/** Is this call a translator call: `vscode.l10n.t(…)`, `l10n.t(…)` or `t(…)`? */
function isTranslatorCall(node) {
	if (!ts.isCallExpression(node)) return false;
	const callee = node.expression;
	if (ts.isIdentifier(callee)) return callee.text === 't';
	return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(?:^|\.)l10n$/.test(callee.expression.getText());
}

function literalText(node) {
	return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/**
 * Every message in one file, and every translator call whose message is not a literal (a message no bundle
 * can list), as `file:line`.
 */
export function messagesInSource(file, text) {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
	const messages = [];
	const unlisted = [];
	const visit = (node) => {
		if (isTranslatorCall(node)) {
			const message = literalText(node.arguments[0]);
			if (message !== undefined) messages.push(message);
			else if (!isTableTranslation(node)) unlisted.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
		}
		if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === LABEL_TABLE) {
			let table = node.initializer;
			while (table && (ts.isAsExpression(table) || ts.isSatisfiesExpression?.(table))) table = table.expression;
			for (const property of table.properties) {
				const value = literalText(property.initializer);
				if (value === undefined) throw new Error(`${file}: ${LABEL_TABLE}.${property.name.getText()} is not a string literal`);
				messages.push(value);
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return { messages, unlisted };
}

/** `t(text)` inside the function that translates the label table, whose entries are listed above. */
function isTableTranslation(node) {
	for (let n = node.parent; n; n = n.parent) if (ts.isFunctionDeclaration(n)) return n.name?.text === 'reportLabels';
	return false;
}

/** The messages of the whole project, sorted, and the translator calls that no bundle could list. */
export function projectMessages(root) {
	const messages = new Set();
	const unlisted = [];
	for (const folder of SOURCE_FOLDERS) {
		for (const entry of fs.readdirSync(path.join(root, folder), { recursive: true })) {
			const file = path.join(folder, String(entry));
			if (!/\.ts$/.test(file) || /\.d\.ts$|\.generated\.ts$/.test(file)) continue;
			const found = messagesInSource(file, fs.readFileSync(path.join(root, file), 'utf8'));
			for (const m of found.messages) messages.add(m);
			unlisted.push(...found.unlisted);
		}
	}
	return { messages: [...messages].sort(), unlisted };
}

/** The English bundle's text: each message its own key and value, sorted, so a diff shows what changed. */
export function englishBundle(messages) {
	return `${JSON.stringify(Object.fromEntries(messages.map((m) => [m, m])), null, '\t')}\n`;
}

/** The `{0}`-style placeholders of a message, sorted: a translation must keep exactly these. */
export function placeholders(message) {
	return (message.match(/\{\d+\}/g) ?? []).sort();
}

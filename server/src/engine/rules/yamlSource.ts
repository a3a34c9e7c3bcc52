import { LineCounter, parseDocument, isMap, isScalar, visit, type Document, type Node as YamlNode } from 'yaml';
import type { ErrorObject } from 'ajv';

/** A parsed YAML text that can say on which line a value or key sits. */
export interface YamlSource {
	value: unknown;
	/** Problems in the YAML itself, with 1-based lines. */
	syntaxErrors: Array<{ line: number; message: string }>;
	lineOf(path: ReadonlyArray<string | number>, key?: string): number;
}

/**
 * How many values aliases (`*name`) may expand to in one file. The yaml library's default (100) refuses an
 * ordinary configuration that reuses a setting 120 times; this still stops a "billion laughs" file, whose
 * nested aliases expand exponentially, after a few thousand values (milliseconds).
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/** `lineOffset` is added to every line: front matter starts one line after its opening `---`. */
export function parseYamlSource(text: string, lineOffset = 0): YamlSource {
	const counter = new LineCounter();
	const doc: Document = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	const syntaxErrors = doc.errors.map((e) => ({
		line: counter.linePos(errorOffset(text, e.pos[0], e.code)).line + lineOffset,
		message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
	}));
	const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : counter.linePos(offset).line) + lineOffset;
	let value: unknown;
	if (syntaxErrors.length === 0) {
		try {
			value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
		} catch (e) {
			// The library throws (it does not record an error) for aliases that expand too far or point nowhere.
			let first: number | undefined;
			visit(doc, {
				Alias(_, node) {
					first ??= node.range?.[0];
					return first === undefined ? undefined : visit.BREAK;
				},
			});
			const excessive = /excessive alias count/i.test((e as Error).message);
			syntaxErrors.push({
				line: lineAt(first),
				message: excessive ? `aliases (*name) here expand to more than ${MAX_ALIAS_EXPANSION} values; write the values out, or use fewer nested aliases` : (e as Error).message.split('\n')[0]!,
			});
		}
	}
	return {
		value,
		syntaxErrors,
		lineOf(path, key) {
			for (let depth = path.length; depth >= 0; depth--) {
				const node = (depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true)) as YamlNode | null | undefined;
				if (!node) continue;
				if (key !== undefined && depth === path.length && isMap(node)) {
					const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
					if (pair && isScalar(pair.key)) return lineAt(pair.key.range?.[0]);
				}
				return lineAt(node.range?.[0]);
			}
			return 1 + lineOffset;
		},
	};
}

/**
 * Where to point for a YAML syntax error. The parser often notices an unclosed bracket or quote only at the
 * end of the text or at the start of the next line; the problem is then on the last line with content.
 */
function errorOffset(text: string, pos: number, code: string): number {
	const end = text.trimEnd().length;
	const atLineStart = pos > 0 && text[pos - 1] === '\n';
	if (pos < end && !(atLineStart && code === 'BAD_INDENT')) return pos;
	let at = Math.min(pos, end);
	while (at > 0 && /\s/.test(text[at - 1]!)) at--;
	return Math.max(0, at - 1);
}

/** Turns Ajv's errors into readable problems on the right line. */
export function schemaProblems(source: YamlSource, errors: readonly ErrorObject[]): Array<{ line: number; message: string }> {
	const out: Array<{ line: number; message: string }> = [];
	const seen = new Set<string>();
	for (const e of errors) {
		// if/then and oneOf wrappers repeat what their inner errors say.
		if (e.keyword === 'if' || e.keyword === 'oneOf' && errors.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword === 'required')) continue;
		const path = e.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
		const field = path.length > 0 ? `"${path.join('.')}"` : 'the file';
		let line: number;
		let message: string;
		switch (e.keyword) {
			case 'additionalProperties': {
				const key = String((e.params as { additionalProperty: string }).additionalProperty);
				line = source.lineOf(path, key);
				message = `unknown key "${key}"${path.length > 0 ? ` in ${field}` : ''}`;
				break;
			}
			case 'required':
				line = source.lineOf(path);
				message = `missing required key "${(e.params as { missingProperty: string }).missingProperty}"${path.length > 0 ? ` in ${field}` : ''}`;
				break;
			case 'enum':
				line = source.lineOf(path);
				message = `${field} must be one of: ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
				break;
			default:
				line = source.lineOf(path);
				message = `${field} ${e.message ?? 'is invalid'}`;
		}
		const key = `${line}:${message}`;
		if (!seen.has(key)) {
			seen.add(key);
			out.push({ line, message });
		}
	}
	return out;
}

import { spawn } from 'node:child_process';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IncrementalReviewer } from '../../server/src/engine';
import { findingDiagnostics } from '../../server/src/lsp/diagnostics';
import { encodeMessage } from '../../server/src/lsp/transport';
import { builtinReviewer } from '../helpers/rules';
import { densePolicy, loadCorpus } from '../bench/generate';

const ROOT = path.resolve(__dirname, '..', '..');
const URI = 'file:///work/policy.md';

/** What the library's own JSON encoder sends (vscode-jsonrpc's applicationJson encoder). */
const library = (message: object): Buffer => Buffer.from(JSON.stringify(message, undefined, 0), 'utf-8');
const publish = (uri: string, diagnostics: unknown[], version?: number): object => ({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: version === undefined ? { uri, diagnostics } : { uri, version, diagnostics } });

describe('the messages the server writes over stdio', () => {
	it('are byte for byte what the library would send, for every publish of a dense document through edits', () => {
		const reviewer = builtinReviewer();
		const text = densePolicy(60_000, loadCorpus(ROOT), ROOT);
		const incremental = new IncrementalReviewer(reviewer);
		const middle = text.indexOf(' ', text.length >> 1) + 1;
		const versions = [text, `${text.slice(0, middle)}x${text.slice(middle)}`, `${text.slice(0, middle)}\n\n${text.slice(middle)}`, text];
		for (const [i, version] of versions.entries()) {
			const diagnostics = findingDiagnostics(incremental.review({ text: version, format: 'markdown' }).findings, URI, i === 2 ? 50 : 1e9);
			// Curly quotes and dashes in the messages: the bytes are UTF-8, not the string's length.
			expect(diagnostics.length).toBeGreaterThan(40);
			const message = publish(URI, diagnostics, i + 1);
			expect(encodeMessage(message as never)).toEqual(library(message));
			// Published again (the same diagnostic objects): the same bytes.
			expect(encodeMessage(message as never)).toEqual(library(message));
		}
	});

	it('are byte for byte what the library would send, for any message', () => {
		const json = fc.jsonValue({ maxDepth: 2 });
		const diagnostic = fc.oneof(
			{ weight: 5, arbitrary: fc.record({ range: fc.constant({ start: { line: 1, character: 2 }, end: { line: 1, character: 9 } }), message: fc.string({ unit: 'binary' }), code: fc.string(), data: json }, { requiredKeys: ['range', 'message'] }) },
			{ weight: 1, arbitrary: json },
		);
		// A uri or other text that holds the key itself, with its quotes.
		const uri = fc.oneof(fc.constant(URI), fc.constant('file:///a/"diagnostics":[]".md'), fc.string({ unit: 'binary' }));
		fc.assert(
			fc.property(uri, fc.array(diagnostic, { maxLength: 80, size: 'max' }), fc.option(fc.integer()), fc.constantFrom('textDocument/publishDiagnostics', 'window/logMessage'), (u, diagnostics, version, method) => {
				const message = { ...publish(u, diagnostics, version ?? undefined), method };
				expect(encodeMessage(message as never)).toEqual(library(message));
				expect(encodeMessage(message as never)).toEqual(library(message));
			}),
			{ numRuns: 150 },
		);
		const other = { jsonrpc: '2.0', id: 3, result: { diagnostics: [] } };
		expect(encodeMessage(other as never)).toEqual(library(other));
	});

	it('stop when standard input closes: the server started on stdio exits', async () => {
		const child = spawn(process.execPath, [path.join(ROOT, 'out', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
		child.stdin.end();
		// Without a shutdown request first, as the library's stdio transport does: exit code 1.
		expect(await exited).toBe(1);
	});
});

// The one set of esbuild options for a Node bundle (CLI, language server, extension, bench and eval
// harnesses), so every bundle is built the same way.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lazyModel = path.join(root, 'server', 'src', 'node', 'englishModel.ts');

/**
 * The tagger's English model (wink-eng-lite-web-model) is loaded when the first sentence is read, not when a
 * bundle loads, and only the parts the tagger uses: the package's name resolves to
 * server/src/node/englishModel.ts, which requires those parts of the package when wink-nlp asks for them.
 */
const lazyEnglishModel = {
	name: 'lazy-english-model',
	setup(b) {
		b.onResolve({ filter: /^wink-eng-lite-web-model$/ }, () => ({ path: lazyModel }));
	},
};

/**
 * Bundles in ASCII only: Node.js reads a file of ASCII as Latin-1 (bin/load-bundle.js), some fifty times faster
 * than decoding UTF-8, tens of milliseconds of every process's start for a bundle of 3 MB. esbuild escapes the
 * non-ASCII characters of strings but leaves those of regular expression literals, templates and comments:
 * each is written here as the escape \uXXXX (a character beyond the Basic Multilingual Plane as its two
 * surrogates), which means the same character in a RegExp (with or without the u flag), in a string, in a
 * String.raw template used as a RegExp source (the only kind in the bundles) and in a comment. A character
 * already escaped with a backslash (`\–`, an identity escape of a RegExp without the u flag) loses that
 * backslash. Columns of the source map move on the lines changed (a few dozen in 70,000).
 */
const asciiOutput = {
	name: 'ascii-output',
	setup(b) {
		b.onEnd((result) => {
			if (result.errors.length > 0 || !b.initialOptions.outfile) return;
			const file = b.initialOptions.outfile;
			const text = readFileSync(file, 'utf8');
			const ascii = text.replace(/(\\*)([^\x00-\x7f])/gu, (_, slashes, c) => {
				const kept = slashes.length % 2 === 1 ? slashes.slice(1) : slashes;
				let escaped = '';
				for (let i = 0; i < c.length; i++) escaped += `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`;
				return kept + escaped;
			});
			if (ascii !== text) writeFileSync(file, ascii);
		});
	},
};

export const nodeBundleOptions = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	logLevel: 'warning',
	// Some dependencies ship only ESM and read import.meta.url, which a CommonJS bundle must provide.
	define: { 'import.meta.url': '__importMetaUrl' },
	banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
	plugins: [lazyEnglishModel, asciiOutput],
};

/** Bundles `options.entryPoints` into `options.outfile` for Node (CommonJS); `options` may add or override any esbuild option. */
export function buildForNode(options) {
	return build({ ...nodeBundleOptions, ...options });
}

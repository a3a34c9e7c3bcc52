// The one set of esbuild options for a Node bundle (CLI, language server, extension, bench and eval
// harnesses), so every bundle is built the same way.
import { build } from 'esbuild';
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

export const nodeBundleOptions = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	logLevel: 'warning',
	// Some dependencies ship only ESM and read import.meta.url, which a CommonJS bundle must provide.
	define: { 'import.meta.url': '__importMetaUrl' },
	banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
	plugins: [lazyEnglishModel],
};

/** Bundles `options.entryPoints` into `options.outfile` for Node (CommonJS); `options` may add or override any esbuild option. */
export function buildForNode(options) {
	return build({ ...nodeBundleOptions, ...options });
}

// The one set of esbuild options for a Node bundle (CLI, language server, extension, bench and eval
// harnesses), so every bundle is built the same way.
import { build } from 'esbuild';

export const nodeBundleOptions = {
	bundle: true,
	platform: 'node',
	target: 'node20',
	format: 'cjs',
	logLevel: 'warning',
	// Some dependencies ship only ESM and read import.meta.url, which a CommonJS bundle must provide.
	define: { 'import.meta.url': '__importMetaUrl' },
	banner: { js: "const __importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/** Bundles `options.entryPoints` into `options.outfile` for Node (CommonJS); `options` may add or override any esbuild option. */
export function buildForNode(options) {
	return build({ ...nodeBundleOptions, ...options });
}

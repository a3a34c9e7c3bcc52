// The web page: out/web/index.html, one self-contained file holding the page, its stylesheet and one script
// bundling the engine, the built-in rules (compiled by the build step into out/builtin-rules.json, embedded so
// the page fetches nothing) and the Word reader. Works opened from disk (file://, even as an e-mail
// attachment saved anywhere) or from any static host. Its Content-Security-Policy allows that script and that
// stylesheet by their SHA-256 hashes and nothing else: no request of any kind. Called by scripts/build.mjs
// once the rules are compiled.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { nodeBundleOptions } from './esbuild-node.mjs';

const root = path.resolve(import.meta.dirname, '..');
const source = path.join(root, 'server', 'src', 'web', 'page');
const require = createRequire(import.meta.url);

/**
 * mammoth's browser build opens a document only from an ArrayBuffer, with its own unzipping; the page gives
 * it the Word reader's bounded package instead (the `file` input of mammoth's Node.js entry), whose only
 * Node.js need, reading a path, is never used.
 */
const mammothWithPackageInput = {
	name: 'mammoth-package-input',
	setup(b) {
		const lib = path.dirname(require.resolve('mammoth/lib/unzip.js'));
		b.onResolve({ filter: /^\.\/unzip$/ }, (args) => (path.dirname(args.importer) === lib ? { path: path.join(lib, 'unzip.js') } : undefined));
		b.onResolve({ filter: /^\.\/fs$/ }, (args) => (args.importer === path.join(lib, 'unzip.js') ? { path: 'mammoth-fs', namespace: 'no-fs' } : undefined));
		b.onLoad({ filter: /.*/, namespace: 'no-fs' }, () => ({ contents: "exports.readFile = function () { return Promise.reject(new Error('no file system in a web page')); };", loader: 'js' }));
	},
};

/**
 * `import rules from 'accountable:builtin-rules'`: the compiled built-in rules, without the status of each rule
 * file on the machine that built them (`stamps`, for the command line's check that they are current), which
 * a page or a web extension has no use for and would only make its bundle differ from one machine to another.
 */
export function builtinRules(file) {
	return {
		name: 'builtin-rules',
		setup(b) {
			b.onResolve({ filter: /^accountable:builtin-rules$/ }, () => ({ path: file, namespace: 'builtin-rules' }));
			b.onLoad({ filter: /.*/, namespace: 'builtin-rules' }, () => {
				const { stamps, ...rules } = JSON.parse(fs.readFileSync(file, 'utf8'));
				return { contents: JSON.stringify(rules), loader: 'json' };
			});
		},
	};
}

/** The report's stylesheet as the engine exports it, evaluated from its TypeScript source. */
async function reportCss() {
	const out = await build({ ...nodeBundleOptions, entryPoints: [path.join(root, 'server', 'src', 'engine', 'report', 'render', 'styles.ts')], write: false, banner: {}, define: {} });
	const module = { exports: {} };
	new Function('module', 'exports', out.outputFiles[0].text)(module, module.exports);
	return module.exports.STANDALONE_CSS;
}

/** The page's script: one classic script (module scripts do not load from file://). */
async function pageScript(rulesFile) {
	const out = await build({
		entryPoints: [path.join(source, 'main.ts')],
		bundle: true,
		write: false,
		outfile: 'app.js',
		platform: 'browser',
		format: 'iife',
		target: ['chrome111', 'firefox113', 'safari16.4'],
		minify: true,
		// The bundled libraries' licence notices stay in the page.
		legalComments: 'eof',
		logLevel: 'warning',
		plugins: [mammothWithPackageInput, builtinRules(rulesFile)],
	});
	const script = out.outputFiles[0].text;
	// esbuild escapes "</script" in strings; a left-over one would end the element early.
	if (/<\/script/i.test(script)) throw new Error('the page script contains "</script" and cannot be inlined');
	return script;
}

const sha256 = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

export async function buildWebPage({ outDir = path.join(root, 'out', 'web'), rulesFile = path.join(root, 'out', 'builtin-rules.json') } = {}) {
	if (!fs.existsSync(rulesFile)) throw new Error(`the web page embeds the compiled built-in rules, and ${path.relative(root, rulesFile)} is missing (the rules have problems: see above)`);
	const [script, css] = await Promise.all([pageScript(rulesFile), reportCss()]);
	const styles = `${css}\n${fs.readFileSync(path.join(source, 'page.css'), 'utf8')}`;
	const template = fs.readFileSync(path.join(source, 'index.html'), 'utf8');
	const html = template
		.replace("'SCRIPT_HASH'", `'${sha256(script)}'`)
		.replace("'STYLE_HASH'", `'${sha256(styles)}'`)
		.replace('<style>STYLES</style>', () => `<style>${styles}</style>`)
		.replace('<script>SCRIPT</script>', () => `<script>${script}</script>`);
	fs.rmSync(outDir, { recursive: true, force: true });
	fs.mkdirSync(outDir, { recursive: true });
	fs.writeFileSync(path.join(outDir, 'index.html'), html);
}

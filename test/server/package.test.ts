/**
 * SLOW-ish (about 5 s): runs `npm run package` on a copy of the sources and checks the .vsix. The copy keeps
 * the production build from rewriting out/ while other test files are running the server from it.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TestClient, withRule } from './lspClient';
import { withNls } from '../helpers/nls';

const SOURCES = ['package.json', 'package.nls.json', 'package.nls.es.json', 'l10n', 'scripts', 'server/src', 'client/src', 'rules', 'bin', 'images', 'README.md', 'CHANGELOG.md', 'LICENSE', 'extension', 'examples', 'media'];

let work: string;
let vsix: string;
let zip: JSZip;

beforeAll(() => {
	work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'accountable-vsix-')));
	for (const source of SOURCES) fs.cpSync(path.join(ROOT, source), path.join(work, source), { recursive: true });
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
	execFileSync('npm', ['run', 'package', '--silent'], { cwd: work, stdio: 'pipe', timeout: 120000 });
	const built = fs.readdirSync(path.join(work, 'dist')).filter((f) => f.endsWith('.vsix'));
	expect(built).toEqual([`accountable-${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}.vsix`]);
	vsix = path.join(work, 'dist', built[0]!);
}, 120000);

afterAll(() => {
	if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm run package', () => {
	it('builds a .vsix with the bundles, every rule, the docs and the icon, and nothing else', async () => {
		zip = await JSZip.loadAsync(fs.readFileSync(vsix));
		const files = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
		for (const needed of ['extension/package.json', 'extension/out/server.js', 'extension/out/extension.js', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/images/icon.png', 'extension/rules/schema/config.schema.json']) {
			expect(files).toContain(needed);
		}
		const rulesInRepo = fs.readdirSync(path.join(ROOT, 'rules'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
		expect(files.filter((f) => f.startsWith('extension/rules/'))).toHaveLength(rulesInRepo);
		// An allow-list (package.json `files`, which vsce reads in place of .vscodeignore): besides the rules, only
		// what VS Code runs or shows. No sources, maps, tests, CLI or dependencies.
		// The walkthrough's pages, in English and in each translation's folder (media/walkthrough/<locale>/).
		const walkthroughMedia = fs
			.readdirSync(path.join(ROOT, 'media', 'walkthrough'), { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile())
			.map((e) => `extension/${path.relative(ROOT, path.join(e.parentPath, e.name))}`);
		expect(walkthroughMedia.length).toBeGreaterThanOrEqual(12);
		expect(files.filter((f) => !f.startsWith('extension/rules/')).sort()).toEqual([
			'[Content_Types].xml',
			'extension.vsixmanifest',
			'extension/LICENSE.txt',
			'extension/changelog.md',
			'extension/examples/draft-state-bill.md',
			'extension/images/icon.png',
			'extension/images/screenshot-hover.png',
			'extension/images/spanish-report.png',
			'extension/images/web-extension.png',
			'extension/images/word-reviewed-copy.png',
			'extension/l10n/bundle.l10n.es.json',
			'extension/l10n/bundle.l10n.json',
			...walkthroughMedia,
			'extension/out/browser/extension.js',
			'extension/out/browser/server.js',
			'extension/out/builtin-rules.json',
			'extension/out/english-model.bin',
			'extension/out/english-model.json',
			'extension/out/extension.js',
			'extension/out/server.js',
			'extension/package.json',
			'extension/package.nls.es.json',
			'extension/package.nls.json',
			'extension/readme.md',
		].sort());
		const manifest = JSON.parse(await zip.file('extension/package.json')!.async('string'));
		expect(`${manifest.publisher}.${manifest.name}`).toBe('accountable.accountable');
		expect(manifest.main).toBe('./out/extension.js');
		// VS Code for the Web runs the `browser` entry, which starts its server from the package in a web worker.
		expect(manifest.browser).toBe('./out/browser/extension.js');
		expect(manifest.capabilities.virtualWorkspaces.supported).toBe('limited');
		expect(manifest.activationEvents).toEqual(['onLanguage:markdown', 'onLanguage:plaintext']);
		expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
		expect(manifest.contributes.jsonValidation[0]).toEqual({ fileMatch: '.accountable.json', url: './rules/schema/config.schema.json' });
		const settings = Object.keys(manifest.contributes.configuration.properties).sort();
		expect(settings).toEqual(['accountable.enable', 'accountable.maxDocumentSize', 'accountable.maxNumberOfProblems', 'accountable.minSeverity', 'accountable.packs', 'accountable.profile', 'accountable.rules', 'accountable.run', 'accountable.trace.server']);
		// Every setting explains itself in the Settings editor (in the words of package.nls.json, or of the
		// package.nls.<locale>.json of VS Code's language); all but the trace apply per folder or file.
		const nls = JSON.parse(await zip.file('extension/package.nls.json')!.async('string')) as Record<string, string>;
		const shown = JSON.parse(withNls(await zip.file('extension/package.json')!.async('string'), nls));
		expect(manifest.l10n).toBe('./l10n');
		for (const [key, setting] of Object.entries(shown.contributes.configuration.properties) as Array<[string, { description?: string; markdownDescription?: string; scope?: string }]>) {
			expect((setting.description ?? setting.markdownDescription ?? '').length, key).toBeGreaterThan(20);
			expect(setting.scope, key).toBe(key === 'accountable.trace.server' ? 'window' : 'resource');
		}
		expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations).toEqual(['accountable.packs']);
		expect(manifest.contributes.configuration.properties['accountable.trace.server'].enum).toEqual(['off', 'messages', 'verbose']);
	});

	it('shows the user-facing README on the extension page, with its screenshots, not the developer README', async () => {
		zip ??= await JSZip.loadAsync(fs.readFileSync(vsix));
		const readme = await zip.file('extension/readme.md')!.async('string');
		expect(readme).toBe(fs.readFileSync(path.join(ROOT, 'extension', 'README.md'), 'utf8'));
		expect(readme).not.toBe(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
		for (const section of ['## Private: nothing leaves your computer', '## What it flags', '## Word documents', '## Settings']) expect(readme).toContain(section);
		// No build or test steps for developers on the page users see.
		expect(readme).not.toMatch(/npm (ci|test|run)|vitest|git clone/);
		const images = [...readme.matchAll(/!\[[^\]]+\]\(([^)]+)\)/g)].map((m) => m[1]!);
		expect(images.length).toBeGreaterThanOrEqual(2);
		for (const image of images) expect(zip.file(`extension/${image}`), image).not.toBeNull();
	});

	it('contributes a walkthrough whose every step has its media in the package, a button and a completion event', async () => {
		zip ??= await JSZip.loadAsync(fs.readFileSync(vsix));
		const nls = JSON.parse(await zip.file('extension/package.nls.json')!.async('string')) as Record<string, string>;
		const manifest = JSON.parse(withNls(await zip.file('extension/package.json')!.async('string'), nls));
		const [walkthrough] = manifest.contributes.walkthroughs;
		expect(walkthrough.id).toBe('firstRun');
		const commands = new Set(manifest.contributes.commands.map((c: { command: string }) => c.command));
		expect(walkthrough.steps.map((s: { id: string }) => s.id)).toEqual(['openExample', 'seeFinding', 'readWhy', 'applyFix', 'openReport', 'chooseProfile']);
		for (const step of walkthrough.steps as Array<{ id: string; description: string; media: { markdown: string }; completionEvents: string[] }>) {
			expect(zip.file(`extension/${step.media.markdown}`), step.id).not.toBeNull();
			const button = /\(command:([\w.]+)/.exec(step.description)?.[1];
			expect(button, step.id).toBeDefined();
			expect(commands.has(button!) || button!.startsWith('workbench.'), `${step.id}: ${button}`).toBe(true);
			expect(step.completionEvents.length, step.id).toBeGreaterThan(0);
			for (const event of step.completionEvents) {
				const command = /^onCommand:(.+)$/.exec(event)?.[1];
				if (command && command.startsWith('accountable.')) expect(commands.has(command), `${step.id}: ${event}`).toBe(true);
			}
		}
	});

	it('ships a server that finds its rules inside the installed extension and reviews the example', async () => {
		zip ??= await JSZip.loadAsync(fs.readFileSync(vsix));
		const installed = path.join(work, 'installed');
		for (const [name, entry] of Object.entries(zip.files)) {
			if (entry.dir || !name.startsWith('extension/')) continue;
			const target = path.join(installed, name.slice('extension/'.length));
			fs.mkdirSync(path.dirname(target), { recursive: true });
			fs.writeFileSync(target, await entry.async('nodebuffer'));
		}
		const client = new TestClient({ server: path.join(installed, 'out', 'server.js'), workspaceFolder: installed });
		try {
			await client.initialize();
			const example = fs.readFileSync(path.join(ROOT, 'examples', 'draft-state-bill.md'), 'utf8');
			const uri = client.open(path.join(installed, 'draft-state-bill.md'), example);
			const diagnostics = await client.waitForDiagnostics(uri, withRule('conditional-services/cooperation-required'));
			const href = diagnostics[0]!.codeDescription!.href;
			expect(href.startsWith(new URL(`file://${installed}/rules/`).href)).toBe(true);
		} finally {
			await client.dispose();
		}
	});
});

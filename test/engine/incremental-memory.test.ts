import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

/**
 * What an open document's incremental review keeps must not grow with the number of edits: V8 keeps a slice
 * of a long string as a view of the whole, so a kept slice of each edited version would keep a copy of the
 * document per edit (a 20 MB document: 40 MB more after each edit made in a new place).
 */
describe('the incremental review of a long document', () => {
	it('keeps at most the first version of the text and no other, however many places were edited', async () => {
		const { buildForNode } = (await import(path.join(ROOT, 'scripts', 'esbuild-node.mjs'))) as { buildForNode: (o: object) => Promise<unknown> };
		// In the build's folder, where the bundle finds the built-in rules as out/*.js do.
		const outfile = path.join(ROOT, 'out', 'test-kept-versions.cjs');
		await buildForNode({ entryPoints: [path.join(ROOT, 'test', 'helpers', 'keptVersions.ts')], outfile });
		// Without concurrent recompilation: an optimising compile job in flight holds the closure context of the
		// last review (and so its input, the last version) through V8's own strong roots until it finishes, which
		// a busy machine can stretch past the snapshot (seen in CI: "(Strong roots) → IdentityMapBase → Context →
		// context:input"). Without it a job runs to its end on the main thread, before the snapshot; what the
		// program itself keeps is the same either way.
		const run = spawnSync(process.execPath, ['--no-concurrent-recompilation', outfile, ROOT, '6'], { encoding: 'utf8', timeout: 120_000 });
		expect(run.stderr).toBe('');
		const { versions, retainers } = JSON.parse(run.stdout) as { versions: number; retainers: string[] };
		// The first review's kept parts are slices of the first version; each edit's are copies of their own text.
		// On failure: what holds each version kept (the shortest path of references from the heap's root).
		expect(versions, `versions kept, by what holds them:\n${retainers.join('\n')}`).toBeLessThanOrEqual(1);
	}, 180_000);
});

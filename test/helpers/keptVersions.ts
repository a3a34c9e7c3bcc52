// Run as a process of its own (test/engine/incremental-memory.test.ts bundles it): reviews a long policy, edits
// it in several places, each edit reviewed incrementally, and counts the whole versions of the text still in
// memory (a heap snapshot's strings that start with the document's title), with only the reviewer kept.
// Counted are the versions the program holds: reachable by strong references from the heap's roots other than
// V8's own handle scopes ("(Handle scope)" in the snapshot). Those hold, for a moment, objects V8 is working on
// (its compiler threads among others); on a busy machine one held the closure context of the last review, and so
// that review's input: the last version, counted as kept though nothing of the program held it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { IncrementalReviewer, Reviewer } from '../../server/src/engine';
import { loadRules } from '../../server/src/node/ruleFiles';
import { generatePolicy, loadCorpus } from '../bench/generate';

const [root, editsArg] = process.argv.slice(2);
const TITLE = '# Kept versions probe';
const edits = Number(editsArg);
const incremental = new IncrementalReviewer(new Reviewer(loadRules()));
let text = `${TITLE}\n\n${generatePolicy(300_000, loadCorpus(root!), { seed: 3 })}`;
incremental.review({ text, format: 'markdown' });
for (let i = 1; i <= edits; i++) {
	const at = text.indexOf(' ', Math.floor((text.length * i) / (edits + 1))) + 1;
	text = `${text.slice(0, at)}x${text.slice(at)}`;
	incremental.review({ text, format: 'markdown' });
}
const length = text.length;
text = ''; // the last version too: only what the reviewer keeps is left
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kept-versions-')), 'heap.heapsnapshot');
v8.writeHeapSnapshot(file);
const snapshot = JSON.parse(fs.readFileSync(file, 'utf8')) as HeapSnapshot;
fs.rmSync(path.dirname(file), { recursive: true, force: true });
const { reachable, path: retainers } = strongReferences(snapshot, '(Handle scope)');
const fields = snapshot.snapshot.meta.node_fields;
const [type, name, size] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
const kept: number[] = [];
let heldByV8 = 0;
for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
	const isString = snapshot.snapshot.meta.node_types[0][snapshot.nodes[i + type]!] === 'string';
	if (!isString || snapshot.nodes[i + size]! < length || !snapshot.strings[snapshot.nodes[i + name]!]!.startsWith(TITLE)) continue;
	if (reachable(i)) kept.push(i);
	else heldByV8++;
}
// What holds each version kept (the test prints it when there are too many).
process.stdout.write(`${JSON.stringify({ versions: kept.length, heldByV8, kept: incremental !== undefined, retainers: kept.map(retainers) })}\n`);

interface HeapSnapshot {
	snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
	nodes: number[];
	edges: number[];
	strings: string[];
}

/**
 * The nodes reachable from the snapshot's root by strong (not weak) references, leaving out the synthetic
 * root named `skipRoot`; and, for a node (an index into `nodes`), the shortest such path to it, as
 * "type name -edge-> type name … string".
 */
function strongReferences(s: HeapSnapshot, skipRoot: string): { reachable: (node: number) => boolean; path: (node: number) => string } {
	const nf = s.snapshot.meta.node_fields;
	const ef = s.snapshot.meta.edge_fields;
	const [nType, nName, nEdges] = ['type', 'name', 'edge_count'].map((f) => nf.indexOf(f)) as [number, number, number];
	const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => ef.indexOf(f)) as [number, number, number];
	const nodeTypes = s.snapshot.meta.node_types[0];
	const edgeTypes = s.snapshot.meta.edge_types[0];
	const count = s.nodes.length / nf.length;
	const typeOf = (n: number): string => nodeTypes[s.nodes[n * nf.length + nType]!]!;
	const nameOf = (n: number): string => s.strings[s.nodes[n * nf.length + nName]!]!;
	const firstEdge = new Int32Array(count + 1);
	for (let n = 0; n < count; n++) firstEdge[n + 1] = firstEdge[n]! + s.nodes[n * nf.length + nEdges]! * ef.length;
	// Breadth first from the root (node 0): each node's parent and the edge from it.
	const parent = new Int32Array(count).fill(-1);
	const parentEdge = new Int32Array(count).fill(-1);
	parent[0] = 0;
	const queue = new Int32Array(count);
	let tail = 1;
	for (let head = 0; head < tail; head++) {
		const n = queue[head]!;
		for (let e = firstEdge[n]!; e < firstEdge[n + 1]!; e += ef.length) {
			if (edgeTypes[s.edges[e + eType]!] === 'weak') continue;
			const to = s.edges[e + eTo]! / nf.length;
			if (parent[to] !== -1) continue;
			if (typeOf(to) === 'synthetic' && nameOf(to) === skipRoot) continue;
			parent[to] = n;
			parentEdge[to] = e;
			queue[tail++] = to;
		}
	}
	return {
		reachable: (node) => parent[node / nf.length] !== -1,
		path: (node) => {
			const steps: string[] = [];
			for (let n = node / nf.length; n > 0; n = parent[n]!) {
				const e = parentEdge[n]!;
				const kind = edgeTypes[s.edges[e + eType]!];
				const edge = kind === 'element' || kind === 'hidden' ? `[${s.edges[e + eName]}]` : String(s.strings[s.edges[e + eName]!]);
				steps.unshift(`${typeOf(parent[n]!)} ${nameOf(parent[n]!).slice(0, 60)} -${kind}:${edge}->`);
			}
			return `${steps.join(' ')} string`;
		},
	};
}

/**
 * The VS Code extension's own logic (what it adds around the server's commands, and the status bar), with a
 * stand-in for the `vscode` module. The extension in a real VS Code is tested by the e2e suite (test/e2e).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const ui = vi.hoisted(() => {
	class Position {
		constructor(
			readonly line: number,
			readonly character: number,
		) {}
	}
	class Range {
		constructor(
			readonly start: Position,
			readonly end: Position,
		) {}
		contains(p: Position): boolean {
			const after = p.line > this.start.line || (p.line === this.start.line && p.character >= this.start.character);
			const before = p.line < this.end.line || (p.line === this.end.line && p.character <= this.end.character);
			return after && before;
		}
	}
	const uri = (s: string) => ({ toString: () => s, fsPath: s.replace(/^file:\/\//, ''), scheme: s.split(':')[0] });
	const state = {
		inputBox: undefined as string | undefined,
		inputBoxCalls: 0,
		pick: (items: unknown[]) => items[0],
		pickCalls: 0,
		diagnostics: [] as unknown[],
		editor: undefined as undefined | { document: { uri: ReturnType<typeof uri>; languageId: string }; selection: { active: Position } },
		executed: [] as Array<[string, unknown]>,
		warnings: [] as string[],
		statusItem: { text: '', tooltip: '', shown: false } as { text: string; tooltip: string; shown: boolean; command?: string },
		diagnosticListeners: [] as Array<(e: { uris: Array<ReturnType<typeof uri>> }) => void>,
	};
	const vscode = {
		Position,
		Range,
		Uri: { parse: uri, file: (p: string) => uri(`file://${p}`), from: (c: { scheme: string; path: string; query?: string }) => uri(`${c.scheme}:${c.path}${c.query ? `?${c.query}` : ''}`) },
		DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
		StatusBarAlignment: { Left: 1, Right: 2 },
		window: {
			get activeTextEditor() {
				return state.editor;
			},
			showInputBox: async () => {
				state.inputBoxCalls++;
				return state.inputBox;
			},
			showQuickPick: async (items: unknown[]) => {
				state.pickCalls++;
				return state.pick(items);
			},
			showWarningMessage: async (m: string) => void state.warnings.push(m),
			showInformationMessage: async () => undefined,
			showTextDocument: async () => undefined,
			createStatusBarItem: () =>
				Object.assign(state.statusItem, {
					show: () => (state.statusItem.shown = true),
					hide: () => (state.statusItem.shown = false),
					dispose: () => undefined,
				}),
			onDidChangeActiveTextEditor: () => ({ dispose: () => undefined }),
		},
		languages: {
			getDiagnostics: () => state.diagnostics,
			onDidChangeDiagnostics: (listener: (e: { uris: Array<ReturnType<typeof uri>> }) => void) => {
				state.diagnosticListeners.push(listener);
				return { dispose: () => undefined };
			},
		},
		commands: {
			executeCommand: async (id: string, arg: unknown) => void state.executed.push([id, arg]),
		},
		workspace: { workspaceFolders: [] },
		// English, as VS Code without a language pack: the message with its placeholders filled in.
		l10n: { bundle: undefined, t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m)) },
	};
	return { state, vscode, uri, Position, Range };
});

vi.mock('vscode', () => ui.vscode);

import { commandMiddleware } from '../../client/src/commands';
import { FindingsStatus } from '../../client/src/status';

const RULE = 'conditional-services/cooperation-required';
const DOC = 'file:///ws/draft.md';
const DOC_URL = 'file:///ext/rules/conditional-services/cooperation-required.md';
const { state, Position, Range } = ui;

function diagnostic(ruleId: string, line: number, suggestions: unknown[] = [], source = 'accountable', severity = 0) {
	return { source, severity, code: { value: ruleId, target: ui.uri(DOC_URL) }, range: new Range(new Position(line, 0), new Position(line, 40)), message: 'm', data: { ruleId, docUrl: DOC_URL, suggestions } };
}

function run(command: string, args: unknown[]) {
	const next = vi.fn(async (_c: string, a: unknown[]) => ({ ran: a }));
	return { next, result: commandMiddleware(command, args, next, () => undefined) };
}

beforeEach(() => {
	state.inputBox = undefined;
	state.inputBoxCalls = 0;
	state.pickCalls = 0;
	state.pick = (items) => items[0];
	state.diagnostics = [];
	state.editor = { document: { uri: ui.uri(DOC), languageId: 'markdown' }, selection: { active: new Position(4, 5) } };
	state.executed = [];
	state.warnings = [];
});

describe('the extension around the server commands', () => {
	it('asks for a reason before disabling a rule for a line, and Escape cancels', async () => {
		state.inputBox = 'quoted from the statute';
		const args = { uri: DOC, ruleId: RULE, line: 4 };
		let call = run('accountable.disableRuleForLine', [args]);
		await call.result;
		expect(state.inputBoxCalls).toBe(1);
		expect(call.next).toHaveBeenCalledWith('accountable.disableRuleForLine', [{ ...args, reason: 'quoted from the statute' }]);

		state.inputBox = undefined;
		call = run('accountable.disableRuleForFile', [args]);
		await call.result;
		expect(call.next).not.toHaveBeenCalled();
	});

	it('takes the reason from the arguments without prompting (for tests and key bindings)', async () => {
		const call = run('accountable.disableRuleForLine', [{ uri: DOC, ruleId: RULE, line: 4, reason: '' }]);
		await call.result;
		expect(state.inputBoxCalls).toBe(0);
		expect(call.next).toHaveBeenCalledWith('accountable.disableRuleForLine', [{ uri: DOC, ruleId: RULE, line: 4, reason: '' }]);
	});

	it('uses the finding under the cursor when a command comes from the palette', async () => {
		state.diagnostics = [diagnostic(RULE, 4), diagnostic('framing/x', 9), { ...diagnostic('other/rule', 4), source: 'cspell' }];
		const call = run('accountable.disableRuleInWorkspace', []);
		await call.result;
		expect(call.next).toHaveBeenCalledWith('accountable.disableRuleInWorkspace', [expect.objectContaining({ uri: DOC, ruleId: RULE, line: 4, docUrl: DOC_URL })]);

		state.diagnostics = [];
		const none = run('accountable.disableRuleInWorkspace', []);
		await none.result;
		expect(none.next).not.toHaveBeenCalled();
		expect(state.warnings).toEqual(['Accountable: there is no finding at the cursor.']);
	});

	it('applies the suggestion the user picks when the finding under the cursor has several', async () => {
		const suggestions = [
			{ kind: 'replace', title: 'A', text: 'a', range: {} },
			{ kind: 'insert', title: 'B', text: 'b', range: {} },
		];
		state.diagnostics = [diagnostic(RULE, 4, suggestions)];
		state.pick = (items) => items[1];
		const call = run('accountable.applySuggestion', []);
		await call.result;
		expect(state.pickCalls).toBe(1);
		expect((call.next.mock.calls[0]![1][0] as { suggestion: unknown }).suggestion).toEqual(suggestions[1]);
	});

	it('asks the server for the suggestions of the finding under the cursor, which its diagnostic only counts', async () => {
		const suggestions = [
			{ kind: 'replace', title: 'A', text: 'a', range: {} },
			{ kind: 'insert', title: 'B', text: 'b', range: {} },
		];
		state.diagnostics = [{ ...diagnostic(RULE, 4), data: { fixes: 2 } }, { ...diagnostic('framing/x', 4), data: {} }];
		state.pick = (items) => items[1];
		const requests: unknown[][] = [];
		const server = { sendRequest: async (...a: unknown[]) => (requests.push(a), suggestions) };
		const next = vi.fn(async (_c: string, a: unknown[]) => ({ ran: a }));
		await commandMiddleware('accountable.applySuggestion', [], next, () => server as never);
		// Only the finding with suggestions is offered; the server is asked with the diagnostic as published.
		expect(requests).toEqual([['accountable/suggestions', { uri: DOC, diagnostic: { code: RULE, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 40 } }, message: 'm' } }]]);
		expect(state.pickCalls).toBe(1);
		expect((next.mock.calls[0]![1][0] as { suggestion: unknown }).suggestion).toEqual(suggestions[1]);

		// The server no longer has them (a review since): said, and nothing applied.
		const none = vi.fn();
		const gone = { sendRequest: async () => [] };
		await commandMiddleware('accountable.applySuggestion', [], none, () => gone as never);
		expect(none).not.toHaveBeenCalled();
		expect(state.warnings).toEqual(['Accountable: there is no finding with a suggestion at the cursor.']);
	});

	it('opens the rule\'s rendered documentation (not its file) in the Markdown preview, without the server command', async () => {
		const call = run('accountable.showRuleDocumentation', [{ uri: DOC, ruleId: RULE, docUrl: DOC_URL }]);
		const rendered = `accountable-rule:/${RULE}.md?${DOC}`;
		expect(await call.result).toEqual({ uri: rendered });
		expect(call.next).not.toHaveBeenCalled();
		expect(state.executed.map(([id, arg]) => [id, String(arg)])).toEqual([['markdown.showPreview', rendered]]);
	});

	it('passes other commands through to the server', async () => {
		const call = run('accountable.createConfigurationFile', []);
		expect(await call.result).toEqual({ ran: [] });
	});
});

describe('the status bar', () => {
	it('counts the active document\'s Accountable findings as the Problems panel lists them (not hints) and opens it on click', () => {
		state.diagnostics = [diagnostic(RULE, 4), diagnostic('framing/x', 9, [], 'accountable', 2), diagnostic('consent/y', 12, [], 'accountable', 3), diagnostic('x', 1, [], 'cspell')];
		const status = new FindingsStatus();
		expect(state.statusItem.shown).toBe(true);
		expect(state.statusItem.text).toBe('$(law) Accountable: 2');
		expect(state.statusItem.tooltip).toMatch(/2 findings \(1 error\)/);
		expect(state.statusItem.command).toBe('workbench.actions.view.problems');

		state.diagnostics = [];
		for (const listener of state.diagnosticListeners) listener({ uris: [ui.uri(DOC)] });
		expect(state.statusItem.text).toBe('$(check) Accountable');

		state.editor = { document: { uri: ui.uri('file:///ws/a.json'), languageId: 'json' }, selection: { active: new Position(0, 0) } };
		status.update();
		expect(state.statusItem.shown).toBe(false);
		status.dispose();
	});
});

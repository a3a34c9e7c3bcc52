import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterWebviewFocus, type FocusablePanel } from '../../client/src/report/focus';

/** A report panel as the extension sees it: `active` and its view-state events. */
class Panel implements FocusablePanel {
	active = false;
	listeners = new Set<(e: { webviewPanel: { active: boolean } }) => unknown>();
	onDidChangeViewState(listener: (e: { webviewPanel: { active: boolean } }) => unknown) {
		this.listeners.add(listener);
		return { dispose: () => this.listeners.delete(listener) };
	}
	change(active: boolean) {
		this.active = active;
		for (const l of [...this.listeners]) l({ webviewPanel: this });
	}
}

/** Whether the promise has settled after the pending timers up to `ms` have run. */
async function settledAfter(promise: Promise<void>, ms: number): Promise<boolean> {
	let settled = false;
	void promise.then(() => (settled = true));
	await vi.advanceTimersByTimeAsync(ms);
	return settled;
}

describe('focusing the draft after a click in the report', () => {
	afterEach(() => vi.useRealTimers());

	it('waits for the focus the click gives the report, then lets the draft take it', async () => {
		vi.useFakeTimers();
		const panel = new Panel();
		const focused = afterWebviewFocus(panel, 1500);
		expect(await settledAfter(focused, 200), 'not before the report has the focus').toBe(false);
		panel.change(false); // another view-state change (moved, hidden) is not the focus
		expect(await settledAfter(focused, 10)).toBe(false);
		panel.change(true);
		expect(await settledAfter(focused, 0)).toBe(true);
		expect(panel.listeners.size, 'stops listening').toBe(0);
	});

	it('does not wait when the report already has the focus (keyboard: Tab to the item, Enter)', async () => {
		vi.useFakeTimers();
		const panel = new Panel();
		panel.active = true;
		expect(await settledAfter(afterWebviewFocus(panel, 1500), 0)).toBe(true);
		expect(panel.listeners.size).toBe(0);
	});

	it('gives up waiting after the bound, so the cursor still moves if the focus never comes', async () => {
		vi.useFakeTimers();
		const panel = new Panel();
		const focused = afterWebviewFocus(panel, 1500);
		expect(await settledAfter(focused, 1499)).toBe(false);
		expect(await settledAfter(focused, 1)).toBe(true);
		expect(panel.listeners.size).toBe(0);
	});
});

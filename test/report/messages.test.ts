import { describe, expect, it } from 'vitest';
import { exportFileName, parseReportMessage } from '../../client/src/report/messages';

describe('report webview messages', () => {
	it('accepts the three messages the page sends', () => {
		expect(parseReportMessage({ type: 'reveal', line: 33, character: 12 })).toEqual({ type: 'reveal', line: 33, character: 12 });
		expect(parseReportMessage({ type: 'reveal', line: 4 })).toEqual({ type: 'reveal', line: 4, character: 0 });
		expect(parseReportMessage({ type: 'export', format: 'md' })).toEqual({ type: 'export', format: 'md' });
		expect(parseReportMessage({ type: 'openRule', url: 'file:///x/rules/raids/vice-raids.md' })).toMatchObject({ type: 'openRule' });
	});

	it('ignores anything else the page might post', () => {
		for (const bad of [null, 'reveal', {}, { type: 'reveal', line: -1 }, { type: 'reveal', line: 1.5 }, { type: 'reveal', line: '3' }, { type: 'export', format: 'pdf' }, { type: 'openRule', url: 'command:workbench.action.terminal.new' }, { type: 'openRule', url: 'javascript:alert(1)' }, { type: 'run' }]) {
			expect(parseReportMessage(bad), JSON.stringify(bad)).toBeUndefined();
		}
	});

	it('names exports after the draft', () => {
		expect(exportFileName('bill.md', 'html')).toBe('bill-accountability-report.html');
		expect(exportFileName('grant.proposal.txt', 'md')).toBe('grant.proposal-accountability-report.md');
		expect(exportFileName('Untitled-1', 'md')).toBe('Untitled-1-accountability-report.md');
	});
});

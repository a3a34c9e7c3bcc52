// A tiny recorder for the checks the e2e runners make outside mocha (Neovim, the workbench UI): each check is
// a named test that passes or fails, printed as it runs and written as { suite, passed, failed, tests } JSON,
// the format scripts/ci-summary.mjs counts.
import * as fs from 'node:fs';
import * as path from 'node:path';

export class Checks {
	constructor(suite) {
		this.suite = suite;
		this.tests = [];
	}

	/** Runs `fn` (which throws or rejects to fail) as the test `title`. */
	async check(title, fn) {
		const started = Date.now();
		try {
			await fn();
			this.tests.push({ title: `${this.suite}: ${title}`, state: 'passed', durationMs: Date.now() - started });
			console.log(`  ✓ ${title}`);
		} catch (error) {
			this.tests.push({ title: `${this.suite}: ${title}`, state: 'failed', durationMs: Date.now() - started, error: error?.stack ?? String(error) });
			console.log(`  ✗ ${title}\n    ${String(error?.message ?? error).split('\n').join('\n    ')}`);
		}
	}

	get passed() {
		return this.tests.filter((t) => t.state === 'passed').length;
	}

	get failed() {
		return this.tests.length - this.passed;
	}

	write(file) {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, `${JSON.stringify({ suite: this.suite, passed: this.passed, failed: this.failed, tests: this.tests }, null, '\t')}\n`);
		console.log(`${this.suite}: ${this.passed} passed, ${this.failed} failed`);
	}
}

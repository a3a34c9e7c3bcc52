import type { Finding, Rule } from '../../engine';

/** What a formatter receives: every reviewed file with its findings, and the rules that ran. */
export interface FileResult {
	/** Path as the user should see it (relative to the working folder where possible). */
	file: string;
	findings: Finding[];
	suppressed: Finding[];
}

export interface FormatInput {
	results: FileResult[];
	rules: Rule[];
	version: string;
	cwd: string;
}

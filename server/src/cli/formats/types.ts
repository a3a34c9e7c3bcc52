import type { DetectedProfile, Finding, Rule } from '../../engine';
import type { WordLocation } from '../../node/docx';
import type { Report } from '../../engine/report';

/** What a formatter receives: every reviewed file with its findings, and the rules that ran. */
export interface FileResult {
	/** Path as the user should see it (relative to the working folder where possible). */
	file: string;
	findings: Finding[];
	suppressed: Finding[];
	/** The profile the review used and why; absent when the file was not reviewed. */
	profile?: DetectedProfile;
	/** For Word documents: where a finding is in Word (paragraph, heading path, quote). */
	locate?: (finding: Finding) => WordLocation | undefined;
	/** The rules that reviewed the file: their fingerprint, and the rule packs loaded (relative paths), which `accountable merge` compares. */
	rules?: RulesUsed;
	/** The document's accountability report without a date (--with-report), which `accountable merge --report` gathers. */
	report?: Report;
}

export interface RulesUsed {
	fingerprint: string;
	packs: string[];
}

export interface FormatInput {
	results: FileResult[];
	rules: Rule[];
	version: string;
	cwd: string;
}

/** A format's output: all at once, or in pieces written as they are made (a long list of findings). */
export type FormatOutput = string | Iterable<string>;

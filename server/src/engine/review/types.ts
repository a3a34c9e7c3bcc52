import type { DocumentFormat, ReviewDocument } from '../document';
import type { Finding } from '../finding';
import type { Profile } from '../config';

export interface ReviewInput {
	text: string;
	format: DocumentFormat;
}

export interface ReviewResult {
	/** Findings to show, in document order. */
	findings: Finding[];
	/** Findings silenced by inline comments, with their reasons (for the report). */
	suppressed: Finding[];
	/** Rights-respecting provisions recognised (rules with `provision: true`); never diagnostics. */
	provisions: Finding[];
	profile: Profile;
	/** Why: what in the opening made it obvious, or that the settings chose it ("bill: “Be it enacted” on line 1"). */
	profileReason: string;
	document: ReviewDocument;
}

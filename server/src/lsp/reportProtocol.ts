/**
 * The `accountable/report` request, shared by the language server and the extension (no server code here,
 * so the extension bundle stays small). The result is the report's JSON contract
 * (rules/schema/report.schema.json), or null when the document cannot be reviewed.
 */
export const REPORT_REQUEST = 'accountable/report';

export interface ReportParams {
	/** An open document's URI (file:, untitled: or accountable-docx:); a file: URI may also be closed. */
	uri: string;
}

/**
 * package.json as VS Code shows it: each "%key%" replaced by its text in a package.nls file (package.nls.json
 * in English, package.nls.<locale>.json in a translation). A key with no text stays as it was, for a test to see.
 */
export function withNls(packageText: string, nls: Record<string, string>): string {
	return packageText.replace(/"%([^"%]+)%"/g, (whole, key: string) => (key in nls ? JSON.stringify(nls[key]) : whole));
}

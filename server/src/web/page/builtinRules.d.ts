/** The built-in rules as the build step compiled them (out/builtin-rules.json), embedded by scripts/build-web.mjs. */
declare module 'accountable:builtin-rules' {
	const rules: import('../../engine').CompiledRules;
	export default rules;
}

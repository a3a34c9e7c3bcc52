// Preloaded (node --require) into a process the benchmark measures whole: at exit, writes the process's peak
// resident memory in MB to the file named by ACCOUNTABLE_BENCH_RSS_FILE.
'use strict';
process.once('exit', () => {
	if (process.env.ACCOUNTABLE_BENCH_RSS_FILE) require('fs').writeFileSync(process.env.ACCOUNTABLE_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS / 1024));
});

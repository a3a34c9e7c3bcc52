'use strict';
// Preloaded (node --require) into a CLI run by a test: at exit, writes the process's peak resident memory
// in kilobytes (getrusage's maxrss, which also covers worker threads) to the file named by ACCOUNTABLE_PEAK_RSS_FILE.
const fs = require('node:fs');
const file = process.env.ACCOUNTABLE_PEAK_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));

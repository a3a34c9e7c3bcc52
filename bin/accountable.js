#!/usr/bin/env node
'use strict';
require('./check-node.js').refuseUnsupportedNode('accountable');
// `accountable … | head` closes the pipe before the output ends. The review still decides the exit code,
// so the rest of the output is dropped quietly instead of crashing with EPIPE.
process.stdout.on('error', (e) => {
	if (e.code !== 'EPIPE') throw e;
});
require('./load-bundle.js').loadBundle(require('path').join(__dirname, '..', 'out', 'cli.js')).main(process.argv.slice(2)).then((code) => {
	process.exitCode = code;
});

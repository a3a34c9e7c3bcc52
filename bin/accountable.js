#!/usr/bin/env node
'use strict';
require('./check-node.js').refuseUnsupportedNode('accountable');
// `accountable … | head` closes the pipe before the output ends. The review still decides the exit code,
// so the rest of the output is dropped quietly instead of crashing with EPIPE.
process.stdout.on('error', (e) => {
	if (e.code !== 'EPIPE') throw e;
});
const out = require('path').join(__dirname, '..', 'out');
// From the start-up snapshot when `npm run build` made one for this Node.js and this tree (bin/snapshot.js);
// else the bundle is loaded here.
if (!require('./snapshot.js').runFromSnapshot(out, process.argv.slice(2))) {
	require('./load-bundle.js').loadBundle(require('path').join(out, 'cli.js')).main(process.argv.slice(2)).then((code) => {
		process.exitCode = code;
	});
}

'use strict';
// Refuses a Node.js that package.json's "engines" does not declare, before the bundles (built for Node 20 and
// later) are loaded: an old Node.js gets one clear sentence instead of a syntax error or a crash half-way through
// a review. Written in old JavaScript (var, no arrow functions, no ?. or ??) so that any Node.js can run it.
var fs = require('fs');
var path = require('path');

/** [major, minor, patch] of "v20.19.1" or "20.19.1"; missing parts are 0; null if it is not a version. */
function parseVersion(text) {
	var m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(String(text).trim());
	return m ? [Number(m[1]), Number(m[2] || 0), Number(m[3] || 0)] : null;
}

function compare(a, b) {
	for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
	return 0;
}

/** Whether `version` satisfies one comparator: ^X.Y.Z, >=X.Y.Z, >X.Y.Z, <=X.Y.Z, <X.Y.Z, =X.Y.Z or X.Y.Z. */
function satisfiesComparator(version, comparator) {
	var m = /^(\^|>=|>|<=|<|=)?\s*(v?\d+(?:\.\d+){0,2})$/.exec(comparator);
	if (!m) throw new Error('unsupported version range: ' + comparator);
	var operator = m[1] || '=';
	var bound = parseVersion(m[2]);
	var parts = m[2].replace(/^v/, '').split('.').length;
	var order = compare(version, bound);
	if (operator === '^') return order >= 0 && version[0] === bound[0];
	if (operator === '>=') return order >= 0;
	if (operator === '>') return order > 0;
	if (operator === '<=') return order <= 0;
	if (operator === '<') return order < 0;
	// "24" is any 24.x.y, "24.1" any 24.1.y.
	for (var i = 0; i < parts; i++) if (version[i] !== bound[i]) return false;
	return true;
}

/** Whether `version` ("20.19.1") satisfies `range`: comparators joined by spaces (and) and "||" (or). */
function satisfies(version, range) {
	var v = parseVersion(version);
	if (!v) return false;
	return range.split('||').some(function (alternative) {
		var comparators = alternative.trim().split(/\s+/).filter(Boolean);
		if (comparators.length === 0) throw new Error('unsupported version range: ' + range);
		return comparators.every(function (c) {
			return satisfiesComparator(v, c);
		});
	});
}

/** The Node.js versions Accountable supports: "engines"."node" of its package.json. */
function supportedRange() {
	return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')).engines.node;
}

/** Exits with code 2 and says why when this Node.js is not one Accountable supports. */
function refuseUnsupportedNode(program) {
	var range = supportedRange();
	var current = process.versions.node;
	if (satisfies(current, range)) return;
	process.stderr.write(program + ': Node.js ' + current + ' is not supported. Accountable needs Node.js ' + range + ' (package.json "engines"): install one of those (nodejs.org) and run ' + program + ' with it.\n');
	process.exit(2);
}

module.exports = { satisfies: satisfies, supportedRange: supportedRange, refuseUnsupportedNode: refuseUnsupportedNode };

// `node bin/check-node.js` (CI's first step): exits 2, saying why, when this Node.js is not supported.
if (require.main === module) refuseUnsupportedNode('node bin/check-node.js');

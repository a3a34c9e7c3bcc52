/**
 * Preload (`node --require test/helpers/no-network.cjs …`) that makes every way out of the machine throw and
 * records each attempt, so a test can assert that the CLI or the language server never tried to connect.
 * Covered: net (connect, createConnection, Socket#connect, createServer#listen on a port), tls.connect,
 * dns (lookup, resolve*, promises), http/https (request, get), dgram sockets and globalThis.fetch.
 * Attempts are appended, one JSON line each, to the file named by ACCOUNTABLE_NETWORK_LOG (synchronously,
 * so an attempt is recorded even when the caller swallows the error), and printed on stderr.
 * Local pipes (stdio, node-ipc) are not network and keep working.
 */
'use strict';

const fs = require('node:fs');

const LOG = process.env.ACCOUNTABLE_NETWORK_LOG;

function blocked(what) {
	return function blockedNetworkCall(...args) {
		const target = describe(args);
		const line = JSON.stringify({ what, target, pid: process.pid, stack: new Error().stack.split('\n').slice(2, 8).map((s) => s.trim()) });
		if (LOG) fs.appendFileSync(LOG, `${line}\n`);
		try {
			process.stderr.write(`no-network: blocked ${what} ${target}\n`);
		} catch {
			// stderr closed: the log file has it
		}
		throw new Error(`no-network: ${what} ${target} is not allowed`);
	};
}

function describe(args) {
	const first = args[0];
	if (typeof first === 'string' || typeof first === 'number') return String(first);
	if (first instanceof URL) return first.href;
	if (first && typeof first === 'object') {
		if (typeof first.url === 'string') return first.url;
		if (first.path && !first.host && !first.hostname && !first.port) return `pipe:${first.path}`;
		return `${first.protocol ?? ''}${first.host ?? first.hostname ?? ''}:${first.port ?? ''}`;
	}
	return '';
}

function replace(object, name, what) {
	if (object && typeof object[name] === 'function') {
		Object.defineProperty(object, name, { value: blocked(what), writable: true, configurable: true });
	}
}

const net = require('node:net');
replace(net, 'connect', 'net.connect');
replace(net, 'createConnection', 'net.createConnection');
replace(net.Socket.prototype, 'connect', 'net.Socket#connect');
// A server bound to a port would let others in; pipes (a path) are local.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function guardedListen(...args) {
	const first = args[0];
	const isPipe = typeof first === 'string' && !/^\d+$/.test(first) || (first && typeof first === 'object' && typeof first.path === 'string');
	if (!isPipe) return blocked('net.Server#listen')(...args);
	return listen.apply(this, args);
};

const tls = require('node:tls');
replace(tls, 'connect', 'tls.connect');

const dns = require('node:dns');
for (const name of Object.keys(dns)) {
	if (name === 'lookup' || name === 'lookupService' || name.startsWith('resolve') || name === 'reverse') replace(dns, name, `dns.${name}`);
}
replace(dns.Resolver && dns.Resolver.prototype, 'resolve', 'dns.Resolver#resolve');
if (dns.promises) {
	for (const name of Object.keys(dns.promises)) {
		if (name === 'lookup' || name === 'lookupService' || name.startsWith('resolve') || name === 'reverse') replace(dns.promises, name, `dns.promises.${name}`);
	}
}

for (const protocol of ['http', 'https', 'http2']) {
	const module = require(`node:${protocol}`);
	replace(module, 'request', `${protocol}.request`);
	replace(module, 'get', `${protocol}.get`);
	replace(module, 'connect', `${protocol}.connect`);
}

const dgram = require('node:dgram');
replace(dgram, 'createSocket', 'dgram.createSocket');

if (typeof globalThis.fetch === 'function') {
	Object.defineProperty(globalThis, 'fetch', { value: blocked('fetch'), writable: true, configurable: true });
}
if (typeof globalThis.WebSocket === 'function') {
	Object.defineProperty(globalThis, 'WebSocket', { value: blocked('WebSocket'), writable: true, configurable: true });
}

if (LOG) fs.appendFileSync(LOG, `${JSON.stringify({ what: 'preload', pid: process.pid })}\n`);

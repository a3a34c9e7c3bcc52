/**
 * Entry point of the web extension's language server (out/browser/server.js), started by the extension in a
 * web worker (client/src/browser/extension.ts) in VS Code for the Web. It speaks the Language Server Protocol
 * over the worker's messages; the built-in rules are compiled into the bundle (scripts/build-browser.mjs).
 */
import compiledRules from 'accountable:builtin-rules';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { builtinReviewer } from '../web/builtinReviewer';
import { WebAccountableServer } from './session';

// The worker's global scope: messages from the extension arrive on it and replies are posted to it.
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
new WebAccountableServer(connection, builtinReviewer(compiledRules)).listen();

/**
 * Starts the built language server (out/server.js) with the no-network preload installed first, for tests
 * that drive it through TestClient (`new TestClient({ server: this file })`).
 */
'use strict';
require('./no-network.cjs');
require('../../out/server.js');

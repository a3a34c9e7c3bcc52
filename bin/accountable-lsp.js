#!/usr/bin/env node
'use strict';
require('./check-node.js').refuseUnsupportedNode('accountable-lsp');
require('./load-bundle.js').loadBundle(require('path').join(__dirname, '..', 'out', 'server.js'));

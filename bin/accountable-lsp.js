#!/usr/bin/env node
'use strict';
require('./check-node.js').refuseUnsupportedNode('accountable-lsp');
require('../out/server.js');

#!/usr/bin/env bash
# Builds Accountable in a checkout of this repository unless it is built already: what the GitHub Action
# (scripts/action/install.sh) and the pre-commit hook (scripts/pre-commit/accountable.sh) run before the CLI.
# Downloads from the npm registry only: `npm ci` installs the locked dependencies and its `prepare` script
# builds the bundle. Messages go to stderr (a hook's or step's stdout is its result).
#   build-checkout.sh <checkout folder>
set -euo pipefail
cd "${1:?usage: build-checkout.sh <checkout folder>}"
if [ -f out/cli.js ] && [ -d node_modules ]; then
	exit 0
fi
echo "Installing Accountable's dependencies from the npm registry and building it in $PWD (npm ci; once per checkout)" >&2
npm ci --no-audit --no-fund --loglevel=error >&2

#!/usr/bin/env bash
# The action's install step (action.yml): builds Accountable in the action's own checkout, the ref the workflow
# pinned (`uses: …/accountable@<ref>`), from the npm registry only (`npm ci`, whose `prepare` script builds the
# bundle), and puts its bin folder on the job's PATH. A checkout that is already built (a cached one, or the
# repository testing itself) is used as it is.
set -euo pipefail
cd "${GITHUB_ACTION_PATH:?the runner sets GITHUB_ACTION_PATH}"
if [ -f out/cli.js ] && [ -d node_modules ]; then
	echo "Accountable is already built in $PWD"
else
	echo "Installing Accountable's dependencies from the npm registry and building it (npm ci)"
	npm ci --no-audit --no-fund
fi
echo "$PWD/bin" >> "$GITHUB_PATH"
version=$(node bin/accountable.js --version)
echo "version=$version" >> "$GITHUB_OUTPUT"
echo "Accountable $version"

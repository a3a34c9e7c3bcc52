#!/usr/bin/env bash
# The action's install step (action.yml): builds Accountable in the action's own checkout, the ref the workflow
# pinned (`uses: …/accountable@<ref>`), from the npm registry only (scripts/build-checkout.sh; a checkout that
# is already built, a cached one or the repository testing itself, is used as it is), and puts its bin folder
# on the job's PATH.
set -euo pipefail
cd "${GITHUB_ACTION_PATH:?the runner sets GITHUB_ACTION_PATH}"
bash scripts/build-checkout.sh .
echo "$PWD/bin" >> "$GITHUB_PATH"
version=$(node bin/accountable.js --version)
echo "version=$version" >> "$GITHUB_OUTPUT"
echo "Accountable $version"

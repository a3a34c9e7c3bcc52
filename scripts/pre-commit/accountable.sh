#!/usr/bin/env bash
# The pre-commit hook (.pre-commit-hooks.yaml, `language: script`): pre-commit runs this file from its clone of
# the repository at the `rev` the user pinned, with the staged drafts as arguments. The first run builds
# Accountable in that clone (scripts/build-checkout.sh: npm registry only); every run reviews the files with
# the Node.js on the user's PATH and exits as the CLI does (1 findings at or above --fail-on, 2 an error),
# which is what refuses the commit.
set -euo pipefail
checkout=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bash "$checkout/scripts/build-checkout.sh" "$checkout"
exec node "$checkout/bin/accountable.js" "$@"

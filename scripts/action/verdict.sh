#!/usr/bin/env bash
# The action's last step (action.yml): the job fails as the review decided, after the SARIF log was uploaded.
# 1 (findings at or above fail-on) passes when fail-on is `never`; 2 (a usage, configuration or file error)
# always fails, and so does a review step that left no exit code (nothing looks clean because something failed).
set -euo pipefail
case "${EXIT_CODE:-}" in
	0) exit 0 ;;
	1)
		if [ "${FAIL_ON:-}" = never ]; then
			echo "Accountable found problems; fail-on is never, so the job passes"
			exit 0
		fi
		echo "::error title=Accountable::Findings at or above ${FAIL_ON:-warning}; see the job summary and code scanning"
		exit 1 ;;
	2)
		echo "::error title=Accountable::The review could not be completed (a usage, configuration or file error); see the Review step's log"
		exit 2 ;;
	*)
		echo "::error title=Accountable::The review step did not finish (no exit code)"
		exit 2 ;;
esac

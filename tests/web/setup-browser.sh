#!/usr/bin/env bash
# What the browser tests need, outside the Python packages (tests/web/test_browser.py):
# Debian's chromium (Playwright's own browser download is not used), and axe-core
# (MPL-2.0: fetched for the tests only, never shipped in the package) in
# .ci-cache/axe-core/axe.min.js. Each step may fail: the tests then skip, saying why.
set -uo pipefail
cd "$(dirname "$0")/../.."
AXE_VERSION=4.14.1
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) \
        >/dev/null 2>&1 || echo "setup-browser: chromium could not be installed" >&2
fi
if [ ! -f .ci-cache/axe-core/axe.min.js ] && command -v npm >/dev/null 2>&1; then
    tmp=$(mktemp -d)
    if (cd "$tmp" && npm pack "axe-core@$AXE_VERSION" --silent >/dev/null 2>&1); then
        mkdir -p .ci-cache/axe-core
        tar -xzf "$tmp"/axe-core-*.tgz -C "$tmp" package/axe.min.js package/LICENSE
        cp "$tmp/package/axe.min.js" "$tmp/package/LICENSE" .ci-cache/axe-core/
    else
        echo "setup-browser: axe-core could not be fetched" >&2
    fi
    rm -rf "$tmp"
fi
exit 0

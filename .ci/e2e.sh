#!/usr/bin/env bash
# Browser end-to-end tests of the citizen and staff backlog pages (docs/e2e.md): Debian's Chromium driven by
# playwright-core, axe-core for accessibility. Run from anywhere; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# grep reads all of fc-list's output (no -q), so that pipefail never sees a SIGPIPE.
has_bangla_font() { fc-list : family 2>/dev/null | grep -i 'Noto Sans Bengali' >/dev/null; }

step "e2e: Chromium and Bangla fonts"
if [ ! -x /usr/bin/chromium ] || ! has_bangla_font; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium fonts-noto-core >/dev/null
fi
/usr/bin/chromium --version 2>/dev/null | grep -v '^\s*$' || true
has_bangla_font || { echo "Noto Sans Bengali is not installed" >&2; exit 1; }

step "e2e: Node packages"
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
    echo "Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))" >&2
    exit 1
fi
# Reinstall only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
fi

step "e2e: the nagorik binary"
if [ -z "${NAGORIK_BIN:-}" ]; then
    # A no-op when target/debug/nagorik is up to date; the tests never run a stale binary.
    cargo build --bin nagorik
fi

step "e2e: browser tests"
# Chromium and each test's own Nagorik are stopped by the tests; the timeout only guards a hang.
timeout --kill-after=15 900 node --test --test-concurrency=1 tests/e2e/
echo "screenshots: target/e2e-screenshots/"

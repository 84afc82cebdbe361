#!/usr/bin/env bash
# Browser tests need Debian's Chromium at /usr/bin/chromium (never a downloaded browser).
# Installs it when missing and we are root with apt; otherwise says exactly what to run.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: installing Debian's chromium (needed by the browser tests)…" >&2
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "ensure-chromium: $CHROMIUM is missing. Install it with: sudo apt-get install -y chromium" >&2
if [ -n "${CI:-}" ]; then exit 1; fi
echo "ensure-chromium: continuing without it; browser tests will print a SKIP notice." >&2

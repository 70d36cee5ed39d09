#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser tests (*BrowserIT) when they are missing.
# .ci/run calls it before ./mosaic test, so CI on a fresh machine runs those tests; a developer may call it too.
# Nothing is downloaded but Debian's own packages (a test tool's own browser download cannot work here).
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  echo "install-browser: $(chromium --version 2>/dev/null || echo chromium) and chromedriver are installed" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-browser: no apt-get here; install chromium and its chromedriver by hand, or the browser tests skip" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  as_root=(sudo -n)
fi
echo "install-browser: installing chromium and chromium-driver with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q chromium chromium-driver
chromium --version >&2

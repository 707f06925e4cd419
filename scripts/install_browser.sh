#!/usr/bin/env bash
# Install what the browser tests (pytest -m browser, part of the slow lane) need on a fresh Debian machine:
# Debian's chromium. Playwright itself is a pinned Python dependency (requirements.txt); its own browser
# download (`playwright install`) is never used: the tests launch /usr/bin/chromium.
# Without chromium the browser tests skip themselves with a reason, so a failure here is not fatal.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install_browser: not root and no sudo: browser tests will be skipped" >&2; exit 0
  fi
fi
$SUDO apt-get update -qq >/dev/null \
  && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null \
  || echo "install_browser: could not install chromium: browser tests will be skipped" >&2
[ -x /usr/bin/chromium ] && echo "install_browser: $(/usr/bin/chromium --version 2>/dev/null | tail -1)" >&2
exit 0

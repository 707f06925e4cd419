#!/usr/bin/env bash
# Install what the browser tests (pytest -m browser, part of the slow lane) need on a fresh Debian machine:
# Debian's chromium. Playwright itself is a pinned Python dependency (requirements.txt); its own browser
# download (`playwright install`) is never used: the tests launch /usr/bin/chromium.
# Without chromium the browser tests skip themselves with a reason, so a failure here is not fatal.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
bash "$(dirname "$0")/apt_install.sh" "the browser tests" chromium
[ -x /usr/bin/chromium ] && echo "install_browser: $(/usr/bin/chromium --version 2>/dev/null | tail -1)" >&2
exit 0

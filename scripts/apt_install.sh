#!/usr/bin/env bash
# apt_install.sh WHAT PACKAGE...: install Debian packages for WHAT (what the tests need them for) with apt-get,
# through sudo when not root. Never fatal: when it cannot install, it says what will be skipped and exits 0.
set -uo pipefail
what="$1"; shift
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "$(basename "$0"): not root and no sudo: $what will be skipped" >&2; exit 0
  fi
fi
$SUDO apt-get update -qq >/dev/null \
  && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null \
  || echo "$(basename "$0"): could not install $*: $what will be skipped" >&2
exit 0

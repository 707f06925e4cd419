#!/usr/bin/env bash
# Install what `recoupe brief --format pdf` needs on a fresh Debian machine: the system's Pango, which the
# PDF library (weasyprint, a pinned Python dependency) loads at run time. Without it the PDF briefing fails
# with one line saying so and its tests skip themselves, so a failure here is not fatal.
set -uo pipefail
if ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0' && ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
    echo "install_pdf_libs: not root and no sudo: PDF briefing tests will be skipped" >&2; exit 0
  fi
fi
$SUDO apt-get update -qq >/dev/null \
  && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 >/dev/null \
  || echo "install_pdf_libs: could not install Pango: PDF briefing tests will be skipped" >&2
exit 0

#!/usr/bin/env bash
# Install what `recoupe brief --format pdf` needs on a fresh Debian machine: the system's Pango, which the
# PDF library (weasyprint, a pinned Python dependency) loads at run time. Without it the PDF briefing fails
# with one line saying so and its tests skip themselves, so a failure here is not fatal.
set -uo pipefail
if ldconfig -p 2>/dev/null | grep -q 'libpango-1.0.so.0' && ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0'; then
  exit 0
fi
bash "$(dirname "$0")/apt_install.sh" "the PDF briefing tests" libpango-1.0-0 libpangoft2-1.0-0

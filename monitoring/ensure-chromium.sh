#!/usr/bin/env bash
# The dashboard's browser tests drive Debian's Chromium through chromedriver. The test command has to
# set up a fresh machine by itself, so the build runs this before the tests: it installs both
# packages when they are missing (as root, or with password-less sudo), and otherwise says what to
# install. Nothing is downloaded when they are already there.
set -euo pipefail

have_browser() { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; }
if command -v chromedriver >/dev/null 2>&1 && have_browser; then
  exit 0
fi

if [ "$(id -u)" = 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "monitoring: the dashboard's browser tests need Chromium and chromedriver;" \
       "install them with: sudo apt-get install -y chromium chromium-driver" >&2
  exit 1
fi

echo "monitoring: installing chromium and chromium-driver for the dashboard's browser tests" >&2
export DEBIAN_FRONTEND=noninteractive
# the package lists of a fresh machine may be stale or empty: refresh them only when needed
if ! "${sudo[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null; then
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq chromium chromium-driver >/dev/null
fi

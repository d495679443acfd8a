#!/usr/bin/env bash
# Installs the Debian browsers the demo and the end-to-end tests use, when missing and possible.
# Nothing downloads a browser from anywhere else: Playwright and Puppeteer drive these binaries.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} from Debian's packages"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Please install: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

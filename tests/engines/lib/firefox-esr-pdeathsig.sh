#!/bin/sh
# Firefox ESR that the kernel kills if the node process that launched it dies (even by SIGKILL).
# Use as puppeteer's executablePath. Content processes exit on their own once the parent is gone.
exec setpriv --pdeathsig KILL -- "${FIREFOX_BIN:-/usr/bin/firefox-esr}" "$@"

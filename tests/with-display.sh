#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# Runs a command on its own virtual display and session bus.
# Xvfb picks a free display itself (-displayfd), so tests running side by
# side never race for the same one, as they can with xvfb-run -a.
set -eu
dir=$(mktemp -d)
mkfifo "$dir/display"
# -noreset: without it the server resets when its last client leaves, and
# xdpyinfo below is the first; a client connecting during that reset (the
# application, or the accessibility registry) is refused the display.
Xvfb -displayfd 3 -screen 0 "${CM_TEST_SCREEN:-1280x800x24}" -nolisten tcp -noreset 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
# Wait for the server to go away, so that the next run finds its display free.
trap 'kill $xvfb 2>/dev/null; wait $xvfb 2>/dev/null; rm -rf "$dir"' EXIT
read -r number <"$dir/display"
export DISPLAY=":$number"
tries=0
until xdpyinfo >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -gt 50 ]; then
    echo "The virtual display $DISPLAY did not start:" >&2
    cat "$dir/xvfb.log" >&2
    exit 1
  fi
  sleep 0.1
done
status=0
dbus-run-session -- "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "The virtual display's log:" >&2
  cat "$dir/xvfb.log" >&2
fi
exit "$status"

#!/bin/sh
# Runs a command on its own virtual display and session bus.
# Xvfb picks a free display itself (-displayfd), so tests running side by
# side never race for the same one, as they can with xvfb-run -a.
set -eu
dir=$(mktemp -d)
mkfifo "$dir/display"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dir/display" 2>"$dir/xvfb.log" &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$dir"' EXIT
read -r number <"$dir/display"
DISPLAY=":$number" dbus-run-session -- "$@"

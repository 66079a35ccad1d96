#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# The core library must build and be tested without a display: no file
# under app/ may include a GTK or libadwaita header.
set -u
dir=${1:?usage: check-core-has-no-gtk.sh APP_DIR}
found=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](gtk/|gdk/|gsk/|adwaita|libadwaita)' "$dir")
if [ -n "$found" ]; then
  echo "GTK or libadwaita included from the core:"
  echo "$found"
  exit 1
fi
echo "no GTK or libadwaita header in $dir"

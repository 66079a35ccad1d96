#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# Only the store knows the database engine: no file under the folders
# given may include sqlite3.h or the store's private header.
set -u
[ $# -gt 0 ] || { echo "usage: check-store-owns-sqlite.sh DIR..."; exit 2; }
found=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"](sqlite3\.h|cm-store-private\.h)' "$@")
if [ -n "$found" ]; then
  echo "SQLite used outside the store:"
  echo "$found"
  exit 1
fi
echo "no SQLite header in $*"

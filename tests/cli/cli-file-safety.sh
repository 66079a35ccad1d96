#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# What every command does with a portfolio that is damaged, another
# program's, empty, read-only or in use: a clear message, a non-zero exit,
# and the file byte for byte as it was.
set -u
commissioner=${1:?usage: cli-file-safety.sh COMMISSIONER}
unset DISPLAY WAYLAND_DISPLAY
work=$(mktemp -d)
chmod 755 "$work"
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
failures=0
n=0

result () { # result OK DESCRIPTION
  n=$((n + 1))
  if [ "$1" = 0 ]; then
    echo "ok $n - $2"
  else
    echo "not ok $n - $2"
    sed 's/^/# /' "$work/out" "$work/err"
    failures=$((failures + 1))
  fi
}

run () { # run COMMAND...: its output in out and err, its status in $status
  "$@" >"$work/out" 2>"$work/err"
  status=$?
}

reading="--verify-audit|--deadlines|--export $work/out.xlsx|--export-transparency $work/out.csv"
every="$reading|--import $work/register.csv"

# Each of COMMANDS (separated by |) on FILE: refused, the file unchanged
# and nothing left beside it, the message containing WORDS.
refused_by () { # refused_by COMMANDS FILE WORDS DESCRIPTION
  commands=$1 file=$2 words=$3 description=$4
  cp "$file" "$work/before"
  IFS='|'
  # shellcheck disable=SC2086 # split on | alone
  set -- $commands
  unset IFS
  for command in "$@"; do
    # shellcheck disable=SC2086 # the command's own words
    run "$commissioner" $command --portfolio "$file"
    ok=0
    [ "$status" -ne 0 ] || ok=1
    grep -qi "$words" "$work/err" || ok=1
    cmp -s "$file" "$work/before" || ok=1
    [ ! -e "$file-wal" ] && [ ! -e "$file-shm" ] || ok=1
    [ ! -e "$work/out.xlsx" ] && [ ! -e "$work/out.csv" ] || ok=1
    result $ok "$description: ${command%% *} refuses it (exit $status)"
  done
}

printf 'Reference,Title,Provider,Commissioner,Start date,End date,Annual value\r\n%s\r\n' \
  "TST-1,Test service,Test provider,Adult Social Care,01/04/2025,31/03/2027,1000" \
  >"$work/register.csv"
demo="$work/demo.commissioner"
"$commissioner" --create-demo "$demo" --today 2026-11-22 >/dev/null || exit 1

cp "$demo" "$work/renamed.commissioner"
sqlite3 "$work/renamed.commissioner" "ALTER TABLE contract RENAME TO contract_old"
refused_by "$every" "$work/renamed.commissioner" "damaged" "a missing contract table"

cp "$demo" "$work/page.commissioner"
page=$(sqlite3 "$work/page.commissioner" "SELECT rootpage FROM sqlite_master WHERE name = 'audit'")
size=$(sqlite3 "$work/page.commissioner" "PRAGMA page_size")
printf '\245\245\245\245\245\245\245\245\245\245\245\245\245\245\245\245' |
  dd of="$work/page.commissioner" bs=1 seek=$(( (page - 1) * size )) conv=notrunc 2>/dev/null
refused_by "$every" "$work/page.commissioner" "damaged" "an overwritten page"

sqlite3 "$work/other.sqlite" "CREATE TABLE contract (x); PRAGMA user_version = 5"
refused_by "$every" "$work/other.sqlite" "another program" "another program's database at version 5"

# An import into an empty file starts a new portfolio in it; reading it
# has nothing to read.
: >"$work/empty.commissioner"
refused_by "$reading" "$work/empty.commissioner" "empty" "an empty file"

# Reading leaves the folder as it found it.
run "$commissioner" --deadlines --portfolio "$demo"
ok=0
[ "$status" -eq 0 ] && [ ! -e "$demo-wal" ] && [ ! -e "$demo-shm" ] || ok=1
result $ok "--deadlines leaves no -wal or -shm beside the portfolio"

# A portfolio in a read-only folder, as a user who cannot write there
# (root can write anywhere, so the check runs as nobody).
as_user=""
if [ "$(id -u)" -eq 0 ]; then
  as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
mkdir "$work/shelf" "$work/exports"
cp "$demo" "$work/shelf/"
chmod 444 "$work/shelf/demo.commissioner"
chmod 555 "$work/shelf"
chmod 777 "$work/exports"
cp "$work/shelf/demo.commissioner" "$work/before"
for command in "--verify-audit" "--deadlines" "--export $work/exports/ro.xlsx"; do
  # shellcheck disable=SC2086
  run $as_user "$commissioner" $command --portfolio "$work/shelf/demo.commissioner"
  result "$status" "a read-only portfolio can still be read: ${command%% *}"
done
# shellcheck disable=SC2086
run $as_user "$commissioner" --import "$work/register.csv" --portfolio "$work/shelf/demo.commissioner"
ok=0
[ "$status" -ne 0 ] && grep -q "read-only" "$work/err" || ok=1
cmp -s "$work/shelf/demo.commissioner" "$work/before" || ok=1
[ "$(ls -A "$work/shelf")" = "demo.commissioner" ] || ok=1
result $ok "an import into a read-only portfolio says it is read-only and changes nothing"

echo "1..$n"
[ "$failures" -eq 0 ]

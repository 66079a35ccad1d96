#!/bin/sh
# The headless commands, run as scripts run them: with no display at all.
set -u
commissioner=${1:?usage: cli.sh COMMISSIONER}
unset DISPLAY WAYLAND_DISPLAY
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" # where backups go
failures=0
n=0

check () { # check DESCRIPTION EXPECTED_STATUS COMMAND...
  description=$1 expected=$2
  shift 2
  n=$((n + 1))
  "$@" >"$work/out" 2>"$work/err"
  status=$?
  if [ "$status" -eq "$expected" ]; then
    echo "ok $n - $description"
  else
    echo "not ok $n - $description (exit $status, wanted $expected)"
    sed 's/^/# /' "$work/out" "$work/err"
    failures=$((failures + 1))
  fi
}

demo="$work/demo.commissioner"
check "--version prints the version" 0 "$commissioner" --version
grep -q "^commissioner [0-9]" "$work/out" || { echo "not ok - version text"; failures=$((failures + 1)); }

check "--create-demo writes a portfolio" 0 "$commissioner" --create-demo "$demo" --today 2026-11-22
check "--verify-audit passes on an untouched demo" 0 "$commissioner" --verify-audit --portfolio "$demo"
grep -q "intact" "$work/out" || { echo "not ok - verify says intact"; failures=$((failures + 1)); }

cp "$demo" "$work/before"
check "--create-demo refuses an existing file" 1 "$commissioner" --create-demo "$demo"
cmp -s "$demo" "$work/before" || { echo "not ok - existing file was changed"; failures=$((failures + 1)); }

check "--verify-audit needs --portfolio" 2 "$commissioner" --verify-audit
check "--verify-audit reports a missing file" 2 "$commissioner" --verify-audit --portfolio "$work/absent"
check "--today must be a date" 2 "$commissioner" --create-demo "$work/x.commissioner" --today 2026-02-30
[ ! -e "$work/x.commissioner" ] || { echo "not ok - a refused demo left a file"; failures=$((failures + 1)); }

check "--deadlines writes CSV for a fixed day" 0 \
  "$commissioner" --deadlines --portfolio "$demo" --today 2026-11-22 --format csv
cp "$work/out" "$work/deadlines.csv"
head -n 1 "$work/deadlines.csv" | grep -q "^reference,provider,kind,date,status,title" ||
  { echo "not ok - the CSV header"; failures=$((failures + 1)); }
# Neighbourhood Networks: 5+5 from 1 October 2018 with the extension taken,
# third sector, so notice by 30 March 2028 for an end on 30 September 2028.
for row in "ASC-0012,Neighbourhood Network schemes (37 areas),end,2028-09-30,ok" \
           "ASC-0012,Neighbourhood Network schemes (37 areas),notice,2028-03-30,ok"; do
  grep -qF "$row" "$work/deadlines.csv" || { echo "not ok - missing row: $row"; failures=$((failures + 1)); }
done
/usr/bin/python3 - "$work/deadlines.csv" <<'PY' || failures=$((failures + 1))
import csv, sys
rank = {"breached": 0, "overdue": 1, "due-soon": 2, "ok": 3}
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
keys = [(rank[r["status"]], r["date"]) for r in rows]
assert rows and keys == sorted(keys), "deadlines are not most urgent first"
assert {r["kind"] for r in rows} == {"end", "extension-decision", "notice", "procurement-notice"}
assert all(r["notice"] for r in rows if r["kind"] == "procurement-notice"), "a notice without its code"
assert not any(r["notice"] for r in rows if r["kind"] != "procurement-notice")
PY
check "--deadlines refuses an unknown format" 2 \
  "$commissioner" --deadlines --portfolio "$demo" --format xml

# A record changed by hand: the trail still holds, but no longer agrees with it.
cp "$demo" "$work/edited.commissioner"
sqlite3 "$work/edited.commissioner" \
  "UPDATE contract SET notice_served = '2026-01-10' WHERE reference = 'ASC-0013'"
check "--verify-audit fails on a record edited by hand" 1 \
  "$commissioner" --verify-audit --portfolio "$work/edited.commissioner"
grep -q "contract ASC-0013, notice_served: file .*2026-01-10.*, trail empty" "$work/err" ||
  { echo "not ok - the edited record and field are named"; cat "$work/err"; failures=$((failures + 1)); }

cp "$demo" "$work/no-trail.commissioner"
sqlite3 "$work/no-trail.commissioner" "DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head'"
check "--verify-audit fails on a deleted trail" 1 \
  "$commissioner" --verify-audit --portfolio "$work/no-trail.commissioner"
grep -q "is empty, yet it holds [0-9]* records" "$work/err" ||
  { echo "not ok - the deleted trail is told"; cat "$work/err"; failures=$((failures + 1)); }

sqlite3 "$demo" "UPDATE audit SET new_value = 'tampered' WHERE id = 7"
check "--verify-audit fails on an altered row" 1 "$commissioner" --verify-audit --portfolio "$demo"
grep -q "row 7" "$work/err" || { echo "not ok - the altered row is named"; cat "$work/err"; failures=$((failures + 1)); }

# Save a Copy, undoing an import, and restoring a backup.
kept="$work/kept.commissioner"
"$commissioner" --create-demo "$kept" --today 2026-11-22 >/dev/null
records () { sqlite3 -readonly "$1" "SELECT * FROM contract ORDER BY id; SELECT * FROM provider ORDER BY id;
  SELECT * FROM service ORDER BY id; SELECT * FROM organisation ORDER BY id; SELECT * FROM import_run"; }
records "$kept" >"$work/kept-before"
check "--backup writes a copy" 0 "$commissioner" --backup "$work/copy.commissioner" --portfolio "$kept"
records "$work/copy.commissioner" | cmp -s - "$work/kept-before" ||
  { echo "not ok - the copy holds the portfolio's records"; failures=$((failures + 1)); }
[ "$(sqlite3 "$work/copy.commissioner" "PRAGMA integrity_check")" = ok ] ||
  { echo "not ok - the copy is whole"; failures=$((failures + 1)); }
cp "$kept" "$work/kept-bytes"
check "--backup refuses the portfolio itself" 1 "$commissioner" --backup "$kept" --portfolio "$kept"
cmp -s "$kept" "$work/kept-bytes" || { echo "not ok - the refused copy changed it"; failures=$((failures + 1)); }

printf 'Reference,Title,Provider,Commissioner\nCLI-1,Added,New Provider,Adult Social Care\n' >"$work/add.csv"
check "--import adds a contract" 0 "$commissioner" --import "$work/add.csv" --portfolio "$kept"
check "--list-backups lists the backup the import took" 0 "$commissioner" --list-backups --portfolio "$kept"
grep -q " import " "$work/out" || { echo "not ok - an import backup is listed"; failures=$((failures + 1)); }
import_backup=$(awk '/ import / { print $NF; exit }' "$work/out")
check "--undo-import takes it back" 0 "$commissioner" --undo-import --portfolio "$kept"
records "$kept" | cmp -s - "$work/kept-before" ||
  { echo "not ok - undone, the records are as before"; failures=$((failures + 1)); }
check "--verify-audit passes after the undo" 0 "$commissioner" --verify-audit --portfolio "$kept"
check "--undo-import refuses with nothing to undo" 1 "$commissioner" --undo-import --portfolio "$kept"

check "--import again" 0 "$commissioner" --import "$work/add.csv" --portfolio "$kept"
check "--restore puts the backup back" 0 "$commissioner" --restore "$import_backup" --portfolio "$kept"
records "$kept" | cmp -s - "$work/kept-before" ||
  { echo "not ok - restored, the records are as before"; failures=$((failures + 1)); }
check "--verify-audit passes after the restore" 0 "$commissioner" --verify-audit --portfolio "$kept"

echo "1..$n"
[ "$failures" -eq 0 ]

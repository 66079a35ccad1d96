#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# The headless commands, run as scripts run them: with no display at all.
# With CM_TEST_BACKEND=postgresql and CM_TEST_PG_SERVER naming a cluster (as
# tests/postgresql/on-server.py sets them), every portfolio is a new
# database on that server, and the checks about files by nature (refusing
# an existing file, copies, backups) run on files only: on_files says so.
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

on_files () { [ "${CM_TEST_BACKEND:-sqlite}" != postgresql ]; }

new_portfolio () { # new_portfolio NAME: where a new, empty portfolio goes
  if on_files; then
    echo "$work/$1.commissioner"
  else
    psql -X -q -d "$CM_TEST_PG_SERVER" -c "CREATE DATABASE $1" >&2 || exit 1
    echo "$CM_TEST_PG_SERVER" | sed "s|^postgresql:///[^?]*|postgresql:///$1|"
  fi
}

run_sql () { # run_sql PORTFOLIO SQL: a change made behind the application's back
  if on_files; then
    sqlite3 "$1" "$2"
  else
    psql -X -q -v ON_ERROR_STOP=1 -d "$1" -c "$2"
  fi
}

copy_of_demo () { # copy_of_demo NAME: a portfolio as the demo was made
  if on_files; then
    cp "$demo" "$work/$1.commissioner"
    echo "$work/$1.commissioner"
  else
    copy=$(new_portfolio "$1")
    "$commissioner" --create-demo "$copy" --today 2026-11-22 >/dev/null
    echo "$copy"
  fi
}

demo=$(new_portfolio demo)
check "--version prints the version" 0 "$commissioner" --version
grep -q "^commissioner [0-9]" "$work/out" || { echo "not ok - version text"; failures=$((failures + 1)); }

check "--create-demo writes a portfolio" 0 "$commissioner" --create-demo "$demo" --today 2026-11-22
check "--verify-audit passes on an untouched demo" 0 "$commissioner" --verify-audit --portfolio "$demo"
grep -q "intact" "$work/out" || { echo "not ok - verify says intact"; failures=$((failures + 1)); }

if on_files; then
  cp "$demo" "$work/before"
  check "--create-demo refuses an existing file" 1 "$commissioner" --create-demo "$demo"
  cmp -s "$demo" "$work/before" || { echo "not ok - existing file was changed"; failures=$((failures + 1)); }
fi

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
rank = {"breached": 0, "overdue": 1, "due-soon": 2, "unknown": 3, "ok": 4}
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
keys = [(rank[r["status"]], r["date"]) for r in rows]
assert rows and keys == sorted(keys), "deadlines are not most urgent first"
assert {r["kind"] for r in rows} == {"end", "extension-decision", "notice", "procurement-notice"}
assert all(r["notice"] for r in rows if r["kind"] == "procurement-notice"), "a notice without its code"
assert not any(r["notice"] for r in rows if r["kind"] != "procurement-notice")
PY
# Registers' own shapes: the dates --deadlines lists, and the contradictions
# the import flags without refusing the rows.
cat >"$work/shapes.csv" <<'CSV'
Reference,Title,Provider,Commissioner,Sector,VCSE,Start date,End date,Term,Notice period,Notice served,Decommissioned on,Notice served as,Outcome at its end
S-1,End only,Alpha Care,Adult Social Care,Independent sector,No,01/04/2022,31/03/2028,,3 months,,,,
S-2,No notice period,Alpha Care,Adult Social Care,Independent sector,No,01/04/2022,31/03/2028,,,,,,
S-3,Ended not closed,Alpha Care,Adult Social Care,Independent sector,No,01/04/2020,31/03/2025,,3 months,,,,
S-4,Ended and decommissioned,Alpha Care,Adult Social Care,Independent sector,No,01/04/2020,31/03/2025,,3 months,,31/03/2025,,
S-5,Seed wording,Beta Trust,Adult Social Care,Third sector,Yes,01/10/2024,,"2 years with option to extend for a further 12 months",3 months,,,,
S-6,Disagrees,Alpha Care,Adult Social Care,Independent sector,No,01/04/2024,31/12/2027,3+1,3 months,,,,
S-7,Notice served,Alpha Care,Adult Social Care,Independent sector,No,01/04/2024,31/03/2027,option to extend by 12 months,3 months,01/05/2026,,,
S-8,VCSE but independent,Gamma Ltd,Adult Social Care,Independent sector,Yes,01/04/2024,31/03/2029,,3 months,,,,
S-9,Ended and re-let,Alpha Care,Adult Social Care,Independent sector,No,01/04/2020,31/03/2025,,3 months,,,,Re-let
S-10,Early termination,Alpha Care,Adult Social Care,Independent sector,No,01/04/2024,31/03/2029,,3 months,01/03/2026,,Early termination,
S-11,Not to extend,Alpha Care,Adult Social Care,Independent sector,No,01/04/2024,31/03/2027,3+1,3 months,01/05/2026,,not to extend,
CSV
shapes=$(new_portfolio shapes)
check "--import reads every shape of register" 0 "$commissioner" --import "$work/shapes.csv" --portfolio "$shapes"
for words in "S-6 ends on 31 December 2027, but its start date and term give 31 March 2027" \
             "Gamma Ltd is marked VCSE, but its sector is Independent sector"; do
  grep -qF "$words" "$work/out" || { echo "not ok - the import flags: $words"; cat "$work/out"; failures=$((failures + 1)); }
done
printf 'Reference,Title,Provider,Commissioner,End date,Outcome at its end\nS-99,Guess,Alpha Care,Adult Social Care,31/03/2025,Maybe\n' >"$work/guess.csv"
check "--import refuses an outcome it does not know" 1 \
  "$commissioner" --import "$work/guess.csv" --portfolio "$shapes"
grep -q "F2: “Maybe” is not known here" "$work/err" ||
  { echo "not ok - the unknown outcome is named by its cell"; cat "$work/err"; failures=$((failures + 1)); }
check "--deadlines lists every shape" 0 \
  "$commissioner" --deadlines --portfolio "$shapes" --today 2026-06-01 --format csv
cp "$work/out" "$work/shapes-deadlines.csv"
/usr/bin/python3 - "$work/shapes-deadlines.csv" <<'PY' || failures=$((failures + 1))
import csv, sys
rows = {(r["reference"], r["kind"]): (r["date"], r["status"])
        for r in csv.DictReader(open(sys.argv[1], newline=""))}
expected = {
    # start and end, no term: the end date drives the rest
    ("S-1", "end"): ("2028-03-31", "ok"), ("S-1", "notice"): ("2027-12-31", "ok"),
    # no notice period: unknown, no date, never the end date
    ("S-2", "notice"): ("", "unknown"),
    # ended, nothing recorded: an overdue end, alone
    ("S-3", "end"): ("2025-03-31", "overdue"),
    # the seeds' wording, third sector: the Compact's six months, and the
    # extension decision due by the latest notice date
    ("S-5", "end"): ("2026-09-30", "ok"), ("S-5", "notice"): ("2026-03-30", "overdue"),
    ("S-5", "extension-decision"): ("2026-03-30", "overdue"),
    # the recorded end wins over start + term
    ("S-6", "end"): ("2027-12-31", "ok"), ("S-6", "extension-decision"): ("2027-06-30", "ok"),
    ("S-7", "end"): ("2027-03-31", "ok"),
    # the VCSE flag is followed: six months' notice
    ("S-8", "notice"): ("2028-09-30", "ok"),
    # early termination: served 1 March 2026 plus 3 months
    ("S-10", "end"): ("2026-06-01", "due-soon"),
    ("S-11", "end"): ("2027-03-31", "ok"),
}
# closed by an outcome or a decommission; no decision once notice is served
absent = [("S-3", "notice"), ("S-4", "end"), ("S-4", "notice"), ("S-7", "extension-decision"),
          ("S-9", "end"), ("S-10", "extension-decision"), ("S-11", "extension-decision")]
wrong = {k: (rows.get(k), v) for k, v in expected.items() if rows.get(k) != v}
wrong.update({k: (rows[k], None) for k in absent if k in rows})
assert not wrong, wrong
PY
check "--deadlines refuses an unknown format" 2 \
  "$commissioner" --deadlines --portfolio "$demo" --format xml

# Report periods: financial-year quarters and years, or a clear refusal.
for row in "2026-Q3:0" "2026-Q4:0" "2027-q1:0" "2026-Q5:2" "2026-3:2" "Q3:2"; do
  quarter=${row%%:*} expected=${row##*:}
  check "--quarter $quarter exits $expected" "$expected" \
    "$commissioner" --export-transparency "$work/q.csv" --portfolio "$demo" --quarter "$quarter"
  [ "$expected" -eq 0 ] || grep -q "YYYY-Qn" "$work/err" ||
    { echo "not ok - --quarter $quarter says how to write a quarter"; failures=$((failures + 1)); }
done
check "--year belongs to the workbook, not the register" 2 \
  "$commissioner" --export-transparency "$work/y.csv" --portfolio "$demo" --year 2026
check "--year 2026/28 is refused" 2 "$commissioner" --export "$work/y.xlsx" --portfolio "$demo" --year 2026/28
[ ! -e "$work/y.csv" ] && [ ! -e "$work/y.xlsx" ] ||
  { echo "not ok - a refused period left a file"; failures=$((failures + 1)); }

# A record changed by hand: the trail still holds, but no longer agrees with it.
edited=$(copy_of_demo edited)
run_sql "$edited" "UPDATE contract SET notice_served = '2026-01-10' WHERE reference = 'ASC-0013'"
check "--verify-audit fails on a record edited by hand" 1 \
  "$commissioner" --verify-audit --portfolio "$edited"
# A server's database is a portfolio, not a file.
kept_in=portfolio
on_files && kept_in=file
grep -q "contract ASC-0013, notice_served: $kept_in .*2026-01-10.*, trail empty" "$work/err" ||
  { echo "not ok - the edited record and field are named"; cat "$work/err"; failures=$((failures + 1)); }

no_trail=$(copy_of_demo no_trail)
run_sql "$no_trail" "DELETE FROM audit; DELETE FROM meta WHERE key = 'audit_head'"
check "--verify-audit fails on a deleted trail" 1 \
  "$commissioner" --verify-audit --portfolio "$no_trail"
grep -q "is empty, yet it holds [0-9]* records" "$work/err" ||
  { echo "not ok - the deleted trail is told"; cat "$work/err"; failures=$((failures + 1)); }

run_sql "$demo" "UPDATE audit SET new_value = 'tampered' WHERE id = 7"
check "--verify-audit fails on an altered row" 1 "$commissioner" --verify-audit --portfolio "$demo"
grep -q "row 7" "$work/err" || { echo "not ok - the altered row is named"; cat "$work/err"; failures=$((failures + 1)); }

# Save a Copy, undoing an import, and restoring a backup: of files (a
# server's backups are PostgreSQL's own).
if on_files; then
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
fi

echo "1..$n"
[ "$failures" -eq 0 ]

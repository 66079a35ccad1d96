#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
# Fuzzes the table readers and the OCDS import with libFuzzer,
# AddressSanitizer and UndefinedBehaviorSanitizer:
# ./tests/fuzz/run-fuzz.sh SECONDS [TARGET...]
#
# Builds each target (fuzz-csv, fuzz-xlsx, fuzz-ods) against the reader
# sources only, and fuzz-ocds against the whole core (it plans an import
# into a portfolio), seeds its corpus from tests/fixtures/, runs it for SECONDS, and prints
# what it found. Work is kept in ${FUZZ_DIR:-/tmp/commissioner-fuzz}; a
# crash leaves its input there as crash-*. Not part of meson test.
set -euo pipefail
seconds=${1:?usage: run-fuzz.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz-csv fuzz-xlsx fuzz-ods fuzz-ocds)

here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
work=${FUZZ_DIR:-/tmp/commissioner-fuzz}
mkdir -p "$work"

if ! command -v clang >/dev/null || ! dpkg-query -W -f='${Status}' libclang-rt-14-dev 2>/dev/null | grep -q "install ok installed"; then
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q clang libclang-rt-14-dev
fi

readers=("$src/app/import/cm-table.c" "$src/app/import/cm-csv-reader.c" "$src/app/import/cm-xlsx-part.c"
         "$src/app/import/cm-xlsx-reader.c" "$src/app/import/cm-xlsx-value.c" "$src/app/import/cm-ods-reader.c")
# shellcheck disable=SC2207
flags=($(pkg-config --cflags --libs glib-2.0 minizip libxml-2.0))
# shellcheck disable=SC2207
core_flags=($(pkg-config --cflags --libs glib-2.0 gio-2.0 gobject-2.0 sqlite3 xlsxwriter json-glib-1.0 \
                minizip libxml-2.0 cairo pangocairo))

for target in "${targets[@]}"; do
  corpus="$work/$target-corpus"
  mkdir -p "$corpus"
  case $target in
    fuzz-csv) cp "$src"/tests/fixtures/*.csv "$corpus"/ ;;
    fuzz-xlsx)
      cp "$src"/tests/fixtures/*.xlsx "$src"/tests/fixtures/*.zip "$corpus"/
      # Stored, not deflated, copies too, and each part alone as the
      # target takes it (a byte choosing the part, then its XML).
      python3 - "$corpus" <<'PY'
import os, sys, zipfile
corpus = sys.argv[1]
names = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
         "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]
for name in sorted(os.listdir(corpus)):
    try:
        with zipfile.ZipFile(os.path.join(corpus, name)) as z:
            parts = [(i.filename, z.read(i)) for i in z.infolist()]
    except Exception:
        continue
    with zipfile.ZipFile(os.path.join(corpus, "stored-" + name), "w", zipfile.ZIP_STORED) as out:
        for part, data in parts:
            out.writestr(part, data)
    for part, data in parts:
        if part in names and len(data) < 60000:
            with open(os.path.join(corpus, "part-%d-%s" % (names.index(part), name)), "wb") as f:
                f.write(bytes([names.index(part)]) + data)
PY
      ;;
    fuzz-ocds)
      find "$src/tests/fixtures/ocds" -name '*.json' ! -name '*schema*' -exec cp {} "$corpus"/ \;
      # The demo's export, when a build is at hand, a few releases a file
      # (the UK extension's fields among them) to stay under -max_len.
      if [ -x "${COMMISSIONER:-$src/_build/ui/commissioner}" ]; then
        rm -f "$work/seed.commissioner"
        "${COMMISSIONER:-$src/_build/ui/commissioner}" --create-demo "$work/seed.commissioner" >/dev/null
        "${COMMISSIONER:-$src/_build/ui/commissioner}" --export-ocds "$work/seed.json" \
          --portfolio "$work/seed.commissioner" >/dev/null 2>&1
        python3 - "$work/seed.json" "$corpus" <<'PY'
import json, os, sys
package = json.load(open(sys.argv[1]))
releases = package.pop("releases")
for i in range(0, len(releases), 3):
    with open(os.path.join(sys.argv[2], "demo-%02d.json" % i), "w") as f:
        json.dump(dict(package, releases=releases[i:i + 3]), f)
PY
      fi
      ;;
    fuzz-ods)
      cp "$src"/tests/fixtures/*.ods "$corpus"/ 2>/dev/null || true
      # Each spreadsheet's content.xml alone, as the target takes it.
      python3 - "$corpus" <<'PY'
import os, sys, zipfile
corpus = sys.argv[1]
for name in sorted(os.listdir(corpus)):
    try:
        with zipfile.ZipFile(os.path.join(corpus, name)) as z:
            data = z.read("content.xml")
    except Exception:
        continue
    with open(os.path.join(corpus, "content-" + name + ".xml"), "wb") as f:
        f.write(data)
PY
      ;;
  esac
  if [ "$target" = fuzz-ocds ]; then
    # The whole core, its resources compiled here as meson would.
    glib-compile-resources --generate-source --manual-register --c-name cm_core \
      --sourcedir "$src/data" --target "$work/cm-core-resources.c" \
      "$src/data/commissioner-core.gresource.xml"
    glib-compile-resources --generate-header --manual-register --c-name cm_core \
      --sourcedir "$src/data" --target "$work/cm-core-resources.h" \
      "$src/data/commissioner-core.gresource.xml"
    mapfile -t core < <(find "$src/app" -name '*.c' | sort)
    includes=()
    for dir in "$src"/app/*/; do includes+=(-I"$dir"); done
    clang -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
      -fno-sanitize-recover=undefined -DGETTEXT_PACKAGE='"commissioner"' \
      -DG_LOG_DOMAIN='"Commissioner-Core"' -w -I"$work" "${includes[@]}" \
      "$here/$target.c" "${core[@]}" "$work/cm-core-resources.c" "${core_flags[@]}" -lm \
      -o "$work/$target"
    continue
  fi
  clang -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
    -fno-sanitize-recover=undefined -DGETTEXT_PACKAGE='"commissioner"' \
    -DCM_TABLE_MAX_CELLS='(1024 * 1024)' \
    -I"$src/app/import" "$here/$target.c" "${readers[@]}" "${flags[@]}" -lm -o "$work/$target"
done

pids=()
for target in "${targets[@]}"; do
  (cd "$work" && ASAN_OPTIONS=detect_leaks=1 "./$target" -max_total_time="$seconds" \
     -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/$target-" \
     "$target-corpus" >"$work/$target.log" 2>&1) &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done

for target in "${targets[@]}"; do
  echo "== $target"
  grep -E '^#[0-9]+[[:space:]]+(INITED|DONE)|^Done [0-9]+ runs' "$work/$target.log" | tail -3 || true
  grep -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|SUMMARY' "$work/$target.log" | head -5 || true
  ls "$work/$target"-crash-* "$work/$target"-leak-* "$work/$target"-oom-* "$work/$target"-timeout-* 2>/dev/null || true
done
exit $status

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Fails when a string shown to users cannot reach translators: a source
file with translatable strings missing from po/POTFILES.in (or a listed
file that is gone), a translatable literal joined to a macro such as
G_GINT64_FORMAT (xgettext cannot see past it, so the msgid it extracts is
cut short and never matches), or anything xgettext itself warns about.

    check-translatable.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile

from tap import check, finish

MARKED = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\(')
JOINED = re.compile(r'\b(?:N?_|ngettext)\s*\(\s*"(?:[^"\\]|\\.)*"\s*[A-Z_][A-Z0-9_]*')


def sources(root):
    for folder in ("app", "ui", "data"):
        for directory, _, names in os.walk(os.path.join(root, folder)):
            for name in sorted(names):
                path = os.path.join(directory, name)
                if name.endswith(".c") or name.endswith(".ui") or name.endswith(".in"):
                    yield os.path.relpath(path, root)


def is_translatable(root, relative):
    text = open(os.path.join(root, relative), encoding="utf-8").read()
    if relative.endswith(".c"):
        return MARKED.search(text) is not None
    return 'translatable="yes"' in text or relative.endswith((".desktop.in", ".metainfo.xml.in"))


def main():
    root = sys.argv[1]
    listed = [line.strip() for line in open(os.path.join(root, "po", "POTFILES.in"), encoding="utf-8")
              if line.strip() and not line.startswith("#")]
    needed = [f for f in sources(root) if is_translatable(root, f)]
    missing = sorted(set(needed) - set(listed))
    check("every file with translatable strings is in po/POTFILES.in", not missing, missing)
    gone = [f for f in listed if not os.path.exists(os.path.join(root, f))]
    check("every file in po/POTFILES.in exists", not gone, gone)
    twice = sorted({f for f in listed if listed.count(f) > 1})
    check("no file is listed twice in po/POTFILES.in", not twice, twice)

    joined = []
    for relative in needed:
        if relative.endswith(".c"):
            text = open(os.path.join(root, relative), encoding="utf-8").read()
            for match in JOINED.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                joined.append(f"{relative}:{line}: {match.group(0)[:60]}")
    check("no translatable string is joined to a macro", not joined, "; ".join(joined))

    with tempfile.TemporaryDirectory() as tmp:
        result = subprocess.run(
            ["xgettext", "--from-code=UTF-8", "--keyword=_", "--keyword=N_",
             "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=ngettext:1,2",
             "--keyword=g_dngettext:2,3", "--add-comments=Translators",
             f"--directory={root}", f"--files-from={os.path.join(root, 'po', 'POTFILES.in')}",
             "-o", os.path.join(tmp, "commissioner.pot")],
            capture_output=True, text=True)
        check("xgettext extracts every string without a warning",
              result.returncode == 0 and not result.stderr.strip(), result.stderr.strip()[:2000])
    return finish()


if __name__ == "__main__":
    sys.exit(main())

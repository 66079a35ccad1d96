#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Fails when a string shown to users cannot reach translators: a source
file with translatable strings missing from po/POTFILES.in (or a listed
file that is gone), a translatable literal joined to a macro such as
G_GINT64_FORMAT (xgettext cannot see past it, so the msgid it extracts is
cut short and never matches), anything xgettext itself warns about, or
wording in the shipped rules (data/*.xml, which the core reads and
translates on load) that the extracted .pot does not hold as a msgid,
with a comment for translators.

    check-translatable.py SOURCE_ROOT
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree

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


def rules_files(root):
    """The files of the core's rules resource, as data/ paths."""
    resources = ElementTree.parse(os.path.join(root, "data", "commissioner-core.gresource.xml"))
    return [os.path.join("data", f.text) for bundle in resources.getroot()
            if bundle.get("prefix", "").endswith("/rules") for f in bundle]


def collapsed(text):
    """White space as xgettext (and the core's loader) collapses it."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip(" ")


def rules_wording(root, relative):
    """Every text of an element in a rules file: by design the words users
    read, since codes are attributes. A file that is not XML (JSON, say)
    is one text: xgettext cannot extract any of it."""
    try:
        tree = ElementTree.parse(os.path.join(root, relative))
    except ElementTree.ParseError:
        return ["(the whole file: it is not XML)"]
    return [collapsed(e.text) for e in tree.iter() if e.text and e.text.strip()]


def unquote(line):
    body = line[line.index('"') + 1:line.rindex('"')]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)


def pot_entries(path):
    """{msgid: comments for translators} of a .pot written with --no-wrap."""
    entries, comments, msgid, field = {}, [], None, None
    for line in open(path, encoding="utf-8").read().split("\n") + [""]:
        if line.startswith("#."):
            comments.append(line[2:].strip())
        elif line.startswith("msgid "):
            msgid, field = unquote(line), "msgid"
        elif line.startswith('"') and field == "msgid":
            msgid += unquote(line)
        elif line.startswith("msgstr"):
            field = "msgstr"
        elif not line.strip() and msgid is not None:
            entries[msgid] = comments
            comments, msgid, field = [], None, None
    return entries


def its_data_dirs(root):
    """The GETTEXTDATADIRS po/meson.build gives xgettext, so this check
    extracts as the project's own .pot target does."""
    text = open(os.path.join(root, "po", "meson.build"), encoding="utf-8").read()
    dirs = re.findall(r"data_dirs\s*:\s*'([^']*)'", text)
    return [os.path.normpath(os.path.join(root, "po", d)) for d in dirs]


def check_rules(root, listed, pot):
    rules = rules_files(root)
    unlisted = [f for f in rules if f not in listed]
    check("every rules file the core ships is in po/POTFILES.in", not unlisted, unlisted)
    entries = pot_entries(pot)
    missing, uncommented = [], []
    for relative in rules:
        for text in rules_wording(root, relative):
            if text not in entries:
                missing.append(f"{relative}: {text[:60]}")
            elif not entries[text]:
                uncommented.append(f"{relative}: {text[:60]}")
    check("every text in the rules files is a msgid of the extracted .pot",
          rules and not missing, "; ".join(missing[:5]) + (f" and {len(missing) - 5} more"
                                                           if len(missing) > 5 else ""))
    check("every text in the rules files has a comment for translators",
          not uncommented, "; ".join(uncommented[:5]))


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

    data_dirs = its_data_dirs(root)
    check("po/meson.build gives xgettext the folder of the ITS rules",
          any(os.path.exists(os.path.join(d, "its", "commissioner.loc")) for d in data_dirs),
          data_dirs)
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, "commissioner.pot")
        result = subprocess.run(
            ["xgettext", "--from-code=UTF-8", "--no-wrap", "--keyword=_", "--keyword=N_",
             "--keyword=C_:1c,2", "--keyword=NC_:1c,2", "--keyword=ngettext:1,2",
             "--keyword=g_dngettext:2,3", "--add-comments=Translators",
             f"--directory={root}", f"--files-from={os.path.join(root, 'po', 'POTFILES.in')}",
             "-o", pot],
            capture_output=True, text=True,
            env=dict(os.environ, GETTEXTDATADIRS=os.pathsep.join(data_dirs)))
        check("xgettext extracts every string without a warning",
              result.returncode == 0 and not result.stderr.strip(),
              " | ".join(result.stderr.strip().splitlines())[:2000])
        check_rules(root, listed, pot)
    return finish()


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Fails when a source file the project tracks does not open with its
licence (an SPDX line) and copyright; data that cannot hold a comment
(JSON, images, workbooks, CSV) and text of other projects are left out.

    check-licence.py SOURCE_ROOT
"""
import os
import subprocess
import sys

from tap import check, finish

LEFT_OUT = (".png", ".svg", ".json", ".xlsx", ".ods", ".csv", ".zip", ".md", ".po")
OTHERS = ("COPYING", "tests/fixtures/ocds/", "data/screenshots/", "data/icons/")


def main():
    root = sys.argv[1]
    listed = subprocess.run(["git", "-C", root, "ls-files"], capture_output=True, text=True)
    if listed.returncode != 0:
        print("1..0 # SKIP not a git checkout")
        return 0
    missing = []
    for name in listed.stdout.split():
        if name.endswith(LEFT_OUT) or name.startswith(OTHERS) or name.endswith("LICENSE"):
            continue
        with open(os.path.join(root, name), encoding="utf-8") as source:
            head = "".join(source.readline() for _ in range(5))
        if ("SPDX-License-Identifier: GPL-3.0-or-later" not in head
                or ("SPDX-FileCopyrightText" not in head and "Copyright" not in head)):
            missing.append(name)
    check("every source file opens with its licence and copyright", not missing, missing[:20])
    return finish()


if __name__ == "__main__":
    sys.exit(main())

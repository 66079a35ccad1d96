#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Installs the portfolio file type into a private MIME database and checks
that GIO's content-type guess, as a file manager makes it, tells a
portfolio from any other file: by its name, and by its content alone when
the file has been renamed.

    test-mime-type.py COMMISSIONER MIME-XML
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import tap
from tap import check, finish, run

PORTFOLIO = "application/x-commissioner-portfolio"
SQLITE = "application/vnd.sqlite3"


def guess_in(data_home, name, path):
    """The guess of a separate process, since GIO reads the database once."""
    script = ("import sys\nfrom gi.repository import Gio\n"
              "data = open(sys.argv[2], 'rb').read(4096)\n"
              "print(Gio.content_type_guess(sys.argv[1], data)[0])\n")
    result = subprocess.run(["/usr/bin/python3", "-c", script, name, path],
                            capture_output=True, text=True,
                            env=dict(os.environ, XDG_DATA_HOME=data_home))
    return result.stdout.strip() or result.stderr.strip()


def main():
    mime_xml = sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        data_home = os.path.join(tmp, "share")
        packages = os.path.join(data_home, "mime", "packages")
        os.makedirs(packages)
        shutil.copy(mime_xml, packages)
        subprocess.run(["update-mime-database", os.path.join(data_home, "mime")], check=True,
                       capture_output=True)

        demo = os.path.join(tmp, "demo.commissioner")
        result = run("--create-demo", demo, "--today", "2026-12-03")
        check("the demo portfolio is written", result.returncode == 0, result.stderr)
        other = os.path.join(tmp, "other.db")
        sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()

        cases = [
            ("a portfolio by its name", "demo.commissioner", demo, PORTFOLIO),
            ("a renamed portfolio by its content", "register", demo, PORTFOLIO),
            ("a portfolio with a database's extension", "register.db", demo, PORTFOLIO),
            ("another SQLite file is not a portfolio", "other", other, SQLITE),
        ]
        for what, name, path, expected in cases:
            got = guess_in(data_home, name, path)
            check(what, got == expected, f"guessed {got}, expected {expected}")
    return finish()


if __name__ == "__main__":
    sys.exit(main())

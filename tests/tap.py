# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""What the Python tests share: TAP output, running the program headless,
and hashing a file to show it was left unchanged."""
import hashlib
import os
import shutil
import subprocess
import sys

BINARY = sys.argv[1] if len(sys.argv) > 1 else "commissioner"
failures = 0
count = 0


def check(what, ok, detail=""):
    global failures, count
    count += 1
    print(f"{'ok' if ok else 'not ok'} {count} - {what}{' # ' + str(detail) if detail and not ok else ''}")
    if not ok:
        failures += 1


def run(*args):
    """The program with no display, as scripts run it. Ending on a signal
    (a crash, or a sanitizer's report) fails whatever exit was expected."""
    result = subprocess.run([BINARY, *args], capture_output=True, text=True,
                            env=dict(os.environ, DISPLAY=""))
    if result.returncode < 0:
        check(f"{args[0]} ends without a crash", False, result.stderr[-2000:])
    return result


def soffice_convert(work, source, kind):
    """@source saved by LibreOffice as @kind ("xlsx", "ods") beside it, or
    None when LibreOffice is not installed or fails."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    profile = "file://" + os.path.join(work, "lo-profile")
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    kind, "--outdir", os.path.dirname(source), source],
                   capture_output=True, timeout=180)
    out = os.path.splitext(source)[0] + "." + kind
    return out if os.path.exists(out) else None


def digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def finish():
    """Ends the TAP stream; the exit status says whether anything failed."""
    print(f"1..{count}")
    return 1 if failures else 0

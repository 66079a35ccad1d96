#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""commissioner runs the headless commands without loading GTK, cairo or
Pango, and hands every other command line, and --report, to the window
program: the same process with the same arguments, or a message saying what
is missing when it cannot.

    test-launcher.py COMMISSIONER COMMISSIONER_WINDOW LIBEXECDIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

from tap import check, digest, finish

COMMISSIONER, WINDOW, LIBEXECDIR = sys.argv[1:4]
TODAY = "2026-11-22"
WINDOW_LIBRARIES = ("libgtk-4.so", "libadwaita-1.so", "libsecret-1.so", "libcairo.so",
                    "libpango-1.0.so")
HEADLESS = dict(os.environ, DISPLAY="", WAYLAND_DISPLAY="")


def loaded_libraries(program):
    """Every shared library the dynamic loader maps for @program, those the
    libraries it links need included, as ldd lists them."""
    result = subprocess.run([program], capture_output=True, text=True,
                            env=dict(os.environ, LD_TRACE_LOADED_OBJECTS="1"))
    return [line.split()[0] for line in result.stdout.splitlines() if line.strip()]


def window_libraries(libraries):
    return [lib for lib in libraries if lib.startswith(WINDOW_LIBRARIES)]


def run(program, *args):
    return subprocess.run([program, *args], capture_output=True, text=True, env=HEADLESS)


def check_libraries():
    launcher = loaded_libraries(COMMISSIONER)
    window = loaded_libraries(WINDOW)
    check("the loader lists commissioner's libraries",
          any(lib.startswith("libglib-2.0.so") for lib in launcher), launcher)
    check("commissioner loads no library of the window's", not window_libraries(launcher),
          window_libraries(launcher))
    # The same reading finds them where they are.
    check("the window program loads GTK, libadwaita, libsecret, cairo and Pango",
          len(window_libraries(window)) == len(WINDOW_LIBRARIES), window)


def check_alone(work):
    """commissioner copied without the window program beside it."""
    alone = os.path.join(work, "alone")
    os.mkdir(alone)
    launcher = shutil.copy(COMMISSIONER, os.path.join(alone, "commissioner"))
    portfolio = os.path.join(work, "demo.commissioner")

    result = run(launcher, "--version")
    check("--version runs without the window program", result.returncode == 0 and
          result.stdout.startswith("commissioner "), result.stderr)
    result = run(launcher, "--create-demo", portfolio, "--today", TODAY)
    check("--create-demo runs without the window program", result.returncode == 0, result.stderr)
    result = run(launcher, "--help")
    check("--help lists the window's options too",
          result.returncode == 0 and "--demo" in result.stdout and
          "--import-wizard" in result.stdout, result.stdout)

    before = digest(portfolio)
    result = run(launcher, "--portfolio", portfolio)
    check("a window asked for without the window program exits 1", result.returncode == 1,
          result.returncode)
    check("the message names the missing program and where it was looked for",
          "commissioner-window" in result.stderr and alone in result.stderr, result.stderr)
    check("a launcher outside the installed folder never runs the installed window program",
          LIBEXECDIR not in result.stderr, result.stderr)
    check("and says the headless commands still work", "--help" in result.stderr,
          result.stderr)
    result = run(launcher, "--report", "deadlines", "--portfolio", portfolio, "--output",
                 os.path.join(work, "deadlines.pdf"))
    check("--report, drawn by the window program, says the same", result.returncode == 1 and
          "commissioner-window" in result.stderr, result.stderr)
    check("the portfolio is left as it was, and no report written",
          digest(portfolio) == before and not os.path.exists(os.path.join(work, "deadlines.pdf")))


def check_handed_over(work):
    """A stand-in for the window program prints its process and arguments."""
    folder = os.path.join(work, "handed")
    os.mkdir(folder)
    launcher = shutil.copy(COMMISSIONER, os.path.join(folder, "commissioner"))
    stand_in = os.path.join(folder, "commissioner-window")
    with open(stand_in, "w") as script:
        script.write('#!/bin/sh\necho "$$"\nfor arg; do printf "%s\\n" "$arg"; done\nexit 7\n')
    os.chmod(stand_in, 0o755)

    for args in (["--portfolio", "a b.commissioner", "--today", TODAY], ["--demo"],
                 ["--report", "deadlines", "--portfolio", "p.commissioner", "--output", "d.pdf"],
                 ["--import-wizard", "register.csv", "--portfolio", "p.commissioner"],
                 ["first.commissioner", "second.commissioner"], ["--gapplication-service"], []):
        process = subprocess.Popen([launcher, *args], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=HEADLESS)
        out, err = process.communicate()
        lines = out.splitlines()
        check(f"{' '.join(args) or 'no arguments'}: the window program runs in the same "
              "process, with the same arguments, and its exit status is commissioner's",
              process.returncode == 7 and lines == [str(process.pid), *args], out + err)


def main():
    work = tempfile.mkdtemp(prefix="commissioner-launcher-")
    try:
        check_libraries()
        check_alone(work)
        check_handed_over(work)
    finally:
        shutil.rmtree(work)
    return finish()


sys.exit(main())

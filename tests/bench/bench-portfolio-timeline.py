# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Times the portfolio timeline on a large portfolio: builds one with
bench-portfolio (100,000 contracts unless told), then runs
bench-portfolio-timeline on it under a virtual display of its own.

    bench-portfolio-timeline.py --generator G --bench B --display D [--contracts N]
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--generator", required=True, help="bench-portfolio")
    parser.add_argument("--bench", required=True, help="bench-portfolio-timeline")
    parser.add_argument("--display", required=True, help="with-display.sh")
    parser.add_argument("--contracts", type=int, default=100000)
    parser.add_argument("--portfolio", help="an existing portfolio to time instead")
    options = parser.parse_args()

    work = tempfile.mkdtemp(prefix="bench-portfolio-timeline-")
    try:
        path = options.portfolio
        if path is None:
            path = os.path.join(work, "large.commissioner")
            subprocess.run([options.generator, "--keep", path, "--save-only",
                            "--contracts", str(options.contracts)], check=True,
                           stdout=subprocess.DEVNULL)
        env = dict(os.environ, GSK_RENDERER="cairo", CM_TEST_SCREEN="1400x900x24",
                   GSETTINGS_BACKEND="memory")
        return subprocess.run([options.display, options.bench, path], env=env).returncode
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

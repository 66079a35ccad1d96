#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""The portfolio's OCDS prefix in Portfolio Settings: a prefix not of the
registered form is refused with the reason under it and nothing saved;
a good one is saved through the store, audited, and used by the next
export.

    with-display.sh python3 test_ocds_prefix.py COMMISSIONER OUTPUT_DIR
"""
import json
import os
import subprocess

from common import (Failure, Session, find, find_button, find_label, press, shown_label, text_of,
                    wait_for)

TITLE = "Portfolio Settings"
GOOD = "ocds-b5fd17"


def prefix_rows(session):
    return session.sql("SELECT count(*) FROM audit WHERE entity = 'meta' AND field = 'ocds-prefix'")


def said(window, words):
    """What the row says under its title after Save."""
    return wait_for(f"the row saying {words!r}",
                    lambda: find_label(window, lambda text: words in text))


def enter(session, window, field, text):
    """Replaces what the field holds by typing, as a user would, then saves."""
    session.focus(field, TITLE)
    session.key("ctrl+a BackSpace", TITLE)
    session.type_text(text, TITLE)
    wait_for(f"{text!r} in the prefix field",
             lambda: text_of(field) == text)
    press(wait_for("the Save button", lambda: find_button(window, "Save the OCDS prefix")))


def main():
    with Session("ocds-prefix") as session:
        session.launch()
        session.frame_around_pages()
        session.key("ctrl+comma")
        window = session.frame(TITLE)
        # The page switcher's buttons have no name of their own: click the words.
        session.click(wait_for("the Open Data page's button",
                               lambda: shown_label(window, "Open Data")))
        field = wait_for("the prefix field", lambda: find(window, "text", "OCDS prefix"))
        enter(session, window, field, "ocds-ABC")
        said(window, "is not an OCDS prefix")
        if prefix_rows(session) != 0:
            raise Failure("a prefix not of the registered form was saved")
        session.log("ocds-ABC was refused with its reason")
        enter(session, window, field, GOOD)
        said(window, f"ocid beginning {GOOD}-")
        wait_for("the prefix saved and audited", lambda: prefix_rows(session) == 1)
        session.screenshot("ocds-prefix")
        out = os.path.join(session.work, "open-data.json")
        subprocess.run([session.binary, "--export-ocds", out, "--portfolio", session.portfolio,
                        "--today", "2026-11-22"], env=session.env, check=True,
                       capture_output=True)
        with open(out, encoding="utf-8") as f:
            ocid = json.load(f)["releases"][0]["ocid"]
        if not ocid.startswith(GOOD + "-"):
            raise Failure(f"the export does not use the prefix set in the window: {ocid}")
        session.log(f"the next export's ocids begin with it: {ocid}")


if __name__ == "__main__":
    main()

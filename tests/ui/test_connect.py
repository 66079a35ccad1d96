#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Connect to Server: a server that never answers leaves the window
responsive, the dialog busy, and Cancel ends the wait. On a throwaway cluster where a role signs in with a
password (SCRAM on the socket), the dialog opened from the welcome page
shows the server's refusal of a wrong password and keeps the fields; the
right one, remembered, opens the demo portfolio in the window and is kept
in a real Secret Service (GNOME Keyring in the test's own session and
home); the recent list names the portfolio "team on SERVER", never with
its password, and opening it from there signs in without typing and
without showing the dialog, as a file opens (the test holds the
connection on a table lock to see that no dialog comes while it waits);
a file opened in the window while it waits stays there, and the late
connection is closed.
Started again with that portfolio as the last one used, the window
reopens it the same way. When the keyring's password is wrong (changed
on the server) or missing, opening it from the recent list shows the
dialog with the server's refusal; typing the password there and
remembering it opens it and keeps it again. Once the database is
emptied, opening it from the recent list refuses it rather than make a
new portfolio there; the keyring's password, filled in for it, is
cleared as soon as the address is changed, so it is never sent to
another.

    with-display.sh python3 test_connect.py COMMISSIONER OUTPUT_DIR
"""
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
from html import unescape
from urllib.parse import quote

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "postgresql"))

import pgcluster  # noqa: E402
import pyatspi  # noqa: E402
from gi.repository import GLib  # noqa: E402
from common import (TODAY, Failure, Session, enabled, find, find_all, find_button,  # noqa: E402
                    find_label, has_state, press, set_text, text_of, wait_for)

CLUSTER_SH = os.path.join(HERE, "..", "postgresql", "cluster.sh")
ROLE = "alice"
PASSWORD = "c0rrect h0rse&battery=staple"
KEYRING_PASSWORD = "keyring-of-the-test"
DIALOG = "Connect to Server"


def require_password(folder):
    """Makes the role and its database, and has the socket ask the role
    for its password (the cluster trusts everyone else)."""
    superuser = pgcluster.uri(folder, "postgres")
    for sql in (f"SET password_encryption = 'scram-sha-256'; "
                f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'",
                f"CREATE DATABASE team OWNER {ROLE}"):
        made = pgcluster.psql(superuser, "-c", sql)
        if made.returncode != 0:
            raise Failure(f"{sql!r} failed: {made.stderr}")
    hba = os.path.join(folder, "data", "pg_hba.conf")
    with open(hba, encoding="utf-8") as old:
        rules = old.read()
    with open(hba, "w", encoding="utf-8") as new:
        new.write(f"local all {ROLE} scram-sha-256\n" + rules)
    reloaded = pgcluster.psql(superuser, "-c", "SELECT pg_reload_conf()")
    if reloaded.returncode != 0:
        raise Failure("the server did not reload its rules: " + reloaded.stderr)
    refused = pgcluster.psql(pgcluster.uri(folder, "team", ROLE), "-c", "SELECT 1")
    if refused.returncode == 0:
        raise Failure("the server let the role in without its password")


def make_demo(session, folder):
    signed_in = f"postgresql://{ROLE}:{quote(PASSWORD, safe='')}@/team?host={folder}"
    demo = subprocess.run([session.binary, "--create-demo", signed_in, "--today", TODAY],
                          capture_output=True, text=True, env=dict(session.env, DISPLAY=""))
    if demo.returncode != 0:
        raise Failure("the demo could not be made on the server: " + demo.stderr)


def bus_has(name, env):
    return subprocess.run(["gdbus", "call", "--session", "--dest", "org.freedesktop.DBus",
                           "--object-path", "/org/freedesktop/DBus", "--method",
                           "org.freedesktop.DBus.NameHasOwner", name],
                          capture_output=True, text=True, env=env).stdout.strip() == "(true,)"


def start_keyring(session):
    """GNOME Keyring on the test's session bus, its login keyring made and
    unlocked with a password of the test's, in the session's home."""
    keyring = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock",
                                "--components=secrets"], stdin=subprocess.PIPE,
                               stdout=subprocess.DEVNULL, env=session.env)
    keyring.stdin.write(KEYRING_PASSWORD.encode())
    keyring.stdin.close()
    wait_for("the keyring on the session bus",
             lambda: bus_has("org.freedesktop.secrets", session.env))
    return keyring


def kept_password(session, folder):
    found = subprocess.run(["secret-tool", "lookup", "host", folder, "port", "",
                            "database", "team", "user", ROLE],
                           capture_output=True, text=True, env=session.env)
    return found.stdout if found.returncode == 0 else None


def field(dialog, name):
    return wait_for(f"the field {name!r}", lambda: next(
        (n for n in find_all(dialog, "text") if n.name == name), None))


def connect(session, dialog):
    press(wait_for("Connect, ready", lambda: (lambda b: b if b and enabled(b) else None)(
        find_button(dialog, "Connect"))))


def sign_in_and_remember(session, dialog, folder):
    """Types the right password with Remember Password on and connects:
    the portfolio opens and the keyring keeps the password."""
    set_text(field(dialog, "Password"), PASSWORD)
    remember = wait_for("Remember Password, available", lambda: (
        lambda s: s if s and enabled(s) else None)(
            next((n for n in find_all(dialog, "check box")
                  if n.name.startswith("Remember Password")), None)))
    # GTK 4.8 offers no action on a switch: its row's access key turns it on.
    session.key("alt+r", DIALOG)
    wait_for("Remember Password on", lambda: has_state(remember, pyatspi.STATE_CHECKED))
    connect(session, dialog)
    session.frame_closed(DIALOG)
    overview_shown(session, folder)
    wait_for("the password in the keyring", lambda: kept_password(session, folder) == PASSWORD)


def overview_shown(session, folder):
    """The demo, as the server holds it, in the window: its name in the
    title and its Overview's figures."""
    named = pgcluster.psql(pgcluster.uri(folder, "team"), "-c",
                           "SELECT value FROM meta WHERE key = 'name'")
    name = named.stdout.strip()
    if named.returncode != 0 or not name:
        raise Failure("the demo's name could not be read on the server: " + named.stderr)
    wait_for(f"the window titled {name!r}", lambda: session.window.name == name)
    page = session.page("Overview")
    wait_for("the demo's Overview", lambda: find_label(page, lambda t: t == "Needs You Now"))


def recent_text(session):
    recent = os.path.join(session.work, "data", "recently-used.xbel")
    return open(recent, encoding="utf-8").read() if os.path.exists(recent) else ""


def open_dialog(session, welcome):
    press(wait_for("Connect to a Server…", lambda: find_button(welcome,
                                                               "Connect to a Server…")))
    return session.frame(DIALOG)


def cancel_a_silent_server(session, welcome):
    """A server that takes the connection and never answers: the dialog
    stays busy (libpq would wait 30 s), the window answers meanwhile, and
    Cancel closes the dialog at once, leaving the welcome page."""
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        held = []
        threading.Thread(target=lambda: held.append(silent.accept()), daemon=True).start()
        dialog = open_dialog(session, welcome)
        set_text(field(dialog, "Server"), "127.0.0.1")
        set_text(field(dialog, "Port"), str(silent.getsockname()[1]))
        set_text(field(dialog, "Database"), "team")
        connect(session, dialog)
        wait_for("the dialog busy connecting", lambda: not enabled(
            find_button(dialog, "Connect")) and find(dialog, "filler", "Connecting"))
        session.screenshot("connecting")
        if find_button(welcome, "Open the Demo Portfolio") is None:
            raise Failure("the window did not answer while the dialog connected")
        press(find_button(dialog, "Cancel"))
        session.frame_closed(DIALOG)
    if welcome.name != "Commissioner":
        raise Failure(f"the window changed after Cancel: {welcome.name!r}")
    session.log("Cancel ended the wait for a server that never answered")


def check(session, folder):
    welcome = session.launch(files=[], title="Commissioner")
    session.window = welcome
    cancel_a_silent_server(session, welcome)
    dialog = open_dialog(session, welcome)
    set_text(field(dialog, "Server"), folder)
    set_text(field(dialog, "Database"), "team")
    set_text(field(dialog, "User Name"), ROLE)
    set_text(field(dialog, "Password"), "wrong")
    connect(session, dialog)
    refusal = wait_for("the server's refusal in the dialog", lambda: find_label(
        dialog, lambda t: "did not let “alice” sign in" in t))
    session.log(f"wrong password: {refusal.name!r}")
    if text_of(field(dialog, "Database")) != "team":
        raise Failure("the fields were not kept after the refusal")
    session.screenshot("refused")

    sign_in_and_remember(session, dialog, folder)
    session.log(f"the window opened the portfolio on the server: {welcome.name!r}")
    session.screenshot("connected")
    wait_for("the server portfolio in the recent files", lambda: "postgresql://" in
             recent_text(session))
    if PASSWORD in recent_text(session) or quote(PASSWORD, safe="") in recent_text(session):
        raise Failure("the password is in the recent files")
    session.stop()

    reopen_with_no_dialog(session, folder)
    keep_a_file_opened_meanwhile(session, folder)
    reopen_at_start_up(session, folder)
    refuse_a_wrong_password(session, folder)
    ask_for_a_missing_password(session, folder)
    refuse_an_emptied_database(session, folder)


def dialog_shown(session):
    return any(w is not None and w.name == DIALOG and has_state(w, pyatspi.STATE_SHOWING)
               for w in session.app)


def click_recent(session, folder, before=lambda: None):
    """Launches the application on its welcome page and opens the
    server's portfolio from the recent list, once @before has run."""
    welcome = session.launch(files=[], title="Commissioner")
    session.window = welcome
    shown = f"team on {folder}"
    row = wait_for(f"{shown!r} in the recent portfolios", lambda: next(
        r for r in find_all(welcome, "list item") if find_label(r, lambda t: t == shown)))
    before()
    session.click(row)
    return welcome


class HeldTable:
    """A transaction of the superuser's that holds @table locked, so that
    a connection reading it waits (up to the application's lock_timeout)."""

    def __init__(self, folder, table):
        self.folder = folder
        self.psql = subprocess.Popen(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", pgcluster.uri(folder, "team")],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=pgcluster.PG_ENV)
        self.psql.stdin.write(f"BEGIN; LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE;\n")
        self.psql.stdin.flush()
        wait_for(f"{table} locked", lambda: self.count(
            "SELECT count(*) FROM pg_locks WHERE granted AND mode = 'AccessExclusiveLock' "
            f"AND relation = '{table}'::regclass") == 1)

    def count(self, sql):
        counted = pgcluster.psql(pgcluster.uri(self.folder, "team"), "-c", sql)
        if counted.returncode != 0:
            raise Failure(f"{sql!r} failed: {counted.stderr}")
        return int(counted.stdout.strip())

    def waiting(self, role):
        return self.count("SELECT count(*) FROM pg_stat_activity "
                          f"WHERE usename = '{role}' AND wait_event_type = 'Lock'")

    def release(self):
        self.psql.stdin.write("COMMIT;\n")
        self.psql.stdin.close()
        self.psql.wait(timeout=30)


def reopen_with_no_dialog(session, folder):
    """The recent entry opens with the keyring's password and no dialog,
    even while the server keeps the connection waiting."""
    held = []
    try:
        click_recent(session, folder, lambda: held.append(HeldTable(folder, "cm_schema")))
        wait_for("the application's connection waiting on the lock",
                 lambda: held[0].waiting(ROLE) == 1)
        if dialog_shown(session):
            raise Failure("the dialog was shown for a portfolio the keyring signs in to")
    finally:
        for lock in held:
            lock.release()
    overview_shown(session, folder)
    if dialog_shown(session):
        raise Failure("the dialog was shown after the portfolio opened")
    session.screenshot("reopened")
    session.log("reopened from the recent list with the keyring's password, with no dialog")


def keep_a_file_opened_meanwhile(session, folder):
    """The welcome page stays usable while the recent entry reopens: a
    file opened there meanwhile stays, and the late connection to the
    server is closed rather than shown in its place."""
    held = []
    try:
        welcome = click_recent(session, folder,
                               lambda: held.append(HeldTable(folder, "cm_schema")))
        wait_for("the application's connection waiting on the lock",
                 lambda: held[0].waiting(ROLE) == 1)
        press(wait_for("Open the Demo Portfolio", lambda: find_button(
            welcome, "Open the Demo Portfolio")))
        page = session.page("Overview")
        wait_for("the demo file's Overview", lambda: find_label(
            page, lambda t: t == "Needs You Now"))
    finally:
        for lock in held:
            lock.release()
    wait_for("the late connection to the server closed", lambda: held[0].count(
        f"SELECT count(*) FROM pg_stat_activity WHERE usename = '{ROLE}'") == 0)
    if dialog_shown(session):
        raise Failure("the dialog was shown for a reopening the file replaced")
    session.screenshot("file-kept")
    session.log("a file opened while the server's portfolio reopened stayed in the window")


def server_uri_in_recent(session):
    text = recent_text(session)
    start = text.find('href="postgresql://')
    if start < 0:
        raise Failure("no server portfolio in the recent files")
    start += len('href="')
    return unescape(text[start:text.index('"', start)])


def reopen_at_start_up(session, folder):
    """Settings kept in a file that names the server's portfolio as the
    last used: a launch with no portfolio reopens it, with no dialog."""
    uri = server_uri_in_recent(session)
    settings = os.path.join(session.work, "config", "glib-2.0", "settings")
    os.makedirs(settings, exist_ok=True)
    with open(os.path.join(settings, "keyfile"), "w", encoding="utf-8") as out:
        out.write(f"[org/commissioner/Commissioner]\nlast-portfolio={GLib.Variant('s', uri)}\n")
    in_memory = session.env
    session.env = dict(in_memory, GSETTINGS_BACKEND="keyfile")
    try:
        session.window = session.launch(files=[])
        overview_shown(session, folder)
    finally:
        session.env = in_memory
    if dialog_shown(session):
        raise Failure("the dialog was shown when the last portfolio was reopened")
    session.log(f"reopened {uri!r} at start-up as the last portfolio used")
    session.stop()


def set_role_password(folder, password):
    changed = pgcluster.psql(pgcluster.uri(folder, "postgres"), "-c",
                             f"SET password_encryption = 'scram-sha-256'; "
                             f"ALTER ROLE {ROLE} PASSWORD '{password}'")
    if changed.returncode != 0:
        raise Failure("the role's password could not be changed: " + changed.stderr)


def refusal_shown(session, what):
    dialog = session.frame(DIALOG)
    refusal = wait_for(f"the refusal of {what} in the dialog", lambda: find_label(
        dialog, lambda t: "did not let “alice” sign in" in t))
    if text_of(field(dialog, "Database")) != "team" or text_of(field(dialog, "User Name")) != ROLE:
        raise Failure(f"the dialog for {what} was not filled in from the recent entry")
    session.log(f"{what}: {refusal.name!r}")
    return dialog


def refuse_a_wrong_password(session, folder):
    """The password was changed on the server: the keyring's is refused,
    and the dialog says so."""
    set_role_password(folder, "changed since")
    try:
        click_recent(session, folder)
        refusal_shown(session, "the keyring's old password")
        session.screenshot("keyring-password-refused")
    finally:
        set_role_password(folder, PASSWORD)
    session.stop()


def ask_for_a_missing_password(session, folder):
    """No password kept: the dialog asks for it, and remembers it once
    typed."""
    forgotten = subprocess.run(["secret-tool", "clear", "host", folder, "port", "",
                                "database", "team", "user", ROLE], env=session.env)
    if forgotten.returncode != 0 or kept_password(session, folder) is not None:
        raise Failure("the keyring's password could not be removed")
    click_recent(session, folder)
    dialog = refusal_shown(session, "a missing password")
    session.screenshot("password-missing")
    sign_in_and_remember(session, dialog, folder)
    session.log("the missing password, typed and remembered, opened the portfolio")
    session.stop()


def empty_database(folder):
    superuser = pgcluster.uri(folder, "postgres")
    for sql in ("DROP DATABASE team", f"CREATE DATABASE team OWNER {ROLE}"):
        done = pgcluster.psql(superuser, "-c", sql)
        if done.returncode != 0:
            raise Failure(f"{sql!r} failed: {done.stderr}")


def tables_in(folder):
    counted = pgcluster.psql(pgcluster.uri(folder, "team"), "-c",
                             "SELECT count(*) FROM information_schema.tables WHERE "
                             "table_schema NOT IN ('pg_catalog', 'information_schema')")
    if counted.returncode != 0:
        raise Failure("the database's tables could not be counted: " + counted.stderr)
    return int(counted.stdout.strip())


def refuse_an_emptied_database(session, folder):
    """The recent entry of a database emptied since: the dialog says it
    holds no portfolio and the database stays empty. The keyring filled in
    the password for that address; changing the user name clears it."""
    empty_database(folder)
    welcome = session.launch(files=[], title="Commissioner")
    session.window = welcome
    shown = f"team on {folder}"
    session.click(wait_for(f"{shown!r} in the recent portfolios", lambda: next(
        r for r in find_all(welcome, "list item") if find_label(r, lambda t: t == shown))))
    dialog = session.frame(DIALOG)
    refusal = wait_for("the refusal of the emptied database", lambda: find_label(
        dialog, lambda t: "holds no portfolio" in t))
    session.log(f"emptied database: {refusal.name!r}")
    if tables_in(folder) != 0:
        raise Failure("opening the emptied database from the recent list made a portfolio in it")
    password = field(dialog, "Password")
    wait_for("the keyring's password filled in", lambda: text_of(password) != "")
    set_text(field(dialog, "User Name"), "mallory")
    wait_for("the keyring's password cleared for another user", lambda: text_of(password) == "")
    session.screenshot("address-changed")
    session.log("the keyring's password was cleared when the user name changed")


def main():
    folder = tempfile.mkdtemp(prefix="cm-ui-connect-")
    keyring = None
    try:
        base, why = pgcluster.start(CLUSTER_SH, folder)
        if base is None:
            raise Failure("a throwaway PostgreSQL cluster did not start: " + why)
        with Session("connect") as session:
            require_password(folder)
            make_demo(session, folder)
            keyring = start_keyring(session)
            check(session, folder)
    finally:
        if keyring:
            keyring.terminate()
            keyring.wait(timeout=10)
        pgcluster.stop(CLUSTER_SH, folder)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()

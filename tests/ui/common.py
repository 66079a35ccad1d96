# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""What the window tests share: each starts the application on a fresh
demo portfolio of its own, finds controls by role and name in the
accessibility tree, presses them through their Action interface, and
waits for the tree or the file to change, up to a deadline.

A test runs under a display and a session bus of its own, as meson runs
it:  with-display.sh python3 test_NAME.py COMMISSIONER OUTPUT_DIR
"""
import contextlib
import itertools
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback

import pyatspi
from gi.repository import GLib

TODAY = "2026-11-22"
# A call over the bus waits this long (ms) for the application, which on a
# busy machine can be slower than the library's default 0.8 s to answer;
# the second figure is for its first answers as it starts.
pyatspi.setTimeout(10000, 15000)
# Every wait ends by then; a case as a whole has meson's timeout.
WAIT = 20

# Tables hold rows of cells and never a control we look for, and walking
# them over the bus is slow: below the starting node, they are not entered;
# nor are the roles that hold nothing, so their children are not asked for.
NOT_ENTERED = ("tree table", "label", "image", "scroll bar", "separator")
_END = object()

# The lists that share a section of the sidebar, each in a tab of its own:
# the section's name and the tab's place.
TABS = {"Contracts": ("Contracts & Deadlines", 0), "Deadlines": ("Contracts & Deadlines", 1),
        "Risks": ("Quality & Risk", 0), "Engagement": ("Quality & Risk", 1),
        "Measures": ("Quality & Risk", 2)}


class Failure(Exception):
    """A check that did not hold, or a wait that ran out."""


# The application under test: a wait ends at once if it has ended.
_application = None


def _ended(what):
    code = _application.poll() if _application else None
    if code is None:
        return None
    how = f"with signal {-code}" if code < 0 else f"with status {code}"
    return Failure(f"the application ended {how} while waiting for {what}")


def _pause(seconds):
    """Waits a moment between looks, handling what the bus delivers
    meanwhile rather than leaving it to pile up."""
    context = GLib.MainContext.default()
    done = []
    GLib.timeout_add(int(seconds * 1000), lambda: done.append(True) and False)
    while not done:
        context.iteration(True)


def wait_for(what, probe, timeout=WAIT):
    """The first true value @probe returns, polled until @timeout seconds
    have passed; a Failure naming @what after that."""
    deadline = time.monotonic() + timeout
    backoff = 0.02
    last = None
    while True:
        try:
            found = probe()
        except Failure:
            raise
        except Exception as error:  # the tree changes under us as windows come and go
            found, last = None, error
        if found:
            return found
        ended = _ended(what)
        if ended:
            raise ended
        if time.monotonic() > deadline:
            raise Failure(f"timed out after {timeout} s waiting for {what}"
                          + (f" (last error: {last})" if last else ""))
        _pause(backoff)
        backoff = min(backoff * 2, 0.2)


def look(what, probe, timeout=WAIT):
    """What @probe returns, even nothing, once it runs without the tree
    changing under it: for a look at a page that may be rebuilding."""
    return wait_for(what, lambda: (probe(),), timeout)[0]


def walk(node, prune=NOT_ENTERED, pages=True):
    """The nodes below @node in document order, not entering, below
    @node, the roles in @prune, nor with @pages false the pages of a
    stack. Each look is a call over the bus, children are asked for one
    at a time: callers stop at the first node they need, and start from
    the page or dialog that holds it."""
    yield node
    stack = [iter(node)]
    while stack:
        n = next(stack[-1], _END)
        if n is _END:
            stack.pop()
            continue
        if n is None:  # a child gone while we looked
            continue
        yield n
        role = n.getRoleName()
        if role in prune or (not pages and role == "panel" and n.name == "GtkStackPage"):
            continue
        stack.append(iter(n))


def find_all(node, role, name=None, prune=NOT_ENTERED, pages=True):
    """Matching nodes in document order."""
    return [n for n in walk(node, prune, pages)
            if n.getRoleName() == role and (name is None or n.name == name)]


def find(node, role, name=None, prune=NOT_ENTERED, pages=True):
    """The first matching node, or None."""
    return next((n for n in walk(node, prune, pages)
                 if n.getRoleName() == role and (name is None or n.name == name)), None)


def button_named(node, label):
    """GTK 4.8 names a labelled button "Save Save", or "_Undo Undo" when it
    has an access key and no accessible label of ours: match the first words."""
    if node.getRoleName() != "push button":
        return False
    name = node.name.replace("_", "")
    return name == label or name.startswith(label + " ")


def find_button(node, label, prune=NOT_ENTERED, pages=True):
    return next((n for n in walk(node, prune, pages) if button_named(n, label)), None)


def find_label(node, test, prune=NOT_ENTERED, pages=True):
    """The first label whose name passes @test."""
    return next((n for n in walk(node, prune, pages)
                 if n.getRoleName() == "label" and test(n.name)), None)


def shown_label(node, text):
    """The label saying @text that is on screen: a view switcher keeps a
    second, hidden set of its buttons' labels."""
    def shown(n):
        box = n.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        return has_state(n, pyatspi.STATE_VISIBLE) and box.width > 0 and box.height > 0
    return next((n for n in walk(node) if n.getRoleName() == "label" and n.name == text
                 and shown(n)), None)


def row_texts(row):
    """What each cell of a list's row says."""
    return [" ".join(n.name for n in walk(cell) if n.getRoleName() == "label") for cell in row]


def table_rows(page, title, limit=None):
    """The rows the list called @title shows, each as its cells' texts;
    only the first @limit, if given."""
    table = find(page, "tree table", title)
    return [row_texts(row) for row in itertools.islice(find(table, "list"), limit)]


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def enabled(node):
    return has_state(node, pyatspi.STATE_SENSITIVE)


def gone(node):
    """Whether a node's widget has been destroyed, as a page's controls are
    when it rebuilds after a change."""
    try:
        return node.getState().contains(pyatspi.STATE_DEFUNCT) or not node.name
    except Exception:
        return True


def press(node):
    """Presses a control through its Action interface, as assistive
    technology would. A menu button's action is on the button inside it."""
    action = node.queryAction()
    if action.nActions == 0:
        inner = next(n for n in walk(node) if n is not node and n.getRoleName() == "push button")
        return press(inner)
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return
    action.doAction(0)


def press_ready(what, probe, timeout=WAIT):
    """Presses the control @probe finds once it takes presses: a button
    still insensitive would ignore its action."""
    press(wait_for(what, lambda: (lambda node: node if enabled(node) else None)(probe()),
                   timeout))


def set_text(node, text):
    node.queryEditableText().setTextContents(text)


def text_of(node):
    text = node.queryText()
    return text.getText(0, text.characterCount)


def state_of(combo):
    """The choice a drop-down shows: a row's title, which names it, is
    not a choice."""
    shown = [label.name for label in find_all(combo, "label")
             if label.name not in ("(None)", combo.name)]
    return shown[0] if shown else None


class Session:
    """One application on its own copy of the demo portfolio, in a folder
    of its own. Use as a context manager: on a Failure it takes a
    screenshot and lists the buttons on screen, and it always ends the
    application."""

    def __init__(self, name):
        if len(sys.argv) != 3:
            sys.exit(f"usage: {sys.argv[0]} COMMISSIONER OUTPUT_DIR")
        self.binary, self.output = sys.argv[1], sys.argv[2]
        self.name = name
        self.work = tempfile.mkdtemp(prefix=f"commissioner-ui-{name}-")
        self.portfolio = os.path.join(self.work, "demo.commissioner")
        self.env = dict(os.environ, XDG_DATA_HOME=os.path.join(self.work, "data"),
                        XDG_CONFIG_HOME=os.path.join(self.work, "config"),
                        XDG_CACHE_HOME=os.path.join(self.work, "cache"),
                        HOME=self.work, GSETTINGS_BACKEND="memory", GTK_A11Y="atspi",
                        GSK_RENDERER="cairo")
        # Nothing blinks or slides, so that a still screen is a drawn one.
        settings = os.path.join(self.work, "config", "gtk-4.0")
        os.makedirs(settings)
        with open(os.path.join(settings, "settings.ini"), "w", encoding="utf-8") as out:
            out.write("[Settings]\ngtk-enable-animations=false\ngtk-cursor-blink=false\n")
        self.process = None
        self.app = None
        self.window = None
        self.stack = None
        self.started = time.monotonic()
        subprocess.run([self.binary, "--create-demo", self.portfolio, "--today", TODAY],
                       env=self.env, check=True, stdout=subprocess.DEVNULL)

    # ---- the application ------------------------------------------------

    def launch(self, *extra, title=None, files=None):
        """Starts the application on the portfolio, or on @files as a file
        manager would pass them, and waits for its window called @title,
        or its main window; returns that window."""
        self.stop()
        self.window = self.stack = None
        global _application
        opening = ["--portfolio", self.portfolio] if files is None else files
        self.process = _application = subprocess.Popen(
            [self.binary, "--today", TODAY, *extra, *opening], env=self.env)
        desktop = pyatspi.Registry.getDesktop(0)
        # By its process: one that has just ended may still be listed.
        self.app = wait_for(
            "the application on the accessibility bus", lambda: self.alive() and next(
                a for a in desktop if a is not None and a.get_process_id() == self.process.pid))
        frame = wait_for(f"the window {title or 'of the portfolio'}", lambda: next(
            w for w in self.app if w is not None and w.getRoleName() == "frame"
            and (title is None or w.name == title)))
        if title is None:
            self.window = frame
        return frame

    def alive(self):
        if self.process is None or self.process.poll() is not None:
            code = None if self.process is None else self.process.returncode
            raise Failure(f"the application is not running (exit status {code})")
        return True

    def stop(self):
        """Ends the application, and fails if it had already ended itself."""
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.poll() is not None:
            raise Failure(f"the application ended by itself with status {process.returncode}")
        process.terminate()
        process.wait(timeout=10)

    def frame(self, title):
        """The application's window called @title."""
        return wait_for(f"the window {title!r}", lambda: next(
            w for w in self.app if w is not None and w.name == title))

    def frame_closed(self, title):
        wait_for(f"the window {title!r} to close", lambda: self.alive() and not any(
            w is not None and w.name == title for w in self.app))

    def in_dialogs(self, find_in, *args):
        """Looks in the application's windows other than the main one: a
        dialog's controls are found there at once, where a walk of the
        whole tree may not end in time."""
        for top in self.app:
            if top is not None and top.name != self.window.name:
                found = find_in(top, *args)
                if found:
                    return found
        return None

    # ---- the keyboard and the pointer ------------------------------------

    def _xdotool(self, window, *command):
        """Runs an xdotool command on the window called @window, or the main
        one, after giving it the keyboard: there is no window manager."""
        title = window or self.window.name
        pattern = "^" + re.sub(r"([][.^$*+?(){}|\\])", r"\\\1", title) + "$"
        # Keys go on their own, once, to the window that has the keyboard, as
        # the keyboard sends them. Chained to the search they would be sent
        # to that window itself, and a key that closes it (Ctrl+W) leaves
        # the rest undelivered and the command failed, so it would be tried
        # again and close the next window too.
        keys = command[:1] in (("key",), ("type",))
        # A window the tree shows may not be on the display yet: the search
        # then finds nothing, nothing else runs, and it is tried again.
        wait_for(f"the window {title!r} on the display", lambda: subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", pattern,
             "windowfocus", "--sync", *([] if keys else command)], timeout=10).returncode == 0)
        if keys:
            subprocess.run(["xdotool", *command], timeout=10, check=True)

    def key(self, keys, window=None):
        """Presses keys in turn, such as "alt+5" or "Down Return", in a window."""
        self._xdotool(window, "key", "--clearmodifiers", *keys.split())

    def type_text(self, text, window=None):
        self._xdotool(window, "type", "--delay", "10", text)

    def click(self, node):
        """Clicks the middle of a control with the pointer."""
        box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        subprocess.run(["xdotool", "mousemove", "--sync", str(box.x + box.width // 2),
                        str(box.y + box.height // 2), "click", "1"], check=True)

    def focus(self, field, window=None):
        """Puts the keyboard in a field with a click, as a user would."""
        self._xdotool(window)
        self.click(field)

    def type_into(self, field, text, window=None):
        """Types @text into a text field with the keyboard, as a user
        would, and waits until the field holds it."""
        self.focus(field, window)
        self.type_text(text, window)
        wait_for(f"{text!r} in the field {field.name!r}", lambda: text_of(field) == text)

    def choose(self, combo, steps_down, window=None):
        """Opens a drop-down, with its button or, for a row, a click, and
        picks an entry with the keyboard once its list shows. The page may
        rebuild the drop-down as it saves the choice: callers wait on what
        the choice changes."""
        self.open_choices(combo, window)
        self.key(" ".join(["Down"] * steps_down + ["Return"]), window)

    def open_choices(self, combo, window=None):
        """Opens a drop-down's list, and waits until it holds the keyboard."""
        name = combo.name
        button = next((c for c in walk(combo) if c.getRoleName() == "push button"), None)
        # A press or click on a page still sliding into view can miss: while
        # no list has opened, open it again.
        for attempt in range(3):
            if button:
                press(button)
            else:
                self.focus(combo, window)
            try:
                # Keys reach the list once one of its choices holds the keyboard.
                wait_for(f"the choices of {name!r}", lambda: next(
                    n for n in walk(self.popover(combo)) if n.getRoleName() == "list item"
                    and has_state(n, pyatspi.STATE_FOCUSED)), timeout=WAIT / 3)
                break
            except Failure:
                if attempt == 2 or self.popover(combo) is not None:
                    raise

    @staticmethod
    def popover(combo):
        return next((n for n in walk(combo, prune=NOT_ENTERED + ("list",))
                     if n.getRoleName() == "filler" and n.name == "GtkPopover"), None)

    # ---- the window -----------------------------------------------------

    def _find_sections(self):
        """The stack of the window's pages and the sidebar that picks them,
        found once: the pages follow the sidebar's order, and after them
        come the pages of one service, decommission or EIA."""
        overview = wait_for("the overview page", lambda: next(
            n for n in walk(self.window) if n.getRoleName() == "filler"
            and n.name == "CmOverviewPage"))
        self.stack = overview.parent.parent
        self.sidebar = wait_for("the sidebar", lambda: next(
            n for n in walk(self.frame_around_pages(), pages=False) if n.getRoleName() == "list"
            and n.name == "Portfolio sections"))
        self.sections = [row.name for row in self.sidebar]

    def frame_around_pages(self):
        """What the window shows around its pages: the sidebar and the
        header bars, with their menus. Walk it with pages false."""
        if self.stack is None:
            self._find_sections()
        return self.stack.parent.parent

    def page(self, name):
        """The page of the sidebar's section @name, or the page of one
        record called @name ("CmServicePage"): a search that starts there
        walks no other page."""
        if self.stack is None:
            self._find_sections()

        # A section's page is made when first shown, in place of an empty
        # placeholder: an action that shows it may not have made it yet.
        def made():
            if name in TABS:
                section, place = TABS[name]
                return self.tabs(section)[place][0]
            if name in self.sections:
                page = self.stack[self.sections.index(name)][0]
                return page if page.childCount else None
            return next(p[0] for p in self.stack if p[0].name == name)
        return wait_for(f"the page {name}", made)

    def section_marked(self, title):
        """Whether the sidebar marks section @title: it follows a record's
        page to the section that holds it, so this tells which page is
        shown where no state of the pages' own says so."""
        if self.stack is None:
            self._find_sections()
        return has_state(self.sidebar[self.sections.index(title)], pyatspi.STATE_SELECTED)

    def tabs(self, section):
        """The stack of a section's tabs."""
        holder = self.stack[self.sections.index(section)][0]
        return next(child for child in holder if child.getRoleName() != "page tab list")

    def show_section(self, title):
        """Picks a sidebar section with its Alt+number shortcut, as a user
        would, reading the number from the sidebar's order; sections past
        the ninth are chosen in the sidebar. Returns its page, which the
        window makes when the section is first shown."""
        if self.stack is None:
            self._find_sections()
        name = title
        tab = None
        if title in TABS:
            title, tab = TABS[title]
        index = self.sections.index(title)
        if index < 9:
            self.key(f"alt+{index + 1}")
        else:
            self.sidebar.querySelection().selectChild(index)
        wait_for(f"the {title} section chosen",
                 lambda: has_state(self.sidebar[index], pyatspi.STATE_SELECTED))
        if tab is not None:
            button = wait_for(f"the tabs of {title}", lambda: self.stack[index][0][0][tab])

            def chosen():
                return (has_state(button, pyatspi.STATE_CHECKED)
                        or has_state(button, pyatspi.STATE_SELECTED))
            # A press on the tab shown already would take the keyboard from the page.
            if not chosen():
                press(button)
            wait_for(f"tab {tab} of {title} chosen", chosen)
        return self.page(name)

    def back_shown(self):
        """Whether the header bar offers Back, as it does on a record's page
        alone: the way to tell that page shown, as GTK 4.8 tells no page of
        a stack shown from one hidden."""
        return any(button_named(n, "Back") and has_state(n, pyatspi.STATE_VISIBLE)
                   for n in walk(self.frame_around_pages(), pages=False))

    def toast(self, what, test):
        """The text of the toast that passes @test: toasts show over the
        pages, so the pages are not walked."""
        return wait_for(what, lambda: find_label(self.window, test, pages=False).name)

    def search(self, page, title, text):
        """Types into a records page's search field and waits until its
        list shows only rows that match, the first of them chosen: the
        page's buttons then act on it."""
        self.type_search(page, title, text)
        return self.wait_for_matches(page, title, text)

    def type_search(self, page, title, text):
        set_text(wait_for(f"the search of {title}", lambda: find(page, "entry", f"Search {title}")),
                 text)

    def wait_for_matches(self, page, title, text, timeout=WAIT):
        """The rows of a searched list once it shows only rows that match
        @text, the first of them chosen; a Failure after @timeout seconds."""
        def matching():
            rows = find(find(page, "tree table", title), "list")
            if rows.childCount == 0 or not has_state(rows[0], pyatspi.STATE_SELECTED):
                return None
            texts = []
            for row in rows:  # until the first that does not match
                texts.append(row_texts(row))
                if text.casefold() not in " ".join(texts[-1]).casefold():
                    return None
            return texts
        return wait_for(f"{title} matching {text!r}, the first chosen", matching, timeout)

    # ---- the file -------------------------------------------------------

    def sql(self, query, *params):
        """One value, read with Python's own sqlite3 on a read-only
        connection, as another program would read the file."""
        rows = self.rows(query, *params)
        return rows[0][0] if rows else None

    def rows(self, query, *params):
        with contextlib.closing(sqlite3.connect(f"file:{self.portfolio}?mode=ro", uri=True,
                                                timeout=5)) as db:
            return db.execute(query, params).fetchall()

    def verify_audit(self):
        verify = subprocess.run([self.binary, "--verify-audit", "--portfolio", self.portfolio],
                                capture_output=True, text=True, env=self.env)
        if verify.returncode != 0:
            raise Failure("the audit trail does not verify: " + verify.stderr)
        return verify.stdout.strip()

    # ---- reporting ------------------------------------------------------

    def screenshot(self, name):
        """Saves the screen once it holds still: the accessibility tree can
        be ahead of the pixels, and a window may still be drawing."""
        def capture():
            return subprocess.run(["import", "-window", "root", "rgb:-"],
                                  capture_output=True).stdout
        shown = [capture()]

        def still():
            shown.append(capture())
            return shown[-1] == shown[-2]
        try:
            wait_for("the screen to hold still", still, timeout=5)
        except Failure as moving:
            self.log(f"{moving}; saving the screen as it is")
        subprocess.run(["import", "-window", "root",
                        os.path.join(self.output, f"ui-{self.name}-{name}.png")], check=False)

    def list_buttons(self):
        """Says which buttons the dialogs, and the main window outside its
        pages, offer: what a failed search could have found instead."""
        for top in self.app:
            pages = self.window is None or top.name != self.window.name
            for node in walk(top, pages=pages):
                if node.getRoleName() == "push button":
                    print(f"  a button in {top.name!r}: {node.name!r}")

    def log(self, message):
        print(f"[{time.monotonic() - self.started:5.1f} s] {message}", flush=True)

    def __enter__(self):
        return self

    def __exit__(self, kind, error, trace):
        if error is not None:
            if isinstance(error, Failure):
                print(f"FAIL: {error}", flush=True)
            else:
                print("FAIL:", "".join(traceback.format_exception(kind, error, trace)), flush=True)
            self.screenshot("failure")
            with contextlib.suppress(Exception):
                self.list_buttons()
        try:
            self.stop()
        except Failure as stopped:
            if error is None:
                print(f"FAIL: {stopped}", flush=True)
                error = stopped
        if error is not None:
            print(f"  the portfolio and files are kept in {self.work}")
            sys.exit(1)
        shutil.rmtree(self.work, ignore_errors=True)
        self.log(f"PASS: {self.name}")
        return False

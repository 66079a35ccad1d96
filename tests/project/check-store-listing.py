#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""Checks the store listing where Debian 12's appstreamcli does not: one
application id across the metainfo, desktop file, icons and settings, the
project's links and developer id, branding colours, screenshots that exist
in the repository, and release notes for the version being built, which
the About window shows.

    check-store-listing.py METAINFO DESKTOP APP_ID VERSION SOURCE_ROOT
"""
import configparser
import os
import re
import sys
import xml.etree.ElementTree as ET

from tap import check, finish

HOME = "https://github.com/commissionerapp/commissioner"
RAW = "https://raw.githubusercontent.com/commissionerapp/commissioner/main/"
FORMER_ID = "org.commissioner.Commissioner"


def untranslated(elements):
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    return [e for e in elements if lang not in e.attrib]


def check_identity(root, desktop, app_id, source_root):
    check("the metainfo's id is the application id", root.findtext("id") == app_id,
          root.findtext("id"))
    check("the launchable is the desktop file",
          root.findtext("launchable[@type='desktop-id']") == app_id + ".desktop")
    check("the former id is replaced", FORMER_ID in [e.text for e in root.findall("replaces/id")])
    entry = desktop["Desktop Entry"]
    check("the desktop file's icon is the application id", entry.get("Icon") == app_id,
          entry.get("Icon"))
    check("the desktop file is D-Bus activatable", entry.get("DBusActivatable") == "true")
    icons = os.path.join(source_root, "data", "icons", "hicolor")
    for icon in ("scalable/apps/%s.svg", "symbolic/apps/%s-symbolic.svg"):
        path = os.path.join(icons, icon % app_id)
        check(f"the icon {icon % app_id} exists", os.path.exists(path))
    schema = ET.parse(os.path.join(source_root, "data", app_id + ".gschema.xml")).getroot()
    ids = [(s.get("id"), s.get("path")) for s in schema.findall("schema")]
    check("the settings schema is the application id, at the former path",
          (app_id, "/org/commissioner/Commissioner/") in ids, ids)


def check_links(root):
    urls = {u.get("type"): u.text for u in root.findall("url")}
    check("the homepage is the project's", urls.get("homepage") == HOME, urls.get("homepage"))
    check("the bug tracker is the project's issues", urls.get("bugtracker") == HOME + "/issues",
          urls.get("bugtracker"))
    for kind in ("vcs-browser", "contribute"):
        check(f"the {kind} link is the project's", (urls.get(kind) or "").startswith(HOME),
              urls.get(kind))
    check("no link is a placeholder", not any("example" in (u or "") for u in urls.values()),
          urls)
    developer = root.find("developer")
    check("the developer has an id on the project's namespace",
          developer is not None and developer.get("id") == "io.github.commissionerapp")
    check("the developer has a name",
          developer is not None and bool((developer.findtext("name") or "").strip()))


def luminance(colour):
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def check_branding(root):
    colours = {c.get("scheme_preference"): c.text for c in root.findall("branding/color")
               if c.get("type") == "primary"}
    valid = all(re.fullmatch(r"#[0-9a-fA-F]{6}", colours.get(s) or "") for s in ("light", "dark"))
    check("branding has a light and a dark primary colour", valid, colours)
    if valid:
        check("the light colour is lighter than the dark one",
              luminance(colours["light"]) > luminance(colours["dark"]) + 0.3, colours)


def check_screenshots(root, source_root):
    shots = root.findall("screenshots/screenshot")
    check("there are screenshots", len(shots) > 0)
    check("exactly one screenshot is the default",
          [s.get("type") for s in shots].count("default") == 1)
    for shot in shots:
        url = shot.findtext("image") or ""
        relative = url[len(RAW):] if url.startswith(RAW) else None
        check(f"{url} is in the repository's main branch",
              relative is not None and os.path.exists(os.path.join(source_root, relative)))
        check(f"{url} has a caption", bool(untranslated(shot.findall("caption"))))


def check_releases(root, version):
    releases = root.findall("releases/release")
    versions = [r.get("version") for r in releases]
    check(f"version {version} has a release entry", version in versions, versions)
    check("the newest release comes first", versions[:1] == [version], versions)
    for release in releases:
        date = release.get("date") or ""
        check(f"release {release.get('version')} is dated",
              re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) is not None, date)
        notes = untranslated(release.findall("description/*"))
        check(f"release {release.get('version')} has notes", len(notes) > 0)


def main():
    metainfo, desktop_path, app_id, version, source_root = sys.argv[1:6]
    root = ET.parse(metainfo).getroot()
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str
    desktop.read(desktop_path, encoding="utf-8")

    check_identity(root, desktop, app_id, source_root)
    check_links(root)
    check_branding(root)
    check_screenshots(root, source_root)
    check_releases(root, version)
    check("there is a content rating", root.find("content_rating") is not None)
    return finish()


if __name__ == "__main__":
    sys.exit(main())

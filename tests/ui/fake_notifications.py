#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# SPDX-FileCopyrightText: 2026 The Commissioner developers
"""A stand-in desktop notification server for window tests: it owns
org.freedesktop.Notifications on the session bus, writes each call to a
log of JSON lines, and on SIGUSR1 reports the newest notification's
default action as invoked, as clicking it would.

    fake_notifications.py LOG
"""
import json
import signal
import sys

from gi.repository import Gio, GLib

INTERFACE = """
<node>
  <interface name="org.freedesktop.Notifications">
    <method name="Notify">
      <arg type="s" direction="in"/><arg type="u" direction="in"/>
      <arg type="s" direction="in"/><arg type="s" direction="in"/>
      <arg type="s" direction="in"/><arg type="as" direction="in"/>
      <arg type="a{sv}" direction="in"/><arg type="i" direction="in"/>
      <arg type="u" direction="out"/>
    </method>
    <method name="CloseNotification"><arg type="u" direction="in"/></method>
    <method name="GetCapabilities"><arg type="as" direction="out"/></method>
    <method name="GetServerInformation">
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
      <arg type="s" direction="out"/><arg type="s" direction="out"/>
    </method>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
  </interface>
</node>
"""
PATH = "/org/freedesktop/Notifications"
NAME = "org.freedesktop.Notifications"


class Server:
    def __init__(self, log):
        self.log = log
        self.last_id = 0
        self.connection = None

    def record(self, call):
        with open(self.log, "a", encoding="utf-8") as out:
            out.write(json.dumps(call) + "\n")

    def method_call(self, connection, sender, path, interface, method, params, invocation):
        args = params.unpack()
        if method == "Notify":
            app, replaces, icon, summary, body, actions = args[:6]
            self.last_id = replaces or self.last_id + 1
            self.record({"method": "Notify", "id": self.last_id, "app": app,
                         "summary": summary, "body": body, "actions": actions})
            invocation.return_value(GLib.Variant("(u)", (self.last_id,)))
        elif method == "CloseNotification":
            self.record({"method": "CloseNotification", "id": args[0]})
            invocation.return_value(None)
        elif method == "GetCapabilities":
            invocation.return_value(GLib.Variant("(as)", (["actions", "body"],)))
        else:
            invocation.return_value(GLib.Variant("(ssss)", ("fake", "Commissioner tests", "1",
                                                            "1.2")))

    def invoke_default(self):
        self.connection.emit_signal(None, PATH, NAME, "ActionInvoked",
                                    GLib.Variant("(us)", (self.last_id, "default")))
        self.record({"method": "ActionInvoked", "id": self.last_id})
        return GLib.SOURCE_CONTINUE


def main():
    server = Server(sys.argv[1])
    loop = GLib.MainLoop()
    node = Gio.DBusNodeInfo.new_for_xml(INTERFACE)

    def acquired(connection, name):
        server.record({"method": "owned"})

    def bus_acquired(connection, name):
        server.connection = connection
        connection.register_object(PATH, node.interfaces[0], server.method_call, None, None)

    Gio.bus_own_name(Gio.BusType.SESSION, NAME, Gio.BusNameOwnerFlags.NONE, bus_acquired,
                     acquired, lambda *a: loop.quit())
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGUSR1, server.invoke_default)
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, lambda: loop.quit() or False)
    loop.run()


if __name__ == "__main__":
    main()

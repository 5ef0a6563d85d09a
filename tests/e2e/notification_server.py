# notification_server.py — a small desktop notification server for the
# tests: it owns org.freedesktop.Notifications on the session bus, as
# GNOME Shell or any other notification daemon does, writes each Notify
# call as one JSON line to stdout, and emits ActionInvoked or
# NotificationClosed when a line "invoke ID ACTION" or "close ID" comes in
# on stdin (a person clicking the notification, or dismissing it).
#
# GLib sends a GNotification through org.gtk.Notifications when that name
# has an owner, through the portal inside a sandbox (or with
# GTK_USE_PORTAL=1), and otherwise through org.freedesktop.Notifications:
# GLib 2.74 and 2.84 alike. This server owns only the last one, so both
# versions talk to it.
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import sys

import gi

gi.require_version('Gio', '2.0')
from gi.repository import Gio, GLib  # noqa: E402

XML = '''
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
    <signal name="NotificationClosed"><arg type="u"/><arg type="u"/></signal>
    <signal name="ActionInvoked"><arg type="u"/><arg type="s"/></signal>
  </interface>
</node>
'''
PATH = '/org/freedesktop/Notifications'
IFACE = 'org.freedesktop.Notifications'


class Server:
    def __init__(self):
        self.next_id = 1
        self.connection = None
        self.loop = GLib.MainLoop()

    def emit(self, record):
        sys.stdout.write(json.dumps(record) + '\n')
        sys.stdout.flush()

    def on_call(self, connection, sender, path, iface, method, params, invocation):
        if method == 'Notify':
            app_name, replaces, icon, summary, body, actions, hints, timeout = params.unpack()
            nid = replaces or self.next_id
            if not replaces:
                self.next_id += 1
            self.emit({'method': 'Notify', 'id': nid, 'sender': sender, 'summary': summary,
                       'body': body, 'actions': actions,
                       'desktop-entry': hints.get('desktop-entry', '')})
            invocation.return_value(GLib.Variant('(u)', (nid,)))
        elif method == 'CloseNotification':
            self.emit({'method': 'CloseNotification', 'id': params.unpack()[0]})
            invocation.return_value(None)
            self.signal('NotificationClosed', GLib.Variant('(uu)', (params.unpack()[0], 3)))
        elif method == 'GetCapabilities':
            invocation.return_value(GLib.Variant('(as)', (['actions', 'body'],)))
        else:
            invocation.return_value(GLib.Variant('(ssss)', ('tests', 'touchpoint', '1', '1.2')))

    def signal(self, name, params):
        self.connection.emit_signal(None, PATH, IFACE, name, params)

    def on_stdin(self, channel, condition):
        line = channel.readline()
        if not line:
            self.loop.quit()
            return False
        words = line.split()
        if words and words[0] == 'invoke':
            self.signal('ActionInvoked', GLib.Variant('(us)', (int(words[1]), words[2])))
        elif words and words[0] == 'close':
            self.signal('NotificationClosed', GLib.Variant('(uu)', (int(words[1]), 2)))
        return True

    def run(self):
        self.connection = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        info = Gio.DBusNodeInfo.new_for_xml(XML).interfaces[0]
        self.connection.register_object(PATH, info, self.on_call, None, None)
        reply = self.connection.call_sync('org.freedesktop.DBus', '/org/freedesktop/DBus',
                                          'org.freedesktop.DBus', 'RequestName',
                                          GLib.Variant('(su)', (IFACE, 4)),
                                          GLib.VariantType('(u)'), Gio.DBusCallFlags.NONE, -1, None)
        if reply.unpack()[0] != 1:
            sys.exit('org.freedesktop.Notifications already has an owner on this bus')
        self.emit({'method': 'ready'})
        channel = GLib.IOChannel.unix_new(sys.stdin.fileno())
        GLib.io_add_watch(channel, GLib.PRIORITY_DEFAULT, GLib.IOCondition.IN | GLib.IOCondition.HUP,
                          self.on_stdin)
        self.loop.run()


if __name__ == '__main__':
    Server().run()

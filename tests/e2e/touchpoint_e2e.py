# touchpoint_e2e.py — drive the real Touchpoint through the accessibility
# tree, as a screen reader or a person would: find widgets by role and
# name, press them with their actions, read what they show.
#
# Run with /usr/bin/python3 (it has gi and Atspi) on a display with a
# session bus: `make test` runs the e2e suite under Xvfb and dbus-run-session.
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class App:
    """The app started on a database file of its own."""

    def __init__(self, binary, database=None):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix='touchpoint-e2e-')
        self.database = database or os.path.join(self.dir, 'touchpoint.db')
        self.process = None
        self.root = None

    def start(self):
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)
        env.pop('NO_AT_BRIDGE', None)
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        self.process = subprocess.Popen([self.binary, '--database', self.database], env=env)
        self.root = self._find_application()
        return self

    def _find_application(self, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            check(self.process.poll() is None,
                  f'touchpoint exited with status {self.process.returncode} before it appeared')
            desktop = Atspi.get_desktop(0)
            for i in range(desktop.get_child_count()):
                app = desktop.get_child_at_index(i)
                try:
                    if app is not None and app.get_process_id() == self.process.pid:
                        if find_all(app, 'frame'):
                            return app
                except gi.repository.GLib.Error:
                    pass
            time.sleep(0.2)
        raise Failure('touchpoint did not appear on the accessibility bus '
                      '(is there a session bus and at-spi2-core?)')

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        self.root = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def walk(node, depth=0, max_depth=60):
    if node is None or depth > max_depth:
        return
    yield node
    for i in range(node.get_child_count()):
        yield from walk(node.get_child_at_index(i), depth + 1, max_depth)


# GTK's roles reach AT-SPI under names that changed between the stacks:
# GTK 4.8 gives a group (GTK_ACCESSIBLE_ROLE_GROUP: a section, a status
# page) the AT-SPI role "panel" and GTK 4.18 "grouping" (its "panel" is a
# generic box, which has no name); at-spi2-core 2.56 calls a push button
# "button". Tests ask for the role in GTK's terms, with the name a screen
# reader reads, and accept each name the stacks use for it.
ROLES = {
    'button': ('push button', 'button'),
    'group': ('panel', 'grouping'),
}


def role_names(role):
    return ROLES.get(role, (role,))


def find_all(root, role, name=None, showing=None):
    """The nodes below @root (not @root itself) of that role and name."""
    found = []
    roles = role_names(role)
    nodes = walk(root)
    next(nodes, None)
    for node in nodes:
        try:
            if node.get_role_name() not in roles:
                continue
            if name is not None and node.get_name() != name:
                continue
            if showing is not None and is_showing(node) != showing:
                continue
        except gi.repository.GLib.Error:
            continue
        found.append(node)
    return found


def find_all_roles(root, name):
    """The nodes below @root named @name, whatever their role."""
    found = []
    for node in walk(root):
        try:
            if node != root and node.get_name() == name:
                found.append(node)
        except gi.repository.GLib.Error:
            continue
    return found


def find(root, role, name=None, showing=None, timeout=10):
    """The first node of that role and name, waiting for it to appear."""
    deadline = time.monotonic() + timeout
    while True:
        nodes = find_all(root, role, name, showing)
        if nodes:
            return nodes[0]
        if time.monotonic() > deadline:
            state = {True: ' showing', False: ' hidden', None: ''}[showing]
            others = sorted({node.get_role_name() for node in find_all_roles(root, name)})
            hint = f' (roles with that name: {", ".join(others)})' if others and name else ''
            raise Failure(f'no{state} {role} named "{name}" in the accessibility tree{hint}')
        time.sleep(0.2)


def is_showing(node):
    """Whether the node is on screen.

    GTK 4.8 does not set the SHOWING state on most widgets; a widget that
    was never allocated has an empty extent, so that is the test. A widget
    hidden again keeps its old extent: use is_selected() on the tab or
    sidebar row to tell which page is in front."""
    if node.get_state_set().contains(Atspi.StateType.SHOWING):
        return True
    extents = Atspi.Component.get_extents(node, Atspi.CoordType.WINDOW)
    return extents.width > 0 and extents.height > 0


def is_selected(node):
    return node.get_state_set().contains(Atspi.StateType.SELECTED)


def do_action(node, action):
    iface = node.get_action_iface()
    check(iface is not None, f'{node.get_role_name()} "{node.get_name()}" has no actions')
    for i in range(iface.get_n_actions()):
        if iface.get_action_name(i) == action:
            iface.do_action(i)
            return
    raise Failure(f'{node.get_role_name()} "{node.get_name()}" has no action {action}')


def wait_for(predicate, message, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if predicate():
                return
        except gi.repository.GLib.Error:
            pass
        time.sleep(0.1)
    raise Failure(message)


def run(test):
    """Run test(binary) and turn a Failure into a one-line message and exit 1."""
    binary = sys.argv[1]
    try:
        test(binary)
    except Failure as failure:
        print(f'FAIL: {failure}', file=sys.stderr)
        sys.exit(1)
    print('ok')

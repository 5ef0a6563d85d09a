# touchpoint_e2e.py — drive the real Touchpoint through the accessibility
# tree, as a screen reader or a person would: find widgets by role and
# name, press them with their actions, read what they show.
#
# Run with /usr/bin/python3 (it has gi and Atspi) on a display with a
# session bus: `make test` runs the e2e suite under Xvfb and dbus-run-session.
# SPDX-License-Identifier: GPL-3.0-or-later

import ctypes
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402
import gi.repository.GLib  # noqa: E402,F401


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class App:
    """The app started on a database file of its own."""

    def __init__(self, binary, database=None, env=None):
        self.binary = binary
        self.env = env or {}
        self.dir = tempfile.mkdtemp(prefix='touchpoint-e2e-')
        self.database = database or os.path.join(self.dir, 'touchpoint.db')
        self.process = None
        self.root = None

    def start(self):
        wait_for_display()
        env = dict(os.environ)
        env.pop('GTK_A11Y', None)
        env.pop('NO_AT_BRIDGE', None)
        env.setdefault('GSETTINGS_BACKEND', 'memory')
        env.update(self.env)
        for attempt in range(3):
            self.process = subprocess.Popen([self.binary, '--database', self.database], env=env)
            # A server that xvfb-run started a moment ago may still refuse
            # the first connection: the app then exits at once; start again.
            try:
                self.process.wait(1)
            except subprocess.TimeoutExpired:
                break
            if self.process.returncode == 0:
                break
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

    def focus_top_window(self):
        """What a window manager does when a dialog of the app closes."""
        check(self.process.poll() is None,
              f'touchpoint exited with status {self.process.returncode} when a dialog closed')
        focus_top_window(self.process.pid)

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


def wait_for_display(timeout=10):
    """Wait until the X server of $DISPLAY takes connections: xvfb-run can
    start the tests a moment before its server is ready."""
    display = os.environ.get('DISPLAY', '')
    if not display.startswith(':'):
        return
    path = f'/tmp/.X11-unix/X{display[1:].split(".")[0]}'
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            try:
                sock.connect(path)
                return
            except OSError:
                time.sleep(0.1)


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
    # GtkSwitch: GTK 4.8 says "check box", GTK 4.18 "switch".
    'switch': ('check box', 'switch'),
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


def window_named(root, title):
    """The window of the application @root titled @title, or None."""
    for i in range(root.get_child_count()):
        child = root.get_child_at_index(i)
        if child is not None and child.get_name() == title:
            return child
    return None


def wait_window_closed(root, title, count, message):
    """Wait until the window @title, one of the @count windows the
    application showed, has closed.

    While it closes only the count is asked: GTK 4.8 answers a question
    for a window by its place with a crash when that place has just gone
    (its AT-SPI root then reads the path of the closed window, NULL)."""
    wait_for(lambda: root.get_child_count() < count, message)
    check(window_named(root, title) is None, message)


def wait_window(root, title, timeout=10):
    """The window of the application @root titled @title, once it shows
    (a dialog's role is not "frame" in GTK 4.8)."""
    wait_for(lambda: window_named(root, title) is not None, f'no window "{title}"', timeout)
    return window_named(root, title)


def names(root, role):
    """The names of every @role below @root."""
    return [node.get_name() for node in find_all(root, role)]


def labels(root):
    return names(root, 'label')


def button(root, label, timeout=10):
    """The push button named @label; GTK names a button with a mnemonic by
    its label twice, "_Add Tactic Add Tactic"."""
    def matches():
        return [node for node in find_all(root, 'button')
                if node.get_name() == label or node.get_name().endswith(' ' + label)]
    wait_for(matches, f'no button "{label}"', timeout)
    return matches()[0]


def type_into(node, text):
    """Set the text of an entry as a whole (no key events)."""
    check(Atspi.EditableText.set_text_contents(node, text), f'cannot type into "{node.get_name()}"')


def customer_row(section, name):
    """The label of the customer list's row for @name in @section, or None.
    A business without customers shows its empty page instead of the
    list, and GTK 4.18 leaves a hidden list out of the tree."""
    for found in find_all(section, 'list', 'Customers'):
        for text in labels(found):
            if text.startswith(name + ', '):
                return text
    return None


def choose_section(root, sidebar, sections, name):
    """Choose the section @name in the sidebar list @sidebar ("Sales
    Sections"), whose rows are @sections in order."""
    rows = find(root, 'list', sidebar)
    check(Atspi.Selection.select_child(rows, sections.index(name)), f'cannot choose {name}')


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


# The keyboard, as a person presses it: through the X server (XTest), to
# the window with the input focus. Modifiers are latched around the key.
KEYS = {
    'Tab': 0xff09, 'Return': 0xff0d, 'Escape': 0xff1b, 'space': 0x20,
    'Up': 0xff52, 'Down': 0xff54, 'Left': 0xff51, 'Right': 0xff53,
    'Home': 0xff50, 'End': 0xff57,
}
MODIFIERS = {'Shift': 1 << 0, 'Control': 1 << 2, 'Alt': 1 << 3}


def press(combo, pause=0.3):
    """Press a key: 'Tab', 'Control+t', 'Shift+Tab', 'Alt+o'."""
    *mods, key = combo.split('+')
    mask = 0
    for mod in mods:
        mask |= MODIFIERS[mod]
    keysym = KEYS[key] if key in KEYS else ord(key)
    if 'Alt' in mods:
        # A latched Alt does not make a mnemonic: hold the key down.
        Atspi.generate_keyboard_event(0xffe9, None, Atspi.KeySynthType.PRESS | Atspi.KeySynthType.SYM)
        time.sleep(0.1)
        mask &= ~MODIFIERS['Alt']
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.LOCKMODIFIERS)
    Atspi.generate_keyboard_event(keysym, None, Atspi.KeySynthType.PRESSRELEASE | Atspi.KeySynthType.SYM)
    if mask:
        Atspi.generate_keyboard_event(mask, None, Atspi.KeySynthType.UNLOCKMODIFIERS)
    if 'Alt' in mods:
        Atspi.generate_keyboard_event(0xffe9, None, Atspi.KeySynthType.RELEASE | Atspi.KeySynthType.SYM)
    time.sleep(pause)


def type_text(text, pause=0.3):
    """Type text with the keyboard, into whatever has the focus."""
    Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
    time.sleep(pause)


def text_of(node):
    # GTK 4.8 does not read -1 as "to the end".
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def has_focus(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.FOCUSED)
    except gi.repository.GLib.Error:
        return False


class FocusTracker:
    """Follows the focus as a screen reader does: through the accessibility
    bus's focus events (much faster than searching the tree), and from the
    tree when the node of the last event is gone or has lost the focus
    without an event saying where it went (GTK 4.18 drops and makes again
    the objects of what leaves the screen or is built anew)."""

    def __init__(self, root):
        self.root = root
        self.node = None
        self.listener = Atspi.EventListener.new(self._on_event)
        self.listener.register('object:state-changed:focused')

    def _on_event(self, event):
        if event.detail1:
            self.node = event.source

    def current(self):
        context = gi.repository.GLib.MainContext.default()
        while context.iteration(False):
            pass
        if self.node is None or not has_focus(self.node):
            self.node = focused(self.root)
        return self.node

    def wait(self, predicate, message, timeout=10):
        """Wait until predicate(focused node) holds."""
        def holds():
            node = self.current()
            return node is not None and predicate(node)
        wait_for(holds, message, timeout)
        return self.node

    def describe(self):
        node = self.current()
        if node is None:
            return 'nothing'
        try:
            return f'{node.get_role_name()} "{node.get_name()}"'
        except gi.repository.GLib.Error:
            return 'a node that is gone'


def focused(root):
    """The node with the keyboard focus under @root, or None."""
    for node in walk(root):
        if has_focus(node):
            return node
    return None


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [('x', ctypes.c_int), ('y', ctypes.c_int),
                ('width', ctypes.c_int), ('height', ctypes.c_int),
                ('border_width', ctypes.c_int), ('depth', ctypes.c_int),
                ('visual', ctypes.c_void_p), ('root', ctypes.c_ulong),
                ('class_', ctypes.c_int), ('bit_gravity', ctypes.c_int),
                ('win_gravity', ctypes.c_int), ('backing_store', ctypes.c_int),
                ('backing_planes', ctypes.c_ulong), ('backing_pixel', ctypes.c_ulong),
                ('save_under', ctypes.c_int), ('colormap', ctypes.c_ulong),
                ('map_installed', ctypes.c_int), ('map_state', ctypes.c_int),
                ('all_event_masks', ctypes.c_long), ('your_event_mask', ctypes.c_long),
                ('do_not_propagate_mask', ctypes.c_long), ('override_redirect', ctypes.c_int),
                ('screen', ctypes.c_void_p)]


def focus_top_window(pid):
    """Give the keyboard focus to the top window of process @pid, as a window
    manager does when a dialog above it closes.

    The tests run on a bare X server: there, the focus of a closed dialog
    falls to the root window, keys still reach the window under the pointer,
    but GTK 4.18 takes its window for inactive and reports no focus to
    screen readers (GTK 4.8 did)."""
    xlib = ctypes.CDLL('libX11.so.6')
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XDefaultRootWindow.restype = ctypes.c_ulong
    xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    xlib.XInternAtom.restype = ctypes.c_ulong
    xlib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
    xlib.XQueryTree.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
                                ctypes.POINTER(ctypes.c_ulong),
                                ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
                                ctypes.POINTER(ctypes.c_uint)]
    xlib.XGetWindowAttributes.argtypes = [ctypes.c_void_p, ctypes.c_ulong,
                                          ctypes.POINTER(_XWindowAttributes)]
    xlib.XGetWindowProperty.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long,
                                        ctypes.c_long, ctypes.c_int, ctypes.c_ulong,
                                        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_int),
                                        ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_ulong),
                                        ctypes.POINTER(ctypes.c_void_p)]
    xlib.XSetInputFocus.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_ulong]
    xlib.XFree.argtypes = [ctypes.c_void_p]
    xlib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]

    display = xlib.XOpenDisplay(None)
    check(display, 'cannot open the X display')
    pid_atom = xlib.XInternAtom(display, b'_NET_WM_PID', 0)

    def pid_of(window):
        kind, format_ = ctypes.c_ulong(), ctypes.c_int()
        n_items, remaining = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.c_void_p()
        if xlib.XGetWindowProperty(display, window, pid_atom, 0, 1, 0, 6,  # XA_CARDINAL
                                   ctypes.byref(kind), ctypes.byref(format_), ctypes.byref(n_items),
                                   ctypes.byref(remaining), ctypes.byref(data)) != 0:
            return None
        window_pid = None
        if data.value:
            if n_items.value == 1:
                window_pid = ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0]
            xlib.XFree(data)
        return window_pid

    def top_window():
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        children = ctypes.POINTER(ctypes.c_ulong)()
        n_children = ctypes.c_uint()
        xlib.XQueryTree(display, xlib.XDefaultRootWindow(display), ctypes.byref(root),
                        ctypes.byref(parent), ctypes.byref(children), ctypes.byref(n_children))
        windows = [children[i] for i in range(n_children.value)]
        if children:
            xlib.XFree(children)
        # XQueryTree lists the children bottom to top.
        for window in reversed(windows):
            attributes = _XWindowAttributes()
            if not xlib.XGetWindowAttributes(display, window, ctypes.byref(attributes)):
                continue
            # Not IsViewable, or a popup (a popover, a tooltip).
            if attributes.map_state != 2 or attributes.override_redirect:
                continue
            if pid_of(window) == pid:
                return window
        return None

    try:
        # The window that closed may still be on the screen a moment, and
        # the one below may take a moment to be shown again under load.
        deadline = time.monotonic() + 15
        while True:
            window = top_window()
            if window is not None or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        check(window is not None, f'process {pid} shows no window')
        xlib.XSetInputFocus(display, window, 2, 0)  # RevertToParent, CurrentTime
        xlib.XSync(display, 0)
    finally:
        xlib.XCloseDisplay(display)


def run(test):
    """Run test(binary) and turn a Failure into a one-line message and exit 1."""
    binary = sys.argv[1]
    try:
        test(binary)
    except Failure as failure:
        print(f'FAIL: {failure}', file=sys.stderr)
        sys.exit(1)
    print('ok')

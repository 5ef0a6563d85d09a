# A new owner who uses only the keyboard: from the first start (an empty
# database) to a customer with a logged touch, an order and a worksheet
# saved as PDF, with no pointer action at all. Keys go through the X
# server as a person's would; what has the focus, and what the app shows,
# is read through the accessibility tree, as a screen reader would.
# SPDX-License-Identifier: GPL-3.0-or-later

import os

import gi

from touchpoint_e2e import (App, FocusTracker, check, find, find_all, is_selected, labels, press,  # noqa: E402
                            role_names, run, text_of, type_text, wait_for, wait_window_closed,
                            window_named)


def role_and_name(node):
    """The role in GTK's terms where the stacks differ ("button"), and the
    name; (None, None) for a node that is gone (GTK 4.18 drops the objects
    of what leaves the screen)."""
    try:
        role = node.get_role_name()
        name = node.get_name()
    except gi.repository.GLib.Error:
        return None, None
    if role in role_names('button'):
        role = 'button'
    return role, name


def wait_window(root, title, role):
    wait_for(lambda: window_named(root, title) is not None, f'no window "{title}" opened')
    window = window_named(root, title)
    check(window.get_role_name() == role,
          f'"{title}" is a {window.get_role_name()} to a screen reader, not a {role}')
    return window


def wait_closed(app, root, title, count, message):
    """Wait until the window @title, one of @count, is gone; the focus goes
    back to the window below it, as a window manager would give it."""
    wait_window_closed(root, title, count, message)
    app.focus_top_window()


def test(binary):
    app = App(binary)
    pdf = os.path.join(app.dir, 'brand.pdf')
    try:
        root = app.start().root
        focus = FocusTracker(root)

        # Ctrl+2: the Sales tab.
        press('Control+2')
        wait_for(lambda: is_selected(find(root, 'page tab', 'Sales')), 'Ctrl+2 did not show Sales')

        # Tab round to the sections' sidebar; one more Tab goes on into
        # Customers (the sidebar is one Tab stop), and the section stays.
        for _ in range(12):
            press('Tab')
            node = focus.current()
            if node is not None and role_and_name(node) == ('list item', 'Customers'):
                break
        check(role_and_name(focus.current()) == ('list item', 'Customers'),
              f'Tab never reached the Customers row of the sidebar, it is on {focus.describe()}')
        press('Tab')
        focus.wait(lambda node: role_and_name(node) == ('entry', 'Search Customers'),
                   f'Tab from the sidebar went to {focus.describe()}, not to the customer search')

        # Down in the sidebar changes the section; Up comes back.
        press('Shift+Tab')
        focus.wait(lambda node: role_and_name(node) == ('list item', 'Customers'),
                   f'Shift+Tab went to {focus.describe()}, not back to the sidebar')
        press('Down')
        focus.wait(lambda node: role_and_name(node) == ('list item', 'Follow-Ups'),
                   f'Down in the sidebar went to {focus.describe()}')
        press('Up')
        focus.wait(lambda node: role_and_name(node) == ('list item', 'Customers'),
                   f'Up in the sidebar went to {focus.describe()}')
        press('Tab')

        # Ctrl+N: a new customer, the name ready to be typed over.
        press('Control+n')
        detail = find(root, 'group', 'Customer')
        # (GTK 4.8 does not report the focus of an entry row's text: what
        # the typing changes shows where it went.)
        name = find(detail, 'text', 'Name')
        wait_for(lambda: text_of(name) == 'New Customer', 'Ctrl+N did not add a customer')
        type_text('Jo Walker')
        wait_for(lambda: text_of(name) == 'Jo Walker', f'the name did not have the focus, {focus.describe()} had')
        wait_for(lambda: 'Jo Walker' in ''.join(labels(find(root, 'list', 'Customers'))),
                 'the typed name did not reach the customer list')

        # Ctrl+T: Log Touch for Jo, a dialog, the note ready; Enter logs.
        press('Control+t')
        dialog = wait_window(root, 'Log Touch', 'dialog')
        windows = root.get_child_count()
        note = find(dialog, 'text', 'Note (optional)')
        type_text('Coffee at the market')
        wait_for(lambda: text_of(note) == 'Coffee at the market', 'Log Touch did not open on the note')
        press('Return')
        wait_closed(app, root, 'Log Touch', windows, 'Enter did not log the touch')
        wait_for(lambda: '1 touch — under 5–12' in labels(detail), 'the touch is not in the detail')
        wait_for(lambda: 'Coffee at the market' in ''.join(labels(detail)), 'the note is not in the timeline')

        # Tab on to Add Order, Space: an order, the item ready; Tab to the amount.
        # Each stop on the way is read by its name (not a cell around a
        # control, not a type name).
        for _ in range(30):
            press('Tab', pause=0.2)
            node = focus.current()
            role, name = role_and_name(node) if node is not None else (None, None)
            check(role is None or (name and not name.startswith(('Gtk', 'Adw'))),
                  f'Tab stopped on a {role} named "{name}"')
            if (role, name) == ('button', 'Add Order'):
                break
        check(role_and_name(focus.current()) == ('button', 'Add Order'),
              f'Tab never reached Add Order, it is on {focus.describe()}')
        press('space')
        dialog = wait_window(root, 'Add Order', 'dialog')
        windows = root.get_child_count()
        item = find(dialog, 'text', 'Item')
        amount = find(dialog, 'text', 'Amount')
        type_text('Gift box')
        wait_for(lambda: text_of(item) == 'Gift box', 'Add Order did not open on the item')
        press('Tab')
        type_text('24,90')
        wait_for(lambda: text_of(amount) == '24,90', 'Tab from the item did not go to the amount')
        press('Return')
        wait_closed(app, root, 'Add Order', windows, 'Enter did not add the order')
        wait_for(lambda: 'Gift box' in labels(detail), 'the order is not in the detail')

        # Ctrl+P, Tab to Export as PDF…, Space, a file name, Enter: the worksheet.
        press('Control+p')
        dialog = wait_window(root, 'Print Worksheets', 'dialog')
        windows = root.get_child_count()
        for _ in range(15):
            press('Tab', pause=0.2)
            node = focus.current()
            if node is not None and role_and_name(node) == ('button', 'Export as PDF…'):
                break
        check(role_and_name(focus.current()) == ('button', 'Export as PDF…'),
              f'Tab never reached Export as PDF…, it is on {focus.describe()}')
        press('space')
        wait_for(lambda: window_named(root, 'Export Worksheet as PDF') is not None,
                 'Space did not open the file chooser')
        chooser_windows = root.get_child_count()
        press('Control+a')
        type_text(pdf)
        press('Return')
        wait_closed(app, root, 'Export Worksheet as PDF', chooser_windows,
                    'Enter did not close the file chooser')
        wait_for(lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 1000, 'no PDF was written')
        with open(pdf, 'rb') as f:
            check(f.read(5) == b'%PDF-', 'the worksheet is not a PDF')
        # A status beside the buttons (GTK 4.18 gives a status its text but
        # no name).
        wait_for(lambda: any((node.get_name() or text_of(node)).startswith('Saved')
                             for node in find_all(dialog, 'status bar')),
                 'the dialog does not say the worksheet was saved')
        press('Escape')
        wait_closed(app, root, 'Print Worksheets', windows, 'Escape did not close the dialog')
    finally:
        app.cleanup()


run(test)

# The app appears on the accessibility bus with its two tabs, and choosing
# Sales shows the Sales sections; a screen reader's questions do not bring
# it down.
# SPDX-License-Identifier: GPL-3.0-or-later

import time

import gi

from touchpoint_e2e import App, check, do_action, find, find_all, is_selected, is_showing, run, wait_for


def test(binary):
    app = App(binary)
    try:
        root = app.start().root

        window = find(root, 'frame')
        check(window.get_name() == 'Touchpoint', f'the window is named "{window.get_name()}"')

        # A screen reader that counted the windows just before a dialog
        # closed asks for one past the last: GTK 4.8 answered with a window
        # that was never shown, and crashed on it.
        try:
            root.get_child_at_index(root.get_child_count())
        except gi.repository.GLib.Error:
            pass
        time.sleep(0.5)
        check(app.process.poll() is None,
              f'asking for a window past the last one ended touchpoint (status {app.process.returncode})')

        marketing = find(root, 'page tab', 'Marketing', showing=True)
        sales = find(root, 'page tab', 'Sales', showing=True)
        check(is_selected(marketing) and not is_selected(sales),
              'a new owner should start on the Marketing tab')

        for name in ('Audiences', 'Brand', 'Competitors', 'Tactics', 'Plan Overview', 'Results'):
            find(root, 'list item', name, showing=True)
        check(not find_all(root, 'list item', 'Customers', showing=True),
              'the Sales sections show before Sales was chosen')

        do_action(sales, 'click')
        wait_for(lambda: find_all(root, 'list item', 'Customers', showing=True),
                 'choosing Sales did not show its sections')
        for name in ('Customers', 'Follow-Ups', 'Activity', 'Touches Chart', 'Orders'):
            find(root, 'list item', name, showing=True)
        check(is_selected(sales) and not is_selected(marketing),
              'the Sales tab is not the selected one after choosing it')
        check(is_showing(find(root, 'group', 'No Customers Yet')),
              'the empty Customers section does not say what it is for')
    finally:
        app.cleanup()


run(test)

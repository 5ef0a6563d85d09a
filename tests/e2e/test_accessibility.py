# What a screen reader hears, on the small sample business: every button
# named once and without its mnemonic underscore, switches and drop-downs
# named by their rows, Log Touch and Add Order announced as dialogs, a
# no button named after its type, and the chart's bars read out.
# SPDX-License-Identifier: GPL-3.0-or-later

import re
import subprocess

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from touchpoint_e2e import (App, check, find, find_all, is_showing, press, role_names, run,  # noqa: E402
                            text_of, type_text, walk, wait_for, wait_window_closed, window_named)

CONTROLS = ('push button', 'button', 'toggle button', 'check box', 'switch', 'combo box',
            'radio button')


def bad_name(name):
    """Why @name is not what a screen reader should say, or None."""
    if name == '' or name.startswith('Gtk') or name.startswith('Adw'):
        return 'a type name or nothing'
    if re.search(r'(^|\s)_\w', name) or re.search(r'\w_\w', name.split(' ')[0]):
        return 'a mnemonic underscore'
    words = name.split(' ')
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]:
        return 'said twice'
    return None


def check_names(root, where):
    for node in walk(root):
        try:
            role = node.get_role_name()
            if role not in CONTROLS:
                continue
            # Never-shown pages hold controls GTK has not finished; a screen
            # reader reaches only what is on screen.
            if role not in role_names('button') and not is_showing(node):
                continue
            name = node.get_name()
        except gi.repository.GLib.Error:
            continue
        reason = bad_name(name)
        check(reason is None, f'{where}: a {role} is named "{name}": {reason}')


# Roles whose names are text the app shows (and a person may have typed).
CONTENT = ('label', 'text', 'entry', 'paragraph', 'heading', 'static', 'table cell')


def check_no_mnemonics(root, where):
    """No tab, page, section or row is read with its mnemonic underscore
    (libadwaita 1.7 names a view stack page by its raw title)."""
    for node in walk(root):
        try:
            role = node.get_role_name()
            name = node.get_name()
        except gi.repository.GLib.Error:
            continue
        if role in CONTENT or not name:
            continue
        check(bad_name(name) != 'a mnemonic underscore',
              f'{where}: a {role} is named "{name}": a mnemonic underscore')


def drop_down_buttons(drop_down):
    return find_all(drop_down, 'button') + find_all(drop_down, 'toggle button')


def shown(drop_down):
    return [node.get_name() for node in find_all(drop_down, 'label')]


def choose(drop_down, steps):
    """Open a drop-down with its button and move @steps down in its list
    with the keyboard, then Enter."""
    Atspi.Action.do_action(drop_down_buttons(drop_down)[0], 0)
    for _ in range(steps):
        press('Down')
    press('Return')


def test(binary):
    app = App(binary)
    subprocess.run([binary, '--database', app.database, '--sample=small'], check=True,
                   stdout=subprocess.DEVNULL)
    try:
        root = app.start().root

        # The switches of the Primary Audience and Active rows: once each.
        # (GTK 4.18 puts only what is on screen in the tree: each section
        # is shown before it is read.)
        check(find(root, 'switch', 'Primary Audience'), 'no switch named "Primary Audience"')
        check_names(root, 'the Audiences section')
        sections = find(root, 'list', 'Marketing Sections')
        check(Atspi.Selection.select_child(sections, 3), 'cannot choose Tactics')
        check(find(root, 'switch', 'Active', showing=True), 'no switch named "Active"')
        check_names(root, 'the Tactics section')
        check_no_mnemonics(root, 'the Marketing tab')

        # Sales: the drop-downs' buttons carry the drop-downs' names.
        do_sales = find(root, 'page tab', 'Sales')
        Atspi.Action.do_action(do_sales, 0)
        section = find(root, 'group', 'Customers')
        wait_for(lambda: is_showing(find(section, 'combo box', 'Stage Filter')), 'the filters are not shown')
        stage = find(section, 'combo box', 'Stage Filter')
        # (Its button is a push button to GTK 4.8, a toggle button to 4.18.)
        check([node.get_name() for node in drop_down_buttons(stage)] == ['Stage Filter'],
              'the Stage Filter drop-down\'s button is not named after it')
        check_names(root, 'the Sales tab')
        check_no_mnemonics(root, 'the Sales tab')

        # The chart reads out its bars, not only counts.
        sidebar = find(root, 'list', 'Sales Sections')
        Atspi.Selection.select_child(sidebar, 3)
        chart = find(root, 'image', 'Touches per customer')
        wait_for(lambda: 'Bars:' in chart.get_description(),
                 f'the chart\'s description lists no bars: {chart.get_description()}')
        description = chart.get_description()
        check(re.search(r'\w+: \d+ touch(es)?, (bought|not yet bought)', description) is not None,
              f'the chart\'s description does not say who has how many touches: {description}')

        # Ctrl+T in the chart: Log Touch, a dialog, asks for the customer.
        press('Control+t')
        wait_for(lambda: window_named(root, 'Log Touch') is not None, 'Ctrl+T in the chart did nothing')
        dialog = window_named(root, 'Log Touch')
        windows = root.get_child_count()
        check(dialog.get_role_name() == 'dialog', f'Log Touch is a {dialog.get_role_name()}, not a dialog')
        check_names(dialog, 'Log Touch')
        # (GTK 4.8 does not report the focus of an entry row's text: what
        # the typing changes shows where it went.)
        search = find(dialog, 'text', 'Customer')
        type_text('Ella')
        wait_for(lambda: text_of(search) == 'Ella', 'Log Touch did not open on the customer search')
        wait_for(lambda: find_all(dialog, 'list item', 'Ella Svensson'), 'the search shows no match')
        press('Return')
        note = find(dialog, 'text', 'Note (optional)')
        type_text('Asked about treats')
        wait_for(lambda: text_of(note) == 'Asked about treats', 'Enter in the search did not go on to the note')
        press('Return')
        wait_window_closed(root, 'Log Touch', windows, 'the touch was not logged')

        check(not find_all(root, 'button', 'GtkImage'), 'a button is named "GtkImage"')

        # Add Order is a dialog too.
        Atspi.Selection.select_child(sidebar, 4)
        orders = find(root, 'group', 'Orders', showing=True)
        Atspi.Action.do_action(find(orders, 'button', 'Add Order'), 0)
        wait_for(lambda: window_named(root, 'Add Order') is not None, 'Add Order did not open')
        dialog = window_named(root, 'Add Order')
        windows = root.get_child_count()
        check(dialog.get_role_name() == 'dialog', f'Add Order is a {dialog.get_role_name()}, not a dialog')
        check_names(dialog, 'Add Order')
        press('Escape')
        wait_window_closed(root, 'Add Order', windows, 'Escape did not close Add Order')
        app.focus_top_window()

        # A filter keeps its name once a value is chosen; the value is read
        # from its button (GTK 4.18 named the drop-down after its value).
        Atspi.Selection.select_child(sidebar, 0)
        section = find(root, 'group', 'Customers', showing=True)
        stage = find(section, 'combo box', 'Stage Filter', showing=True)
        choose(stage, 2)
        wait_for(lambda: shown(stage) not in ([], ['All Stages']),
                 'choosing a stage did not show it in the Stage Filter')
        check(stage.get_name() == 'Stage Filter',
              f'the Stage Filter is read as "{stage.get_name()}" once {shown(stage)} is chosen')
    finally:
        app.cleanup()


run(test)

# A new owner's first sale, through the accessibility tree: add a customer,
# log six touches (the last one three weeks ago, so that the customer is due
# a follow-up), record an order, see the customer become a customer and
# leave the follow-up list, then restart and find it all again.
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from touchpoint_e2e import App, check, do_action, find, find_all, run, wait_for  # noqa: E402

# Days before today of the six touches, oldest first.
TOUCH_DAYS = (60, 50, 40, 30, 25, 21)

SECTIONS = ('Customers', 'Follow-Ups', 'Activity', 'Touches Chart', 'Orders')


def names(root, role):
    return [node.get_name() for node in find_all(root, role)]


def button(root, label, timeout=10):
    """The push button whose name holds @label: GTK names a button with a
    mnemonic by its label twice, "_Log Log"."""
    def matches():
        return [node for node in find_all(root, 'button')
                if node.get_name() == label or node.get_name().endswith(' ' + label)]
    wait_for(matches, f'no button "{label}"', timeout)
    return matches()[0]


def text_of(node):
    # GTK 4.8 does not read -1 as "to the end".
    return Atspi.Text.get_text(node, 0, Atspi.Text.get_character_count(node))


def type_into(node, text):
    check(Atspi.EditableText.set_text_contents(node, text), f'cannot type into "{node.get_name()}"')


def window(root, title, timeout=10):
    """The app's window titled @title (a dialog's role is not "frame" in GTK 4.8)."""
    def windows():
        return [root.get_child_at_index(i) for i in range(root.get_child_count())
                if root.get_child_at_index(i).get_name() == title]
    wait_for(windows, f'no window "{title}"', timeout)
    return windows()[0]


def window_open(root, title):
    # A window that closes while we look is gone from the list: skip it.
    children = (root.get_child_at_index(i) for i in range(root.get_child_count()))
    return any(child is not None and child.get_name() == title for child in children)


def has_label(root, text):
    return text in names(root, 'label')


def customer_row(section, name):
    """What the customer list's row for @name reads out: "Ada, Lead, 6 touches, …"."""
    for text in names(find(section, 'list', 'Customers'), 'label'):
        if text.startswith(name + ', '):
            return text
    return None


def show_section(root, name):
    sidebar = find(root, 'list', 'Sales Sections')
    check(Atspi.Selection.select_child(sidebar, SECTIONS.index(name)), f'cannot choose {name}')


def log_touch(root, detail, days_ago, note):
    do_action(button(detail, 'Log Touch'), 'click')
    dialog = window(root, 'Log Touch')
    when = datetime.datetime.now() - datetime.timedelta(days=days_ago)
    type_into(find(dialog, 'text', 'Date and Time'), when.strftime('%Y-%m-%d %H:%M'))
    type_into(find(dialog, 'text', 'Note (optional)'), note)
    do_action(button(dialog, 'Log'), 'click')
    wait_for(lambda: not window_open(root, 'Log Touch'), 'the Log Touch dialog stayed open')


def test(binary):
    app = App(binary)
    try:
        root = app.start().root
        do_action(find(root, 'page tab', 'Sales'), 'click')

        # Each section, and the customer detail, is a group named by its title.
        section = find(root, 'group', 'Customers')
        detail = find(section, 'group', 'Customer')
        check(find(section, 'group', 'No Customers Yet') is not None, 'no empty state for a new owner')

        # A customer: Add Customer, then type the name over "New Customer".
        do_action(button(section, 'Add Customer'), 'click')
        name = find(detail, 'text', 'Name')
        wait_for(lambda: text_of(name) == 'New Customer', 'the new customer is not shown')
        type_into(name, 'Ada Lovelace')
        type_into(find(detail, 'text', 'Email'), 'ada@example.com')
        wait_for(lambda: customer_row(section, 'Ada Lovelace') is not None,
                 'the typed name did not reach the customer list')
        check(has_label(detail, '0 touches — under 5–12'), 'the band text is missing')

        # Six touches, each from the Log Touch dialog.
        for i, days in enumerate(TOUCH_DAYS, start=1):
            log_touch(root, detail, days, f'Touch number {i}')
            band = f'{i} touch{"es" if i != 1 else ""} — {"under" if i < 5 else "inside"} 5–12'
            wait_for(lambda: has_label(detail, band), f'after touch {i} the detail does not say "{band}"')
        row = customer_row(section, 'Ada Lovelace')
        check('6 touches' in row and 'Lead' in row, f'the list row says {row}')

        # Quiet for three weeks and not bought: a follow-up.
        show_section(root, 'Follow-Ups')
        follow_ups = find(root, 'group', 'Follow-Ups')
        wait_for(lambda: has_label(follow_ups, 'Ada Lovelace'), 'Ada is not in the follow-up list')
        show_section(root, 'Customers')

        # An order makes her a customer.
        do_action(button(detail, 'Add Order'), 'click')
        dialog = window(root, 'Add Order')
        type_into(find(dialog, 'text', 'Item'), 'Gift box')
        type_into(find(dialog, 'text', 'Amount'), '24,90')
        do_action(button(dialog, 'Add'), 'click')
        wait_for(lambda: not window_open(root, 'Add Order'), 'the order dialog stayed open')
        wait_for(lambda: 'Customer' in (customer_row(section, 'Ada Lovelace') or ''),
                 'the order did not make Ada a customer in the list')
        check(has_label(detail, 'Customer'), 'the detail does not show the new stage')
        check(has_label(detail, 'Gift box'), 'the order is not in the customer detail')
        show_section(root, 'Follow-Ups')
        follow_ups = find(root, 'group', 'Follow-Ups')
        wait_for(lambda: has_label(follow_ups, 'No Follow-Ups Due'), 'the follow-up list is not shown')
        wait_for(lambda: not has_label(follow_ups, 'Ada Lovelace'),
                 'Ada is still in the follow-up list after buying')
        show_section(root, 'Customers')

        # Restart: it is all still there.
        app.stop()
        root = app.start().root
        do_action(find(root, 'page tab', 'Sales'), 'click')
        section = find(root, 'group', 'Customers')
        detail = find(section, 'group', 'Customer')
        wait_for(lambda: customer_row(section, 'Ada Lovelace') is not None, 'Ada is gone after a restart')
        row = customer_row(section, 'Ada Lovelace')
        check('Customer' in row and '6 touches' in row and '1 order' in row and '24.90 EUR' in row,
              f'after a restart the list row says {row}')

        Atspi.Selection.select_child(find(section, 'list', 'Customers'), 0)
        wait_for(lambda: has_label(detail, '6 touches — inside 5–12'), 'the detail lost the touches')
        check(has_label(detail, 'Gift box'), 'the detail lost the order')
        check(text_of(find(detail, 'text', 'Email')) == 'ada@example.com', 'the email was not kept')
        timeline = find(detail, 'list', 'Touches')
        check(len(find_all(timeline, 'list item')) == 6, 'the timeline does not hold six touches')
        show_section(root, 'Follow-Ups')
        follow_ups = find(root, 'group', 'Follow-Ups')
        wait_for(lambda: has_label(follow_ups, 'No Follow-Ups Due'), 'the follow-up list is not shown')
        check(not has_label(follow_ups, 'Ada Lovelace'), 'Ada is back in the follow-up list')
    finally:
        app.cleanup()


run(test)

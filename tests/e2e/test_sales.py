# A new owner's first sale, through the accessibility tree: add a customer,
# log six touches (the last one three weeks ago, so that the customer is due
# a follow-up), record an order, see the customer become a customer and
# leave the follow-up list, then restart and find it all again.
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from touchpoint_e2e import (App, button, check, choose_section, do_action, find, find_all,  # noqa: E402
                            labels, names, run, text_of, type_into, wait_for, wait_window,
                            window_named)

# Days before today of the six touches, oldest first.
TOUCH_DAYS = (60, 50, 40, 30, 25, 21)

SECTIONS = ('Customers', 'Follow-Ups', 'Activity', 'Touches Chart', 'Orders')








def has_label(root, text):
    return text in labels(root)


def customer_row(section, name):
    """What the customer list's row for @name reads out: "Ada, Lead, 6 touches, …"."""
    for text in names(find(section, 'list', 'Customers'), 'label'):
        if text.startswith(name + ', '):
            return text
    return None


def show_section(root, name):
    choose_section(root, 'Sales Sections', SECTIONS, name)


def log_touch(root, detail, days_ago, note):
    do_action(button(detail, 'Log Touch'), 'click')
    dialog = wait_window(root, 'Log Touch')
    when = datetime.datetime.now() - datetime.timedelta(days=days_ago)
    type_into(find(dialog, 'text', 'Date and Time'), when.strftime('%Y-%m-%d %H:%M'))
    type_into(find(dialog, 'text', 'Note (optional)'), note)
    do_action(button(dialog, 'Log'), 'click')
    wait_for(lambda: window_named(root, 'Log Touch') is None, 'the Log Touch dialog stayed open')


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
        dialog = wait_window(root, 'Add Order')
        type_into(find(dialog, 'text', 'Item'), 'Gift box')
        type_into(find(dialog, 'text', 'Amount'), '24,90')
        do_action(button(dialog, 'Add'), 'click')
        wait_for(lambda: window_named(root, 'Add Order') is None, 'the order dialog stayed open')
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

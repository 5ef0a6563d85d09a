# Two desktops on one team database, through the accessibility tree: two
# Touchpoint processes on the throwaway server's database (tests/pg-cluster
# sets TP_TEST_PG_URI). A adds a customer and logs a touch; B, which
# loaded its window before, shows the customer in its list and the touch
# in that customer's timeline, without anyone reloading anything. A
# renames her while B types another name: the one who saved second
# offers the choice, and puts its name back. A deletes her: B's detail
# closes with a toast. A deletes a competitor B shows: B's toast says so.
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from touchpoint_e2e import (App, button, check, customer_row, do_action, find,  # noqa: E402
                            find_all, labels, run, text_of, type_into,
                            wait_for, wait_window_closed, window_named)

NOTE = 'Asked about the spring range'


def test(binary):
    uri = os.environ.get('TP_TEST_PG_URI')
    check(uri, 'TP_TEST_PG_URI is not set: run this under tests/pg-cluster')
    # The first start sets the empty database up; B comes second.
    a = App(binary, database=uri)
    b = App(binary, database=uri)
    try:
        root_a = a.start().root
        root_b = b.start().root
        for root in (root_a, root_b):
            do_action(find(root, 'page tab', 'Sales'), 'click')
        section_a = find(root_a, 'group', 'Customers')
        detail_a = find(section_a, 'group', 'Customer')
        section_b = find(root_b, 'group', 'Customers')
        detail_b = find(section_b, 'group', 'Customer')

        # A adds a customer: B's list shows her, under the name A typed.
        do_action(button(section_a, 'Add Customer'), 'click')
        name = find(detail_a, 'text', 'Name')
        wait_for(lambda: text_of(name) == 'New Customer', 'A does not show the new customer')
        type_into(name, 'Ada Lovelace')
        wait_for(lambda: customer_row(section_b, 'Ada Lovelace') is not None,
                 "B's customer list does not show the customer A added")

        # B opens her: no touches yet.
        check(Atspi.Selection.select_child(find(section_b, 'list', 'Customers'), 0),
              "cannot choose the customer in B's list")
        wait_for(lambda: text_of(find(detail_b, 'text', 'Name')) == 'Ada Lovelace',
                 "B's detail does not show the customer")
        wait_for(lambda: '0 touches — under 5–12' in labels(detail_b),
                 "B's detail does not say she has no touches")

        # A logs a touch: B's detail counts it and B's timeline shows it.
        do_action(button(detail_a, 'Log Touch'), 'click')
        wait_for(lambda: window_named(root_a, 'Log Touch'), 'no window "Log Touch"')
        dialog = window_named(root_a, 'Log Touch')
        windows = root_a.get_child_count()
        when = datetime.datetime.now() - datetime.timedelta(days=2)
        type_into(find(dialog, 'text', 'Date and Time'), when.strftime('%Y-%m-%d %H:%M'))
        type_into(find(dialog, 'text', 'Note (optional)'), NOTE)
        do_action(button(dialog, 'Log'), 'click')
        wait_window_closed(root_a, 'Log Touch', windows, 'the Log Touch dialog stayed open')

        wait_for(lambda: '1 touch — under 5–12' in labels(detail_b),
                 "B's detail does not count the touch A logged")
        wait_for(lambda: any(NOTE in text for text in labels(detail_b)),
                 "B's timeline does not show the touch A logged")
        row = customer_row(section_b, 'Ada Lovelace')
        check(row is not None and '1 touch' in row, f"B's list row says {row}")

        # A renames her while B types another name into the same field:
        # the one who saves second (B, unless its save overtakes A's on a
        # loaded machine) sees the other's name with the choice, puts its
        # own back, and the other follows.
        name_b = find(detail_b, 'text', 'Name')
        type_into(name, 'Ada King')
        type_into(name_b, 'Ada Byron')

        def choosers():
            return [(detail, field, mine, theirs)
                    for detail, field, mine, theirs in ((detail_b, name_b, 'Ada Byron', 'Ada King'),
                                                        (detail_a, name, 'Ada King', 'Ada Byron'))
                    if [node for node in find_all(detail, 'button')
                        if node.get_name() == 'Put Back Mine']]
        wait_for(choosers, 'neither desktop offers the choice')
        chooser, field, mine, theirs = choosers()[0]
        other_field = name if field == name_b else name_b
        check(len(choosers()) == 1, 'both desktops offer the choice')
        check(button(chooser, 'Keep Theirs') is not None, 'no "Keep Theirs"')
        wait_for(lambda: text_of(field) == theirs, "the field does not show the other's name")
        wait_for(lambda: any(f'Yours was “{mine}”' in text for text in labels(chooser)),
                 'the choice does not say what was typed')
        do_action(button(chooser, 'Put Back Mine'), 'click')
        wait_for(lambda: text_of(other_field) == mine, 'the other desktop does not follow the choice')
        wait_for(lambda: text_of(field) == mine, 'the field does not show its name back')
        check(not [node for node in find_all(chooser, 'button')
                   if node.get_name() == 'Put Back Mine'], 'the choice stayed after it was made')

        # A deletes her: B's detail closes (its actions on her go) and B's
        # toast says why, with nothing to undo there.
        do_action(button(detail_a, 'Delete Customer'), 'click')
        delete_b = button(detail_b, 'Delete Customer')
        wait_for(lambda: not delete_b.get_state_set().contains(Atspi.StateType.ENABLED),
                 "B's detail still shows the deleted customer")
        toast = f'“{mine}” was deleted on another desktop'
        wait_for(lambda: toast in labels(root_b), f'B shows no toast "{toast}"')
        check(not [node for node in find_all(root_b, 'button') if node.get_name() == 'Undo'],
              'B offers to undo what A deleted')
        check(customer_row(section_b, mine) is None, "B's list still shows her")

        # In Marketing too: A adds a competitor, B opens it, A deletes it:
        # B's editor lets it go and B's toast says why.
        sections = ('Audiences', 'Brand', 'Competitors')
        for root in (root_a, root_b):
            do_action(find(root, 'page tab', 'Marketing'), 'click')
            check(Atspi.Selection.select_child(find(root, 'list', 'Marketing Sections'),
                                               sections.index('Competitors')),
                  'cannot choose Competitors')
        competitors_a = find(root_a, 'group', 'Competitors')
        competitors_b = find(root_b, 'group', 'Competitors')
        do_action(button(competitors_a, 'Add Competitor'), 'click')
        editor_a = find(competitors_a, 'group', 'Competitor')
        rival = find(editor_a, 'text', 'Name')
        wait_for(lambda: text_of(rival) == 'New Competitor', 'A does not show the new competitor')
        type_into(rival, 'Big Pet Co')
        pane_b = find(competitors_b, 'group', 'Competitors')
        wait_for(lambda: 'Big Pet Co' in [node.get_name() for node in find_all(pane_b, 'list item')],
                 "B's list of competitors does not show the one A added")
        check(Atspi.Selection.select_child(find(pane_b, 'list'), 0), 'cannot choose it on B')
        editor_b = find(competitors_b, 'group', 'Competitor')
        wait_for(lambda: text_of(find(editor_b, 'text', 'Name')) == 'Big Pet Co',
                 "B's editor does not show the competitor")
        do_action(button(editor_a, 'Delete Competitor'), 'click')
        toast = '“Big Pet Co” was deleted on another desktop'
        wait_for(lambda: toast in labels(root_b), f'B shows no toast "{toast}"')
    finally:
        b.cleanup()
        a.cleanup()


run(test)

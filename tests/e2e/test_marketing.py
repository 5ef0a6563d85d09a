# A new owner's marketing plan, through the accessibility tree: an audience
# with two places where they spend time, three brand words, three tactics,
# one of them marked done; then a restart finds it all again.
# SPDX-License-Identifier: GPL-3.0-or-later

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from touchpoint_e2e import (App, button, check, choose_section, do_action, find, find_all,  # noqa: E402
                            names, run, text_of, type_into, wait_for)

AUDIENCE = 'Dog owners with allergies'
PLACES = ('Dogs with Allergies forum', 'Hillside Vet')
WORDS = ('Playful', 'Honest', 'Warm')
TACTICS = ('Helpful forum post', 'Monthly newsletter', 'Market stall')
SECTIONS = ('Audiences', 'Brand', 'Competitors', 'Tactics', 'Plan Overview', 'Results')






def show_section(root, name):
    choose_section(root, 'Marketing Sections', SECTIONS, name)


def section(root, title):
    # Each section is a group named as the sidebar names it.
    return find(root, 'group', title)


def list_items(root):
    return names(root, 'list item')


def in_order(found, expected):
    """The items of @expected in @found, once each, in the order found (a
    place's row holds a row of its own with the same name)."""
    seen = []
    for name in found:
        if name in expected and name not in seen:
            seen.append(name)
    return seen == list(expected)


def plan(root):
    """What a new owner enters, section by section."""
    # Audiences: the empty state offers the first one, with its name to type.
    show_section(root, 'Audiences')
    audiences = section(root, 'Audiences')
    do_action(button(audiences, 'Add Audience'), 'click')
    editor = find(audiences, 'group', 'Audience')
    name = find(editor, 'text', 'Name')
    wait_for(lambda: text_of(name) == 'New Audience', 'the new audience is not shown')
    type_into(name, AUDIENCE)
    pane = find(audiences, 'group', 'Audiences')
    wait_for(lambda: AUDIENCE in list_items(pane), 'the typed name did not reach the list of audiences')

    # Two places where they spend time.
    places = find(editor, 'list', 'Places')
    for i, place in enumerate(PLACES):
        do_action(button(editor, 'Add Place'), 'click')
        wait_for(lambda: len(find_all(places, 'text', 'Name')) == i + 1, f'place {i + 1} did not appear')
        field = find_all(places, 'text', 'Name')[i]
        wait_for(lambda: text_of(field) == 'New Place', f'place {i + 1} does not start as "New Place"')
        type_into(field, place)
        wait_for(lambda: place in list_items(places), f'“{place}” was not saved')

    # Three brand words, each typed and entered.
    show_section(root, 'Brand')
    brand = section(root, 'Brand')
    entry = find(brand, 'text', 'New Personality Word')
    for word in WORDS:
        type_into(entry, word)
        do_action(button(brand, 'Add Word'), 'click')
        wait_for(lambda: word in names(brand, 'table cell'), f'“{word}” did not become a chip')
    check(names(find(brand, 'table', 'Personality Words'), 'table cell') == list(WORDS),
          'the brand words are not in the order typed')

    # Three tactics: the first from the empty state, then from the list.
    show_section(root, 'Tactics')
    tactics = section(root, 'Tactics')
    for i, tactic in enumerate(TACTICS):
        # GTK 4.18 shows only what is on screen: the list and the editor
        # replace the empty state at the first tactic.
        do_action(button(pane if i > 0 else tactics, 'Add Tactic'), 'click')
        editor = find(tactics, 'group', 'Tactic')
        pane = find(tactics, 'group', 'Tactics')
        name = find(editor, 'text', 'Name')
        wait_for(lambda: text_of(name) == 'New Tactic', f'tactic {i + 1} does not start as "New Tactic"')
        type_into(name, tactic)
        wait_for(lambda: tactic in list_items(pane), f'“{tactic}” did not reach the list of tactics')
    # The focus banner is the section's one status bar. GTK 4.8 names it
    # "Focus"; GTK 4.18 gives a status no name (ARIA's naming rules as GTK
    # reads them), so it is found by role and read by its label.
    banner = find(tactics, 'status bar')
    wait_for(lambda: '3 active — good focus' in names(banner, 'label'), 'the focus banner does not say good focus')

    # Mark the last one done, with a note.
    type_into(find(editor, 'text', 'Note (Optional)'), 'Sold out by noon')
    do_action(button(editor, 'Mark Done'), 'click')
    history = find(editor, 'list', 'History')
    wait_for(lambda: 'Today' in list_items(history), 'the tactic log does not show today')


def check_plan(root):
    """What the owner finds again after a restart."""
    show_section(root, 'Audiences')
    audiences = section(root, 'Audiences')
    pane = find(audiences, 'group', 'Audiences')
    wait_for(lambda: AUDIENCE in list_items(pane), 'the audience is gone')
    editor = find(audiences, 'group', 'Audience')
    wait_for(lambda: text_of(find(editor, 'text', 'Name')) == AUDIENCE, 'the audience is not shown')
    places = find(editor, 'list', 'Places')
    wait_for(lambda: in_order(list_items(places), PLACES),
             f'the places are not there in order: {list_items(places)}')

    show_section(root, 'Brand')
    brand = section(root, 'Brand')
    wait_for(lambda: names(find(brand, 'table', 'Personality Words'), 'table cell') == list(WORDS),
             'the brand words are gone')

    show_section(root, 'Tactics')
    tactics = section(root, 'Tactics')
    pane = find(tactics, 'group', 'Tactics')
    wait_for(lambda: in_order(list_items(pane), TACTICS),
             f'the tactics are not there in order: {list_items(pane)}')
    check('3 active — good focus' in names(find(tactics, 'status bar'), 'label'),
          'the focus banner changed')

    # The tactic marked done keeps its log entry and its note.
    list_box = find(pane, 'list')
    Atspi.Selection.select_child(list_box, TACTICS.index(TACTICS[-1]))
    editor = find(tactics, 'group', 'Tactic')
    wait_for(lambda: text_of(find(editor, 'text', 'Name')) == TACTICS[-1], 'the last tactic is not shown')
    history = find(editor, 'list', 'History')
    wait_for(lambda: 'Today' in list_items(history), 'the log entry is gone')
    check('Sold out by noon' in names(history, 'label'), 'the note of the log entry is gone')

    # The plan overview gathers it.
    show_section(root, 'Plan Overview')
    overview = section(root, 'Plan Overview')
    labels = names(overview, 'label')
    for text in (AUDIENCE, *WORDS, *TACTICS):
        check(text in labels or any(text in n for n in names(overview, 'list item')),
              f'the plan overview does not show “{text}”')


def test(binary):
    app = App(binary)
    try:
        root = app.start().root
        plan(root)

        app.stop()
        root = app.start().root
        check_plan(root)
    finally:
        app.cleanup()


run(test)

# The team database's server restarted mid-session, through the
# accessibility tree: two Touchpoint processes on the throwaway server's
# database (tests/pg-cluster sets TP_TEST_PG_URI, and TP_TEST_PG_CTL to
# stop and start that server). When the server stops, both windows say
# so and what still works; A's rename meanwhile is refused, its field
# shows the stored name again, and nothing is saved behind the user's
# back. While A waits to reconnect, another desktop adds a customer;
# when the server is back, A reconnects by itself, shows that customer,
# the banner goes, and A's edits reach B again.
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import shutil
import subprocess
import tempfile

import gi

gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

from touchpoint_e2e import (App, button, check, customer_row, do_action, find,  # noqa: E402
                            find_all, is_showing, run, text_of, type_into,
                            wait_for)

LOST = 'The connection to the team database was lost.'
STILL_WORKS = 'What the window shows stays'


def banner_shows(root):
    """Whether the window's banner says the connection was lost, and what
    still works. The banner slides away with its text: it tells the
    accessibility tree it is hidden (no VISIBLE state)."""
    return any(LOST in (node.get_name() or '') and STILL_WORKS in node.get_name() and
               is_showing(node) and node.get_state_set().contains(Atspi.StateType.VISIBLE)
               for node in find_all(root, 'label'))


def pg_ctl(*args):
    subprocess.run([os.environ['TP_TEST_PG_CTL'], *args], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def change_while_away(sql):
    """Another desktop changes the business while the windows are
    offline: the server runs a while on a socket of its own, where they
    cannot reach it."""
    aside = tempfile.mkdtemp(prefix='tp-pg-aside-')
    os.chmod(aside, 0o777)  # the server may run as another user (tests/pg-cluster)
    try:
        pg_ctl('start', '-o', f"-c unix_socket_directories='{aside}'")
        uri = os.environ['TP_TEST_PG_URI']
        database = uri.rsplit('/', 1)[1]
        subprocess.run([os.path.join(os.environ['TP_TEST_PG_BINDIR'], 'psql'), '-X', '-q',
                        '-v', 'ON_ERROR_STOP=1', '-h', aside, '-U', 'tp_owner', '-d', database,
                        '-c', sql], check=True)
        pg_ctl('stop', '-m', 'fast')
    finally:
        shutil.rmtree(aside, ignore_errors=True)


def test(binary):
    uri = os.environ.get('TP_TEST_PG_URI')
    check(uri, 'TP_TEST_PG_URI is not set: run this under tests/pg-cluster')
    check(os.environ.get('TP_TEST_PG_CTL'), 'TP_TEST_PG_CTL is not set: run this under tests/pg-cluster')
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

        do_action(button(section_a, 'Add Customer'), 'click')
        name = find(detail_a, 'text', 'Name')
        wait_for(lambda: text_of(name) == 'New Customer', 'A does not show the new customer')
        type_into(name, 'Ada Lovelace')
        wait_for(lambda: customer_row(section_b, 'Ada Lovelace') is not None,
                 "B's customer list does not show the customer A added")
        check(not banner_shows(root_a) and not banner_shows(root_b),
              'a banner says the connection was lost while it was there')

        # The server stops: both windows say so, and what still works.
        pg_ctl('stop', '-m', 'fast')
        wait_for(lambda: banner_shows(root_a), "A's banner does not say the connection was lost")
        wait_for(lambda: banner_shows(root_b), "B's banner does not say the connection was lost")
        check(customer_row(section_a, 'Ada Lovelace') is not None,
              "A's list no longer shows what it showed")

        # A renames her meanwhile: refused, the field shows the stored name again.
        type_into(name, 'Ada King')
        wait_for(lambda: text_of(name) == 'Ada Lovelace',
                 f'A\'s refused rename still shows as "{text_of(name)}", as if it were saved')
        check(banner_shows(root_a), "A's banner went while the server was down")

        # Another desktop adds a customer while A is offline; then the
        # server is back: A shows her once it reconnects by itself.
        now = datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')
        change_while_away(f"INSERT INTO customers (name, created_at, updated_at) "
                          f"VALUES ('Grace Hopper', '{now}', '{now}')")
        check(banner_shows(root_a), 'A reconnected to a server it could not reach')
        pg_ctl('start')

        wait_for(lambda: not banner_shows(root_a), 'A does not reconnect by itself', timeout=40)
        wait_for(lambda: not banner_shows(root_b), 'B does not reconnect by itself', timeout=40)
        wait_for(lambda: customer_row(section_a, 'Grace Hopper') is not None,
                 'A does not show the customer another desktop added while it was offline')
        check(customer_row(section_a, 'Ada Lovelace') is not None, "A's list lost Ada Lovelace")
        check(text_of(name) == 'Ada Lovelace', f'A\'s field says "{text_of(name)}"')
        check(customer_row(section_b, 'Ada King') is None, 'the refused rename reached B')

        # Connected again: A's edits are saved and reach B.
        type_into(name, 'Ada King')
        wait_for(lambda: customer_row(section_b, 'Ada King') is not None,
                 "A's rename after reconnecting does not reach B")
    finally:
        b.cleanup()
        a.cleanup()


run(test)

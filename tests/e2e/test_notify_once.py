# Follow-up notifications once per person on a team database: two
# Touchpoint processes of the same person (the server role, tp_owner) on
# the throwaway server's database (tests/pg-cluster) show the same due
# follow-up, and the notification server on the session bus
# (notification_server.py) gets it once; a third process of another
# person (named in Preferences) gets their own.
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import os
import shutil
import subprocess
import tempfile
import time

from test_notifications import NotificationServer
from touchpoint_e2e import App, check, do_action, find, find_all, is_showing, run, wait_for

SUMMARY = 'Follow up with Zelda Quill'


def zelda_notices(server):
    return [n for n in server.notifications() if n['summary'] == SUMMARY]


def shows_zelda(root):
    """The window's Follow-Ups list shows Zelda Quill (its queue loaded)."""
    do_action(find(root, 'page tab', 'Sales'), 'click')
    return any(is_showing(n) for n in find_all(root, 'label', 'Zelda Quill'))


def test(binary):
    uri = os.environ.get('TP_TEST_PG_URI')
    check(uri, 'TP_TEST_PG_URI is not set: run this under tests/pg-cluster')

    # A customer who has waited 30 days for a first touch: due at once.
    work = tempfile.mkdtemp(prefix='touchpoint-notify-once-')
    added = datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=30)
    csv = os.path.join(work, 'customers.csv')
    with open(csv, 'w') as f:
        f.write('name,email,stage,created_at\n')
        f.write(f'Zelda Quill,zelda@example.com,lead,{added.strftime("%Y-%m-%dT%H:%M:%SZ")}\n')
    subprocess.run([binary, '--database', uri, '--import-csv', csv, '--table', 'customers'],
                   check=True, stdout=subprocess.DEVNULL)

    # Another person's desktop: a name set in Preferences
    zoe_config = os.path.join(work, 'config')
    os.makedirs(os.path.join(zoe_config, 'glib-2.0', 'settings'))
    with open(os.path.join(zoe_config, 'glib-2.0', 'settings', 'keyfile'), 'w') as f:
        f.write("[io/github/touchpoint/Touchpoint]\nperson-name='Zoe Zimmer'\n")

    server = NotificationServer()
    section = {'TOUCHPOINT_SECTION': 'follow-ups'}
    a = App(binary, database=uri, env=section)
    b = App(binary, database=uri, env=section)
    c = App(binary, database=uri, env=dict(section, GSETTINGS_BACKEND='keyfile',
                                           XDG_CONFIG_HOME=zoe_config))
    try:
        root_a = a.start().root
        wait_for(lambda: shows_zelda(root_a), "A's Follow-Ups do not show Zelda Quill", timeout=30)
        wait_for(lambda: zelda_notices(server), 'A sent no notification for the due follow-up',
                 timeout=30)

        # The same person's second window: the follow-up shows, no second notice.
        root_b = b.start().root
        wait_for(lambda: shows_zelda(root_b), "B's Follow-Ups do not show Zelda Quill", timeout=30)
        time.sleep(3)
        notices = zelda_notices(server)
        check(len(notices) == 1,
              f'two windows of one person sent {len(notices)} notifications: {notices}')

        # Another person is told too.
        root_c = c.start().root
        wait_for(lambda: shows_zelda(root_c), "C's Follow-Ups do not show Zelda Quill", timeout=30)
        wait_for(lambda: len(zelda_notices(server)) == 2,
                 f'the other person was not told: {zelda_notices(server)}', timeout=30)
        time.sleep(3)
        notices = zelda_notices(server)
        check(len(notices) == 2, f'expected two notifications (one per person), got {notices}')
    finally:
        c.cleanup()
        b.cleanup()
        a.cleanup()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)


run(test)

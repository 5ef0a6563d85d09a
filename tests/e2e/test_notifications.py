# Reminders with the window closed: with "Remind me about follow-ups when
# Touchpoint is closed" on (the default), closing the window leaves the app
# running; a follow-up that comes due then reaches a real notification
# server on the session bus (notification_server.py, which owns
# org.freedesktop.Notifications as a desktop's daemon does), and clicking
# the notification opens the window on that customer. The app is started
# with --database, as README.md says to.
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import os
import subprocess
import sys
import threading
import time

from touchpoint_e2e import App, check, find, find_all, is_showing, press, run, wait_for


def windows(root):
    """The app's windows: GTK takes a closed one off the tree."""
    return [root.get_child_at_index(i) for i in range(root.get_child_count())]


class NotificationServer:
    def __init__(self):
        script = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'notification_server.py')
        self.process = subprocess.Popen([sys.executable, script], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        self.records = []
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()
        wait_for(lambda: any(r['method'] == 'ready' for r in self.records),
                 'the notification server did not start')

    def _read(self):
        for line in self.process.stdout:
            self.records.append(json.loads(line))

    def notifications(self):
        return [r for r in self.records if r['method'] == 'Notify']

    def invoke(self, nid, action='default'):
        self.process.stdin.write(f'invoke {nid} {action}\n')
        self.process.stdin.flush()

    def stop(self):
        self.process.stdin.close()
        self.process.wait(10)


def test(binary):
    server = NotificationServer()
    app = App(binary)
    try:
        root = app.start().root
        find(root, 'frame')

        # Nothing is due in a new business. Close the window as a person
        # would (Ctrl+W): the app keeps running, without a window.
        press('Control+w')
        wait_for(lambda: not windows(root), 'Ctrl+W did not close the window')
        time.sleep(1)
        check(app.process.poll() is None,
              f'closing the window ended touchpoint (status {app.process.returncode})')
        check(not server.notifications(), f'notified with nothing due: {server.notifications()}')

        # Another program adds a customer who has waited 30 days for a
        # first touch: the follow-up comes due while no window is open.
        added = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=30))
        csv = os.path.join(app.dir, 'customers.csv')
        with open(csv, 'w') as f:
            f.write('name,email,stage,created_at\n')
            f.write(f'Zelda Quill,zelda@example.com,lead,{added.strftime("%Y-%m-%dT%H:%M:%SZ")}\n')
        subprocess.run([binary, '--database', app.database, '--import-csv', csv, '--table', 'customers'],
                       check=True, stdout=subprocess.DEVNULL)

        # The app checks once a minute.
        wait_for(lambda: server.notifications(), 'no notification came within 90 s of the follow-up coming due',
                 timeout=90)
        notes = server.notifications()
        check(len(notes) == 1, f'expected one notification, got {notes}')
        note = notes[0]
        check(note['summary'] == 'Follow up with Zelda Quill', f'the notification says "{note["summary"]}"')
        check(note['body'] == 'Added 30 days ago and not touched yet.', f'its body says "{note["body"]}"')
        check('default' in note['actions'], f'the notification cannot be clicked: {note["actions"]}')
        check(note['desktop-entry'] == 'io.github.touchpoint.Touchpoint', f'it names {note["desktop-entry"]}')
        check(not windows(root), 'a window opened along with the notification')

        # Clicking it opens the window on Zelda Quill.
        server.invoke(note['id'])
        wait_for(lambda: windows(root), 'clicking the notification opened no window')
        wait_for(lambda: any(is_showing(n) for n in find_all(root, 'label', 'Zelda Quill')),
                 'the window that opened does not show Zelda Quill')
        check(app.process.poll() is None, 'touchpoint ended')
    finally:
        app.cleanup()
        server.stop()


if __name__ == '__main__':
    run(test)

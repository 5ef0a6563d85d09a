#!/usr/bin/env python3
# check-translations — fail when a translation lacks a string of the
# current sources, or has a fuzzy or untranslated one.
#
# It extracts a fresh template from the files in po/POTFILES.in (as the
# touchpoint-pot target would, but into a temporary directory), merges each
# po/LL.po with it in memory, and counts what is not translated.
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import subprocess
import sys
import tempfile

top = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.').resolve()
po = top / 'po'
languages = [l.strip() for l in (po / 'LINGUAS').read_text().split() if l.strip()]

keywords = ['_', 'N_', 'C_:1c,2', 'NC_:1c,2', 'g_dngettext:2,3', 'ngettext:1,2',
            'g_dpgettext2:2c,3']

ok = True
with tempfile.TemporaryDirectory() as tmp:
    pot = pathlib.Path(tmp) / 'touchpoint.pot'
    cmd = ['xgettext', '--from-code=UTF-8', '--add-comments', '--package-name=touchpoint',
           '--files-from=' + str(po / 'POTFILES.in'), '--directory=' + str(top),
           '--output=' + str(pot)]
    cmd += ['--keyword=' + k for k in keywords]
    subprocess.run(cmd, check=True)

    for lang in languages:
        merged = pathlib.Path(tmp) / f'{lang}.po'
        subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '--output-file=' + str(merged),
                        str(po / f'{lang}.po'), str(pot)], check=True)
        subprocess.run(['msgfmt', '--check', '--output-file=/dev/null', str(merged)], check=True)
        for what, flag in (('untranslated', '--untranslated'), ('fuzzy', '--only-fuzzy')):
            out = subprocess.run(['msgattrib', flag, '--no-obsolete', '--no-wrap', str(merged)],
                                 check=True, capture_output=True, text=True).stdout
            ids = [line[len('msgid '):] for line in out.splitlines()
                   if line.startswith('msgid ') and line != 'msgid ""']
            for msgid in ids:
                print(f'po/{lang}.po: {what}: {msgid}')
            if ids:
                ok = False

sys.exit(0 if ok else 1)

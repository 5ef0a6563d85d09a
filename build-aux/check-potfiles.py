#!/usr/bin/env python3
# check-potfiles — fail when a file with translatable strings is missing
# from po/POTFILES.in, when POTFILES.in lists a file that does not exist,
# or when it is not sorted.
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
listed = [l.strip() for l in (top / 'po' / 'POTFILES.in').read_text().splitlines()
          if l.strip() and not l.startswith('#')]

ok = True
if listed != sorted(listed):
    print('po/POTFILES.in: not sorted')
    ok = False

for name in listed:
    if not (top / name).is_file():
        print(f'po/POTFILES.in: lists {name}, which does not exist')
        ok = False

c_marks = re.compile(r'\b(?:_|N_|C_|NC_|ngettext|g_dngettext)\s*\(\s*"')
ui_marks = re.compile(r'translatable="yes"')
candidates = []
for pattern in ('src/**/*.c', 'ui/**/*.ui'):
    candidates += top.glob(pattern)
candidates += top.glob('data/*.desktop.in.in')
candidates += top.glob('data/*.metainfo.xml.in.in')
candidates += top.glob('data/*.gschema.xml')

for path in sorted(candidates):
    rel = path.relative_to(top).as_posix()
    text = path.read_text(encoding='utf-8')
    marked = (ui_marks.search(text) if path.suffix == '.ui'
              else c_marks.search(text) if path.suffix == '.c'
              else True)
    if marked and rel not in listed:
        print(f'po/POTFILES.in: misses {rel}, which has translatable strings')
        ok = False

sys.exit(0 if ok else 1)

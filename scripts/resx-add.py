#!/usr/bin/env python3
"""Adds or replaces texts in a Danish/English resource pair: resx-add.py BASE KEY DANISH ENGLISH [KEY DANISH ENGLISH ...].
BASE is the path without the culture, e.g. src/Portal/Resources/SharedResource."""
import sys
from xml.sax.saxutils import escape

def put(path, key, value):
    text = open(path, encoding="utf-8").read()
    entry = f'  <data name="{key}" xml:space="preserve">\n    <value>{escape(value)}</value>\n  </data>\n'
    marker = f'<data name="{key}" '
    if marker in text:
        start = text.index("  " + marker)
        end = text.index("</data>\n", start) + len("</data>\n")
        text = text[:start] + entry + text[end:]
    else:
        text = text.replace("</root>", entry + "</root>")
    open(path, "w", encoding="utf-8").write(text)

base, rest = sys.argv[1], sys.argv[2:]
if len(rest) % 3:
    sys.exit("usage: resx-add.py BASE KEY DANISH ENGLISH [...]")
for i in range(0, len(rest), 3):
    key, da, en = rest[i:i + 3]
    put(base + ".da.resx", key, da)
    put(base + ".en.resx", key, en)

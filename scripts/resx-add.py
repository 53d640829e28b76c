#!/usr/bin/env python3
"""Adds or replaces texts in a Danish/English resource pair: resx-add.py BASE KEY DANISH ENGLISH [KEY DANISH ENGLISH ...].
BASE is the path without the culture, e.g. src/Portal/Resources/SharedResource."""
import sys
from xml.sax.saxutils import escape

EMPTY = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
</root>
"""

def put(path, key, value):
    try:
        text = open(path, encoding="utf-8").read()
    except FileNotFoundError:
        text = EMPTY
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

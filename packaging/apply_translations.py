#!/usr/bin/env python3
"""Fill untranslated entries of a .ts file from a JSON glossary {source: translation}.

    python packaging/apply_translations.py resources/translations/customer_archive_zh_CN.ts \
        resources/translations/zh_CN-glossary.json

The .ts files stay the source of truth (edit them in Qt Linguist); the glossary is a
convenience for adding many strings at once. Entries already translated are left alone.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def main(ts_path: str, glossary_path: str) -> int:
    glossary = json.loads(open(glossary_path, encoding="utf-8").read())
    tree = ET.parse(ts_path)
    filled = missing = 0
    for message in tree.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or (translation.text and translation.get("type") != "unfinished"):
            continue
        if source in glossary:
            translation.text = glossary[source]
            translation.attrib.pop("type", None)
            filled += 1
        else:
            missing += 1
            print(f"untranslated: {source!r}", file=sys.stderr)
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    print(f"{filled} filled, {missing} still untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))

"""Every pattern of every table template set compiles (they are compiled when first searched, not
at import: a bad one must fail here rather than while reading a document)."""
from __future__ import annotations

import re

from yusuan.recognize.tables.templates import TEMPLATE_SETS


def test_every_title_and_column_pattern_compiles():
    patterns = [(ts.name, t.kind.value, p) for ts in TEMPLATE_SETS for t in ts.templates
                for p in (*t.titles, *(c.pattern for c in t.columns), *([t.text_columns] if t.text_columns else []))]
    assert len(patterns) > 300 and {name for name, _, _ in patterns} >= {"national"}
    bad = []
    for name, kind, p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            bad.append(f"{name}/{kind}: {p!r} ({exc})")
    assert bad == []

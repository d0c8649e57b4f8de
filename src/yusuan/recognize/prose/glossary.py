"""名词解释: numbered ``term：definition`` paragraphs.

An entry starts at a numbered paragraph (``一、``, ``（一）``, ``1.``) with a colon; the text after
the first colon is its definition. An unnumbered paragraph continues the entry before it (``六、
财政专户管理资金：`` is followed by its text; a PDF wraps a definition over several lines), so
it is appended without a separator. Unnumbered text before the first entry is left alone.
"""
from __future__ import annotations

import re

from ...model import GlossaryEntry, Section

GLOSSARY_TITLE = "名词解释"
_ENTRY = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}\s*[、.．])"
    r"\s*([^：:。]{1,30})[：:](.*)$"
)


def read_glossary(sections: tuple[Section, ...]) -> tuple[GlossaryEntry, ...]:
    entries: list[GlossaryEntry] = []
    for section in (s for s in sections if GLOSSARY_TITLE in s.title):
        for p in section.paragraphs:
            m = _ENTRY.match(p.text)
            if m:
                entries.append(GlossaryEntry(m.group(1).strip(), m.group(2).strip(), p.provenance))
            elif entries:
                last = entries[-1]
                entries[-1] = GlossaryEntry(last.term, last.definition + p.text.strip(), last.provenance)
    return tuple(entries)

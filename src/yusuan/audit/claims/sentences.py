"""Narrative paragraphs cut into sentences, each keeping its section and its paragraph's provenance.

A sentence ends at 。！？ (full or half width) or at the end of its paragraph; the terminator
stays with the sentence so that wording rules can see truncations such as ``主要原因是。``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ...model import Disclosure, Paragraph, Provenance, Section

_END = re.compile(r"[^。！？!?]*(?:[。！？!?]+|$)")


@dataclass(frozen=True)
class Sentence:
    """One sentence of the narrative, as printed.

    text: the sentence, terminator included, surrounding white space removed.
    section / section_title: the id and title of the section it stands in ("" outside one).
    paragraph: 0-based index of its paragraph within the section; index: its 0-based position
    within the paragraph. provenance: the paragraph's (file, page, line).
    """

    text: str
    section: str
    section_title: str
    provenance: Provenance
    paragraph: int = 0
    index: int = 0

    @property
    def short(self) -> str:
        """The sentence cut to 60 characters, for messages and locations."""
        return self.text if len(self.text) <= 60 else self.text[:59] + "…"


def split_text(text: str) -> list[str]:
    """The sentences of a text: split after 。！？, empty pieces dropped."""
    out = []
    for line in text.splitlines():
        out.extend(m.group(0).strip() for m in _END.finditer(line) if m.group(0).strip())
    return out


def split_paragraph(paragraph: Paragraph, section: Section | None = None, number: int = 0) -> tuple[Sentence, ...]:
    sid, title = (section.id, section.title) if section else ("", "")
    return tuple(
        Sentence(text=t, section=sid, section_title=title, provenance=paragraph.provenance,
                 paragraph=number, index=i)
        for i, t in enumerate(split_text(paragraph.text))
    )


def section_sentences(section: Section) -> tuple[Sentence, ...]:
    from .memo import remembered

    return remembered("sentences", section, lambda: tuple(
        s for n, p in enumerate(section.paragraphs) for s in split_paragraph(p, section, n)))


def sentences(d: Disclosure | Iterable[Section]) -> tuple[Sentence, ...]:
    """Every sentence of the narrative sections, in reading order."""
    secs = d.sections if isinstance(d, Disclosure) else tuple(d)
    return tuple(s for sec in secs for s in section_sentences(sec))

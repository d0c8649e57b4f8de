"""Narrative paragraphs cut into sentences, each keeping its section and its paragraph's provenance.

A sentence ends at 。！？ (full or half width) or at the end of its paragraph; the terminator
stays with the sentence so that wording rules can see truncations such as ``主要原因是。``.
A paragraph that stops inside a sentence (after ，：、；, a full line cut mid-word where a PDF's
wrapped lines were not joined, or a figure whose unit opens the next paragraph, as a PDF prints a
list one item a line: ``合计13649.07`` / ``万元，其中：`` / ``基本支出7666.68万元，占56.17%；``)
carries its sentence on into the next one; a page number between them is stepped over.
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
    out: list[str] = []
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


_OPEN_END = re.compile(r"[，,：:、；;]$")
_UNIT_START = re.compile(r"^(?:万元|亿元|元|%|％)")
_CLOSED_END = re.compile(r"[。！？!?]$")
# A full line that ends without a terminator was wrapped (a caption or a label is shorter).
WRAPPED_LINE = 20
# A page number left between a page's last line and the next page's first (``- 3 -``, ``3``).
_PAGE_NUMBER = re.compile(r"^\s*[-－—]?\s*(?:第\s*)?\d{1,3}\s*(?:页)?\s*[-－—]?\s*$")


def _carries_on(text: str, following: str, length: int | None = None, tabbed: bool | None = None) -> bool:
    """Whether a paragraph ends inside a sentence the next one finishes (not a table row). Only the text's
    last character, its length and whether it holds a tab are looked at (`length`, `tabbed` given by a
    caller joining many lines, so that joining stays linear)."""
    tabbed = "\t" in text if tabbed is None else tabbed
    last = text[-1:]
    if tabbed or "\t" in following or not following or _CLOSED_END.match(last):
        return False
    return (bool(_OPEN_END.match(last)) or (len(text) if length is None else length) >= WRAPPED_LINE
            or (last.isdigit() and bool(_UNIT_START.match(following))))


def section_sentences(section: Section) -> tuple[Sentence, ...]:
    from .memo import remembered

    return remembered("sentences", section, lambda: _sentences(section))


def _sentences(section) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    paras = [(n, p) for n, p in enumerate(section.paragraphs) if not _PAGE_NUMBER.match(p.text)]
    i = 0
    while i < len(paras):
        first, para = paras[i]
        parts = [para.text.strip()]
        tail, length, tabbed = parts[0], len(parts[0]), "\t" in parts[0]  # the joined text's end, kept as it grows
        while i + 1 < len(paras) and _carries_on(tail, nxt := paras[i + 1][1].text.strip(), length, tabbed):
            i += 1
            parts.append(nxt)
            tail, length, tabbed = nxt or tail, length + len(nxt), tabbed or "\t" in nxt
        out.extend(split_paragraph(Paragraph("".join(parts), para.provenance), section, first))
        i += 1
    return tuple(out)


def sentences(d: Disclosure | Iterable[Section]) -> tuple[Sentence, ...]:
    """Every sentence of the narrative sections, in reading order."""
    secs = d.sections if isinstance(d, Disclosure) else tuple(d)
    return tuple(s for sec in secs for s in section_sentences(sec))

"""Narrative paragraphs cut into sentences, each keeping its section and the provenance of its line.

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
from typing import Iterable, Iterator

from ...model import Disclosure, Paragraph, Provenance, Section
from ...model.narrative import printed_at

_END = re.compile(r"[^。！？!?]*(?:[。！？!?]+|$)")
_LINE = re.compile("[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")  # what str.splitlines splits at


@dataclass(frozen=True)
class Sentence:
    """One sentence of the narrative, as printed.

    text: the sentence, terminator included, surrounding white space removed.
    section / section_title: the id and title of the section it stands in ("" outside one).
    paragraph: 0-based index of its paragraph within the section; index: its 0-based position
    within the paragraph. provenance: where the sentence begins (file, page, line): its paragraph's
    line, or a later line of a paragraph cut by a page break. continued: where the sentence's later
    source lines begin (offset in `text`, provenance), for words quoted from further on (`provenance_at`).
    """

    text: str
    section: str
    section_title: str
    provenance: Provenance
    paragraph: int = 0
    index: int = 0
    continued: tuple[tuple[int, Provenance], ...] = ()

    def provenance_at(self, offset: int) -> Provenance:
        """Where the character at `offset` of the sentence is printed."""
        return printed_at(self.provenance, self.continued, offset)

    @property
    def short(self) -> str:
        """The sentence cut to 60 characters, for messages and locations."""
        return self.text if len(self.text) <= 60 else self.text[:59] + "…"


def _spans(text: str) -> Iterator[tuple[int, str]]:
    """Each sentence of a text with the offset where it begins: split after 。！？, empty pieces dropped."""
    for line in _LINE.finditer(text):
        for m in _END.finditer(line.group(0)):
            piece = m.group(0)
            if piece.strip():
                yield line.start() + m.start() + len(piece) - len(piece.lstrip()), piece.strip()


def split_text(text: str) -> list[str]:
    """The sentences of a text: split after 。！？, empty pieces dropped."""
    return [t for _, t in _spans(text)]


def split_paragraph(paragraph: Paragraph, section: Section | None = None, number: int = 0) -> tuple[Sentence, ...]:
    """The paragraph's sentences, each placed on the line where it begins."""
    sid, title = (section.id, section.title) if section else ("", "")
    out = []
    for i, (start, t) in enumerate(_spans(paragraph.text)):
        within = tuple((o - start, p) for o, p in paragraph.continued if start < o < start + len(t))
        out.append(Sentence(text=t, section=sid, section_title=title, provenance=paragraph.provenance_at(start),
                            paragraph=number, index=i, continued=within))
    return tuple(out)


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
        continued = list(_shifted(para, 0))
        while i + 1 < len(paras) and _carries_on(tail, nxt := paras[i + 1][1].text.strip(), length, tabbed):
            i += 1
            continued += [(length, paras[i][1].provenance), *_shifted(paras[i][1], length)]
            parts.append(nxt)
            tail, length, tabbed = nxt or tail, length + len(nxt), tabbed or "\t" in nxt
        out.extend(split_paragraph(Paragraph("".join(parts), para.provenance, tuple(continued)), section, first))
        i += 1
    return tuple(out)


def _shifted(p: Paragraph, by: int) -> Iterator[tuple[int, Provenance]]:
    """The paragraph's later lines, their offsets into its stripped text moved on by `by`."""
    lead = len(p.text) - len(p.text.lstrip())
    return ((by + max(o - lead, 0), prov) for o, prov in p.continued)


def sentences(d: Disclosure | Iterable[Section]) -> tuple[Sentence, ...]:
    """Every sentence of the narrative sections, in reading order."""
    secs = d.sections if isinstance(d, Disclosure) else tuple(d)
    return tuple(s for sec in secs for s in section_sentences(sec))

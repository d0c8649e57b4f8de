"""The narrative's stated figures, section by section.

A share printed without its whole (``其中：基本支出1099.45万元，占24.92%``) is a share of the
enumeration's head: the first amount of its sentence, or else the first amount of its section.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from ...model import Disclosure, Section, Stage
from ...text.folding import fold
from .extract import read_figures
from .final import budget_roles
from .memo import remembered
from .figures import Figures, StatedAmount, StatedChange, StatedCount, StatedShare
from .sentences import section_sentences


@dataclass(frozen=True)
class SectionFigures:
    """The figures of one section, sentence by sentence."""

    section: Section
    sentences: tuple[Figures, ...]

    @property
    def head(self) -> StatedAmount | None:
        """The section's first stated amount: the whole its enumerations divide."""
        return next(self.amounts(), None)

    def amounts(self, key: str | None = None) -> Iterator[StatedAmount]:
        """Stated amounts (not last year's, not inside a reason), optionally of one subject."""
        return (a for f in self.sentences for a in f.amounts
                if a.role == "stated" and (key is None or a.key == key))

    def amount(self, key: str) -> StatedAmount | None:
        return next(self.amounts(key), None)

    @property
    def shares(self) -> tuple[StatedShare, ...]:
        return tuple(s for f in self.sentences for s in f.shares)

    @property
    def changes(self) -> tuple[StatedChange, ...]:
        return tuple(c for f in self.sentences for c in f.changes)

    @property
    def counts(self) -> tuple[StatedCount, ...]:
        return tuple(c for f in self.sentences for c in f.counts)


def section_figures(section: Section, final: bool = False) -> SectionFigures:
    """final: the document is a 决算, whose 年初预算为… figures are the budget it is measured against
    (role ``budget``), not the figures it reports. Read once per section object: every narrative
    rule of an audit asks for the same sections."""
    return remembered(("figures", final), section, lambda: _section_figures(section, final))


def _section_figures(section: Section, final: bool) -> SectionFigures:
    figs = [read_figures(s) for s in section_sentences(section)]
    if final:
        figs = [budget_roles(f) for f in figs]
    head = next((a for f in figs for a in f.amounts if a.role == "stated"), None)
    if head is not None and any(s.of is head for f in figs for s in f.shares):
        head = None  # the section opens with an item that has its own share: no whole is stated
    out = []
    for f in figs:
        shares = tuple(
            replace(s, base=head) if s.base is None and not s.base_text and s.of is not head else s
            for s in f.shares
        )
        out.append(replace(f, shares=shares))
    return SectionFigures(section, tuple(out))


def narrative(d: Disclosure | Iterable[Section]) -> tuple[SectionFigures, ...]:
    """Every section with its figures, in reading order."""
    secs = d.sections if isinstance(d, Disclosure) else tuple(d)
    final = _final(d)
    return tuple(section_figures(s, final) for s in secs)


def find_section(d: Disclosure | Iterable[Section], *words: str) -> SectionFigures | None:
    """The first section whose title holds all the words (folded), with its figures."""
    secs = d.sections if isinstance(d, Disclosure) else tuple(d)
    keys = [fold(w) for w in words]
    for s in secs:
        t = fold(s.title)
        if all(k in t for k in keys):
            return section_figures(s, _final(d))
    return None


def _final(d: object) -> bool:
    return isinstance(d, Disclosure) and d.meta.stage is Stage.FINAL_ACCOUNTS

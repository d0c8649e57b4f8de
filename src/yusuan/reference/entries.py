"""Catalogue entries: one name of one code from one source, the years it holds for, and what
kind of source it is."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .codes import CodeLevel, CodeSystem, level_of, parent_of, system_of


class EntryKind(str, Enum):
    """Where an entry's name comes from, most authoritative first."""

    OFFICIAL = "official"  # a catalogue file the user supplied
    WELL_KNOWN = "well-known"  # the national catalogue as known, with its source named
    PRINTED = "printed"  # as the corpus documents print it, consistently


@dataclass(frozen=True)
class CodeEntry:
    """One name of one code, with where it was read and the years it holds for.

    source: ``mof-recalled`` / ``mof-pattern`` (the national catalogue, see data/README.md),
    ``corpus: …`` (printed consistently by the documents named), or the place in an imported file
    (``catalogue.xlsx#row=12``). first_year / last_year: the budget years the name holds for
    (None: open); a printed entry's years are those it was seen in, evidence rather than bounds.
    """

    system: CodeSystem
    code: str
    name: str
    level: CodeLevel
    parent: str | None
    source: str
    kind: EntryKind
    first_year: int | None = None
    last_year: int | None = None
    note: str = ""

    def holds_in(self, year: int | None) -> bool:
        """True when the name is the catalogue's in `year` (any year for None, and for a printed
        entry, whose years are only where it was seen)."""
        if year is None or self.kind is EntryKind.PRINTED:
            return True
        return (self.first_year is None or self.first_year <= year) and (self.last_year is None or year <= self.last_year)

    @property
    def years(self) -> str:
        """The years in Chinese: ``2019年起``, ``2018年及以前``, ``2018—2020年``, ``各年``; for a printed
        entry the years the documents printed it in (``2024年文件所印``)."""
        first, last = self.first_year, self.last_year
        if self.kind is EntryKind.PRINTED:
            seen = "" if not (first and last) else f"{first}年" if first == last else f"{first}—{last}年"
            return f"{seen}文件所印"
        if first and last:
            return f"{first}年" if first == last else f"{first}—{last}年"
        if first:
            return f"{first}年起"
        return f"{last}年及以前" if last else "各年"


def make_entry(code: str, name: str, source: str, kind: EntryKind, first_year: int | None = None,
               last_year: int | None = None, note: str = "") -> CodeEntry:
    """An entry with system, level and parent derived from the code's digits."""
    return CodeEntry(
        system_of(code), code, name, level_of(code), parent_of(code), source, kind,  # type: ignore[arg-type]
        first_year, last_year, note,
    )

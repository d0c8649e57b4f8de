"""Catalogue entries: one name of one code from one source, with what kind of source it is."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .codes import CodeLevel, CodeSystem, level_of, parent_of, system_of


class EntryKind(str, Enum):
    """Where an entry's name comes from, most authoritative first."""

    OFFICIAL = "official"  # a catalogue file the user supplied
    WELL_KNOWN = "well-known"  # the national catalogue as known, with its source named
    PRINTED = "printed"  # as a disclosure in the corpus printed it




@dataclass(frozen=True)
class CodeEntry:
    """One name of one code, with where it was read.

    source: the file and place (``samples/x.txt#L134``, ``x.pdf#page=5``, ``catalogue.xlsx#row=12``)
    or ``well-known:…`` naming the published catalogue the name is known from.
    year: the budget year of the source, where known. note: free text (verification, variants).
    superseded: an overlaid catalogue (the user's) names this code too, so this entry only
    counts as a variant.
    """

    system: CodeSystem
    code: str
    name: str
    level: CodeLevel
    parent: str | None
    source: str
    kind: EntryKind
    year: int | None = None
    note: str = ""
    superseded: bool = False


def make_entry(
    code: str, name: str, source: str, kind: EntryKind, year: int | None = None, note: str = ""
) -> CodeEntry:
    """An entry with system, level and parent derived from the code's digits."""
    return CodeEntry(
        system_of(code), code, name, level_of(code), parent_of(code), source, kind, year, note  # type: ignore[arg-type]
    )

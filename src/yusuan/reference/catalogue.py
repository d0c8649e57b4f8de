"""A catalogue of classification codes: entries with provenance, looked up by code or by name.

An entry is one name for one code from one source. A code can have several entries: the
official or well-known name, and the names documents printed for it (renamed subjects, local
variants, misprints). The preferred name comes first: official, then well-known, then printed.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum

from .codes import CodeSystem, is_ancestor, parent_of
from .entries import CodeEntry, EntryKind
from .names import fold_name, strip_ordinal

_RANK = {EntryKind.OFFICIAL: 0, EntryKind.WELL_KNOWN: 1, EntryKind.PRINTED: 2}


class NameVerdict(str, Enum):
    MATCH = "match"  # the preferred (official / well-known) name, up to spacing and punctuation
    VARIANT = "variant"  # another name some source gives this code (rename, local variant)
    MISMATCH = "mismatch"  # no source gives this code this name
    UNKNOWN = "unknown"  # the code is not in the catalogue


@dataclass(frozen=True)
class NameCheck:
    """The result of comparing a printed name with the catalogue; true only for a MATCH."""

    code: str
    printed: str
    verdict: NameVerdict
    expected: tuple[str, ...] = ()
    entry: CodeEntry | None = None

    def __bool__(self) -> bool:
        return self.verdict is NameVerdict.MATCH


@dataclass(frozen=True)
class Catalogue:
    """Entries by code. `provenance` names the files the entries came from; `year` the catalogue
    year; `problems` says in Chinese which rows of those files could not be read as entries."""

    entries: tuple[CodeEntry, ...]
    year: int | None = None
    provenance: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    _by_code: dict[str, tuple[CodeEntry, ...]] = field(init=False, repr=False, compare=False)
    _codes: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        grouped: dict[str, list[CodeEntry]] = {}
        support: dict[tuple[str, str], int] = {}
        for entry in self.entries:
            grouped.setdefault(entry.code, []).append(entry)
            key = (entry.code, fold_name(entry.name))
            support[key] = support.get(key, 0) + 1

        def preference(e: CodeEntry) -> tuple[bool, int, int, int]:
            # the user's over the base, official over well-known over printed, then the name
            # more sources give, then the later year
            return (e.superseded, _RANK[e.kind], -support[(e.code, fold_name(e.name))], -(e.year or 0))

        ranked = {c: tuple(sorted(es, key=preference)) for c, es in grouped.items()}
        object.__setattr__(self, "_by_code", ranked)
        object.__setattr__(self, "_codes", tuple(sorted(ranked)))

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def codes(self) -> tuple[str, ...]:
        """Every code the catalogue knows, in code order."""
        return self._codes

    def lookup(self, code: str) -> CodeEntry | None:
        """The preferred entry of a code, None when the catalogue does not know it."""
        found = self._by_code.get(code)
        return found[0] if found else None

    def entries_for(self, code: str) -> tuple[CodeEntry, ...]:
        """Every entry of a code, preferred first."""
        return self._by_code.get(code, ())

    def name(self, code: str) -> str | None:
        entry = self.lookup(code)
        return entry.name if entry else None

    def names_for(self, code: str) -> tuple[str, ...]:
        """The distinct names given to a code, preferred first (names differing only in spacing
        or punctuation count once)."""
        seen: dict[str, str] = {}
        for entry in self.entries_for(code):
            seen.setdefault(fold_name(entry.name), entry.name)
        return tuple(seen.values())

    def children(self, code: str) -> tuple[str, ...]:
        """The codes one level below, in code order."""
        return tuple(c for c in self.codes() if parent_of(c) == code)

    def descendants(self, code: str) -> tuple[str, ...]:
        return tuple(c for c in self.codes() if is_ancestor(code, c))

    def name_matches(self, code: str, printed: str) -> NameCheck:
        """Compare a printed name with the catalogue's, folding spacing/punctuation/width.

        MATCH: the preferred name, or another name an official or well-known entry gives.
        VARIANT: a name only a printed (or superseded) entry gives. MISMATCH: no entry gives it.
        """
        entries = self.entries_for(code)
        if not entries:
            return NameCheck(code, printed, NameVerdict.UNKNOWN)
        expected, key = self.names_for(code), fold_name(printed)
        for entry in entries:
            if fold_name(entry.name) == key:
                preferred = entry is entries[0]  # entries are in preference order
                trusted = not entry.superseded and entry.kind is not EntryKind.PRINTED
                verdict = NameVerdict.MATCH if preferred or trusted else NameVerdict.VARIANT
                return NameCheck(code, printed, verdict, expected, entry)
        return NameCheck(code, printed, NameVerdict.MISMATCH, expected, entries[0])

    def class_code(self, label: str, system: CodeSystem = CodeSystem.FUNCTION) -> str | None:
        """The 类 code for a label as a 收支总表 prints it (``二十二、国有资本经营 预算支出`` → 223)."""
        key = fold_name(strip_ordinal(label))
        for code in self.codes():
            if len(code) == 3 and any(
                e.system is system and fold_name(e.name) == key for e in self.entries_for(code)
            ):
                return code
        return None

    def over(self, base: "Catalogue") -> "Catalogue":
        """This catalogue laid over `base`: where both name a code, this one's entries come first."""
        mine = {e.code for e in self.entries}
        rest = tuple(e for e in base.entries if e.code not in mine)
        shadowed = tuple(replace(e, superseded=True) for e in base.entries if e.code in mine)
        return Catalogue(
            self.entries + rest + shadowed,
            self.year or base.year,
            self.provenance + base.provenance,
            self.problems + base.problems,
        )

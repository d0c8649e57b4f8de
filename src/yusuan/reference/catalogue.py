"""A catalogue of classification codes: dated entries with provenance, looked up by code (and
year) or by name.

An entry is one name for one code from one source, with the budget years it holds for. A code can
have several entries: its names in different years (210 医疗卫生与计划生育支出 to 2018, 卫生健康支出
from 2019), the names the corpus prints consistently, and the user's official list. A document is
judged by the entries that hold in its own year; the user's official list, where it holds, first.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .codes import CodeSystem, is_ancestor, parent_of
from .entries import CodeEntry, EntryKind
from .names import fold_name, strip_ordinal

_RANK = {EntryKind.OFFICIAL: 0, EntryKind.WELL_KNOWN: 1, EntryKind.PRINTED: 2}


class NameVerdict(str, Enum):
    MATCH = "match"  # the catalogue's name in the document's year, up to spacing and punctuation
    VARIANT = "variant"  # another name some source gives this code (local variant, printed widely)
    OTHER_YEAR = "other_year"  # the catalogue's name of this code in other years only (renamed)
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

        def preference(e: CodeEntry) -> tuple[int, int, int]:
            # the user's official list over well-known over printed, then the name more sources
            # give, then the later name
            return (_RANK[e.kind], -support[(e.code, fold_name(e.name))], -(e.first_year or 0))

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

    def lookup(self, code: str, year: int | None = None) -> CodeEntry | None:
        """The preferred entry of a code (in `year`: the name that holds then, else the latest),
        None when the catalogue does not know the code."""
        found = self.entries_for(code, year) or self.entries_for(code)
        return found[0] if found else None

    def knows(self, code: str, year: int | None = None) -> bool:
        """True when the catalogue has the code in `year` (in any year for None)."""
        return bool(self.entries_for(code, year))

    def entries_for(self, code: str, year: int | None = None) -> tuple[CodeEntry, ...]:
        """Every entry of a code (that holds in `year`), preferred first."""
        found = self._by_code.get(code, ())
        return found if year is None else tuple(e for e in found if e.holds_in(year))

    def name(self, code: str, year: int | None = None) -> str | None:
        entry = self.lookup(code, year)
        return entry.name if entry else None

    def names_for(self, code: str, year: int | None = None) -> tuple[str, ...]:
        """The distinct names given to a code (in `year`), preferred first (names differing only
        in spacing or punctuation count once)."""
        seen: dict[str, str] = {}
        for entry in self.entries_for(code, year):
            seen.setdefault(fold_name(entry.name), entry.name)
        return tuple(seen.values())

    def codes_named(self, name: str, parent: str | None, year: int | None = None) -> tuple[str, ...]:
        """The codes under `parent` that bear `name` (in `year`): ``行政运行`` under 20802 → 2080201."""
        key = fold_name(name)
        return tuple(c for c in self.codes() if parent_of(c) == parent
                     and any(fold_name(e.name) == key for e in self.entries_for(c, year)))

    def listing(self, year: int | None = None, system: CodeSystem | None = None) -> tuple[CodeEntry, ...]:
        """The preferred entry of every code known in `year` (of `system`), in code order."""
        found = (self.lookup(c, year) for c in self.codes() if self.knows(c, year))
        return tuple(e for e in found if e is not None and (system is None or e.system is system))

    def children(self, code: str) -> tuple[str, ...]:
        """The codes one level below, in code order."""
        return tuple(c for c in self.codes() if parent_of(c) == code)

    def descendants(self, code: str) -> tuple[str, ...]:
        return tuple(c for c in self.codes() if is_ancestor(code, c))

    def name_matches(self, code: str, printed: str, year: int | None = None) -> NameCheck:
        """Compare a printed name with the catalogue's of the document's `year`, folding
        spacing/punctuation/width.

        MATCH: a name the catalogue gives the code that year. VARIANT: where the user's official
        list holds that year, a name only the bundled catalogue gives. OTHER_YEAR: the code's
        name in other years only (a renamed subject). MISMATCH: no entry gives it.
        """
        every = self.entries_for(code)
        if not every:
            return NameCheck(code, printed, NameVerdict.UNKNOWN)
        entries = self.entries_for(code, year) or every
        expected, key = self.names_for(code, year) or self.names_for(code), self._unqualified(code, printed, year)
        official = any(e.kind is EntryKind.OFFICIAL for e in entries)
        for entry in entries:
            if fold_name(entry.name) == key:
                # the user's official list decides the years it holds for; elsewhere every bundled
                # name (national, or printed consistently by the corpus) is the catalogue's
                trusted = entry.kind is EntryKind.OFFICIAL or not official
                verdict = NameVerdict.MATCH if trusted else NameVerdict.VARIANT
                return NameCheck(code, printed, verdict, expected, entry)
        for entry in every:
            if fold_name(entry.name) == key:
                return NameCheck(code, printed, NameVerdict.OTHER_YEAR, expected, entry)
        return NameCheck(code, printed, NameVerdict.MISMATCH, expected, entries[0])

    def _unqualified(self, code: str, printed: str, year: int | None) -> str:
        """The folded printed name without a qualifier naming its parent, as some cities print the
        generic items: ``行政运行（人力资源和社会保障管理事务）`` is 2080101 行政运行."""
        key, parent = fold_name(printed), parent_of(code) if len(code) > 3 else None
        if parent and printed.rstrip().endswith((")", "）")):
            for name in self.names_for(parent, year) or self.names_for(parent):
                if key.endswith(fold_name(name)) and len(key) > len(fold_name(name)):
                    return key[: -len(fold_name(name))]
        return key

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
        """This catalogue (the user's official list) laid over `base`: in the years its entries
        hold, their names come first and the base's count as variants."""
        return Catalogue(
            self.entries + base.entries,
            self.year or base.year,
            self.provenance + base.provenance,
            self.problems + base.problems,
        )

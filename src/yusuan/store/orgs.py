"""The organisation list in the store, and each department's publication status per year:
published or not (its own and its units'), and what the audit found — the latest version of
each publication counts."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from ..orgs import OrgTree, OrgUnit, match_name
from .org_schema import OrgEntry
from .repository import StoredDocument


def save_tree(store, tree: OrgTree) -> int:
    """Replace the stored list by `tree`; the number of entries kept."""
    with store.sessions.begin() as s:
        s.execute(delete(OrgEntry))
        s.add_all(OrgEntry(department=e.department, unit=e.unit, code=e.code, position=i)
                  for i, e in enumerate(tree.entries))
    return len(tree.entries)


def load_tree(store) -> OrgTree | None:
    with store.sessions() as s:
        rows = s.scalars(select(OrgEntry).order_by(OrgEntry.position)).all()
        return OrgTree(tuple(OrgUnit(r.department, r.unit, r.code) for r in rows)) if rows else None


@dataclass(frozen=True)
class YearStatus:
    """A department in one year: its own publications, its units' and what the audit found."""

    own: tuple[StoredDocument, ...] = ()
    units: dict[str, tuple[StoredDocument, ...]] = field(default_factory=dict)
    units_listed: int = 0

    @property
    def published(self) -> bool:
        return bool(self.own)

    @property
    def docs(self) -> tuple[StoredDocument, ...]:
        return self.own + tuple(d for ds in self.units.values() for d in ds)

    @property
    def errors(self) -> int:
        return sum(d.errors for d in self.docs)

    @property
    def warnings(self) -> int:
        return sum(d.warnings for d in self.docs)


@dataclass(frozen=True)
class Overview:
    years: tuple[int, ...]
    departments: tuple[tuple[str, dict[int, YearStatus]], ...]
    unmatched: tuple[StoredDocument, ...]


def latest(docs: list[StoredDocument]) -> list[StoredDocument]:
    """The newest version of each publication."""
    best: dict[str, StoredDocument] = {}
    for d in docs:
        if d.publication_key not in best or d.version > best[d.publication_key].version:
            best[d.publication_key] = d
    return sorted(best.values(), key=lambda d: (d.organisation, d.year or 0, d.level))


def overview(tree: OrgTree, docs: list[StoredDocument]) -> Overview:
    own: dict[tuple[str, int], list] = defaultdict(list)
    units: dict[tuple[str, int], dict[str, list]] = defaultdict(lambda: defaultdict(list))
    unmatched, years = [], set()
    for d in latest(docs):
        m = match_name(tree, d.organisation)
        if m is None or d.year is None:
            unmatched.append(d)
            continue
        years.add(d.year)
        key = (m.entry.department, d.year)
        (units[key][m.entry.unit].append(d) if m.entry.unit else own[key].append(d))
    ordered = tuple(sorted(years))
    table = tuple((dep, {y: YearStatus(tuple(own[(dep, y)]), {u: tuple(v) for u, v in units[(dep, y)].items()},
                                       len(tree.units_of(dep))) for y in ordered})
                  for dep in tree.departments)
    return Overview(ordered, table, tuple(unmatched))

"""The organisation list in the store, and each department's publication status per year and
stage: what was uploaded (its own and its units'), and what the audit found — the latest version
of each publication counts."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import delete, select

from ..audit.claims.names import same_unit
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


OWN_UNIT = "（本级）"  # a unit-level publication under the department's own name: its 机关 (本级)


@dataclass(frozen=True)
class YearStatus:
    """A department in one year and stage (预算 or 决算): its own publications, its units' (by the
    list's unit name; the department's own 机关 under OWN_UNIT) and what the audit found."""

    own: tuple[StoredDocument, ...] = ()
    units: dict[str, tuple[StoredDocument, ...]] = field(default_factory=dict)
    listed: tuple[str, ...] = ()  # the list's units of the department

    @property
    def published(self) -> bool:
        return bool(self.own)

    @property
    def uploaded(self) -> bool:
        """Anything uploaded for this department, year and stage (its own or a unit's)."""
        return bool(self.own or self.units)

    @property
    def units_listed(self) -> int:
        return len(self.listed)

    @property
    def listed_uploaded(self) -> int:
        """How many of the list's units have a publication here."""
        return sum(u in self.units for u in self.listed)

    @property
    def missing_units(self) -> tuple[str, ...]:
        return tuple(u for u in self.listed if u not in self.units)

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
    columns: tuple[tuple[int, str], ...]  # (year, stage) with anything uploaded, 预算 before 决算
    departments: tuple[tuple[str, dict[tuple[int, str], YearStatus]], ...]
    unmatched: tuple[StoredDocument, ...]

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(dict.fromkeys(y for y, _ in self.columns))


def latest(docs: list[StoredDocument]) -> list[StoredDocument]:
    """The newest version of each publication."""
    best: dict[str, StoredDocument] = {}
    for d in docs:
        if d.publication_key not in best or d.version > best[d.publication_key].version:
            best[d.publication_key] = d
    return sorted(best.values(), key=lambda d: (d.organisation, d.year or 0, d.level))


def place(tree: OrgTree, d: StoredDocument) -> tuple[str, str] | None:
    """(department, unit) of a publication; unit "" for the department's own 部门 publication. A
    单位 publication is a unit's even when it bears the department's name (its 机关, 本级): the
    list's unit of that name, else OWN_UNIT."""
    m = match_name(tree, d.organisation)
    if m is None:
        return None
    dep, unit = m.entry.department, m.entry.unit
    if d.level == "unit" and not unit:
        named = [u for u in tree.units_of(dep) if same_unit(u, d.organisation)]
        unit = named[0] if named else OWN_UNIT
    return dep, unit


def overview(tree: OrgTree, docs: list[StoredDocument]) -> Overview:
    own: dict[tuple, list] = defaultdict(list)
    units: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    unmatched, columns = [], set()
    for d in latest(docs):
        where = place(tree, d)
        if where is None or d.year is None:
            unmatched.append(d)
            continue
        column = (d.year, d.stage)
        columns.add(column)
        dep, unit = where
        (units[(dep, column)][unit].append(d) if unit else own[(dep, column)].append(d))
    ordered = tuple(sorted(columns, key=lambda c: (c[0], c[1] != "budget")))
    table = tuple((dep, {c: YearStatus(tuple(own[(dep, c)]), {u: tuple(v) for u, v in units[(dep, c)].items()},
                                       tree.units_of(dep)) for c in ordered})
                  for dep in tree.departments)
    return Overview(ordered, table, tuple(unmatched))

"""An organisation's page as data: its publications by year and stage (its own and its units'),
and the 部门–单位 reconciliation — each standard table's total in the department beside the sum of
its units' same total, in the department's printed unit. Pure functions over stored records and
disclosures; the audit's cross-document rules (audit.cross) say what is wrong, listed here with
the places in each publication."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from ..audit.findings import Finding, Severity
from ..model import Disclosure, MoneyUnit, TableKind
from ..orgs import OrgTree
from ..recognize.prose.names import same_organisation
from ..report.describe import Names
from ..report.describe import place as describe
from ..store.orgs import latest, place
from ..store.repository import StoredDocument

STAGES = ("budget", "final_accounts")
# not sums of units (三公 and 机关运行经费 are compared item by item by the audit), or not read by kind
NOT_SUMMED = {TableKind.GENERIC, TableKind.THREE_PUBLIC, TableKind.AGENCY_RUNNING, TableKind.THREE_PUBLIC_AND_RUNNING,
              TableKind.PROJECTS, TableKind.PROJECTS_CARRYOVER, TableKind.PROCUREMENT}


@dataclass(frozen=True)
class Publications:
    """The organisation's newest version of each publication, by (year, stage): own and units'."""

    name: str
    columns: tuple[tuple[int, str], ...]
    own: dict[tuple[int, str], tuple[StoredDocument, ...]]
    units: dict[tuple[int, str], tuple[StoredDocument, ...]]
    listed_units: tuple[str, ...]


def publications(name: str, docs: list[StoredDocument], tree: OrgTree | None) -> Publications:
    """Its own publications (the same organisation, any printed form of its name, 部门 level) and its
    units' (by the imported list; without one, 单位 publications under its own name: its 机关)."""
    own: dict[tuple[int, str], list] = defaultdict(list)
    units: dict[tuple[int, str], list] = defaultdict(list)
    department = name
    if tree is not None:
        here = next((dep for dep in tree.departments if same_organisation(dep, name)), None)
        department = here or name
    for d in latest(docs):
        if d.year is None:
            continue
        column = (d.year, d.stage)
        where = place(tree, d) if tree is not None else None
        if where is not None and where[0] == department:
            (units[column] if where[1] else own[column]).append(d)
        elif same_organisation(d.organisation, name):
            (units[column] if d.level == "unit" else own[column]).append(d)
    columns = tuple(sorted(set(own) | set(units), key=lambda c: (-c[0], STAGES.index(c[1]) if c[1] in STAGES else 9)))
    listed = tree.units_of(department) if tree is not None else ()
    return Publications(department, columns, {c: tuple(v) for c, v in own.items()},
                        {c: tuple(v) for c, v in units.items()}, listed)


@dataclass(frozen=True)
class Line:
    """One total of one table: the department's figure, each unit's, their sum and the difference,
    all in the department table's unit; within: the difference is within the printed rounding."""

    table: str
    label: str
    column: str
    department: Decimal
    units: tuple[Decimal | None, ...]
    total: Decimal
    difference: Decimal
    within: bool


def reconciliation(department: Disclosure, units: list[Disclosure]) -> tuple[MoneyUnit | None, list[Line]]:
    """Each total cell the department and every unit print (same table kind, same total row side,
    same column); a unit without the table leaves the line out (its figure is not zero)."""
    lines: list[Line] = []
    for t in department.tables:
        if t.kind in NOT_SUMMED or t is not department.table(t.kind):
            continue
        theirs = [u.table(t.kind) for u in units]
        if not units or any(ut is None for ut in theirs):
            continue
        for r in (r for r in t.rows if r.role.value == "total"):
            for c in t.amount_columns(r.side):
                mine = r.amount(c.key)
                parts = [_amount(ut, r.side, c.key) for ut in theirs]
                if mine is None or any(p is None for p in parts):
                    continue
                found = [p for p in parts if p is not None]
                values = tuple(p.to(t.unit) for p in found)
                slack = sum((p.tolerance * p.unit.in_yuan / t.unit.in_yuan for p in [mine, *found]), Decimal(0))
                total, printed = sum(values, Decimal(0)), mine.to(t.unit)
                lines.append(Line(t.title, r.label, c.label, printed, values, total, printed - total,
                                  abs(printed - total) <= slack))
    first = next((t.unit for t in department.tables if t.kind not in NOT_SUMMED), None)
    return first, lines


def _amount(t, side, column):
    r = t.total_row(side)
    return r.amount(column) if r is not None and t.column(column) is not None else None


@dataclass(frozen=True)
class CrossEntry:
    """One publication checked against its partners: who they are, and the partner rules' findings,
    each with its places (the stored document each place is in, when it is one of the page's)."""

    doc: StoredDocument
    partners: str
    findings: tuple[tuple[Finding, tuple[tuple[StoredDocument | None, str], ...]], ...]


def cross_entries(pairs: list[tuple[StoredDocument, Disclosure]], in_tree=None) -> list[CrossEntry]:
    """The audit's cross-document rules (audit.cross) over the organisation's publications."""
    from ..audit.cross import cross_check, describe_partners

    by_file = {d.source.file: doc for doc, d in pairs}
    out = []
    for r in cross_check([d for _, d in pairs], in_tree=in_tree):
        doc = next(doc for doc, d in pairs if d is r.disclosure)
        names = Names.of(r.disclosure)
        findings = tuple(
            (f, tuple((by_file.get(loc.file or r.disclosure.source.file), describe(loc, names)) for loc in f.locations))
            for f in r.report.findings if f.severity is not Severity.INFO)
        out.append(CrossEntry(doc, describe_partners(r.partners), findings))
    return out

"""Finding a publication's partners among others: the same organisation's publication of the year
before, a department's units (单位) and a unit's department (部门) of the same year, and the 预算 a
决算 accounts for.

An organisation is known by `organisation_id`: the printed name's key (`organisation_key`: 中共江苏省委
办公厅 = 江苏省委办公厅 = 中国共产党江苏省委员会办公厅), so a renamed printing still finds its years. Keys are
compared whole, never by one ending another, and only within one region when both name theirs: a name
never pairs with an unrelated organisation. A unit belongs to a department when the department's
机构设置 lists it, when the organisation tree puts it there (`in_tree`, from orgs.in_tree), or when it is the department's own body
(本部/本级: the same organisation published at unit level).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable, Sequence, TypeVar

from ..model import Disclosure, Level, Stage
from ..text.orgnames import organisation_key
from .claims.names import same_unit

T = TypeVar("T")
# The organisation tree's word on a unit and a department (unit name, department name): orgs.in_tree.
InTree = Callable[[str, str], bool]
_ORDINAL = "0123456789.、．)） "


@dataclass(frozen=True)
class Publication:
    """What partner finding knows of a publication. units: the 单位 its 机构设置 lists."""

    document: str
    organisation: str
    year: int | None
    level: str
    stage: str
    units: tuple[str, ...] = ()
    region: str | None = None

    @classmethod
    def of(cls, d: Disclosure, document: str | None = None) -> "Publication":
        units = tuple(u.name for u in d.organisation.units) if d.organisation else ()
        m = d.meta
        return cls(document if document is not None else d.source.file, m.organisation, m.year, m.level.value,
                   m.stage.value, units, m.region)


def organisation_id(name: str) -> str:
    """The key one organisation's printed names share ("" for no name)."""
    return organisation_key(name or "")


def same_organisation(a: Publication, b: Publication) -> bool:
    """One organisation: the same key, in the same region where both name one."""
    ka = organisation_id(a.organisation)
    return bool(ka) and ka == organisation_id(b.organisation) and (not a.region or not b.region or a.region == b.region)


def listed_name(name: str) -> str:
    """A listed unit without its list number (``1.普陀区司法局本部`` → ``普陀区司法局本部``)."""
    return name.lstrip(_ORDINAL)


def head_name(name: str) -> str:
    """A department's own body named by a listed unit: ``XX本部``, ``XX（本部）``, ``XX机关`` → ``XX``."""
    n = listed_name(name)
    for tail in ("（本部）", "(本部)", "（本级）", "(本级)", "部门本级", "本部", "本级", "机关"):
        if n.endswith(tail) and len(n) > len(tail) + 2:
            return n[: -len(tail)]
    return n


def belongs(unit: Publication, dep: Publication, in_tree: InTree | None = None) -> str | None:
    """How a unit publication belongs to a department publication of the same year and stage:
    ``own`` (the department's own body), ``listed`` (its 机构设置 or the tree lists it), or None."""
    if (unit.level, dep.level) != (Level.UNIT.value, Level.DEPARTMENT.value) or (unit.year, unit.stage) != (dep.year, dep.stage):
        return None
    if unit.region and dep.region and unit.region != dep.region:
        return None
    if same_organisation(unit, dep):
        return "own"
    if any(same_unit(unit.organisation, head_name(n)) or same_unit(unit.organisation, listed_name(n)) for n in dep.units):
        return "listed"
    if in_tree is not None and in_tree(unit.organisation, dep.organisation):
        return "listed"
    return None


def is_previous(before: Publication, after: Publication) -> bool:
    """`before` is the same organisation's publication of the year before (same level and stage)."""
    return (before.year is not None and after.year is not None and before.year == after.year - 1
            and (before.level, before.stage) == (after.level, after.stage) and same_organisation(before, after))


def is_budget_of(budget: Publication, final: Publication) -> bool:
    """`budget` is the 预算 of the year, organisation and level a 决算 accounts for."""
    return (final.stage == Stage.FINAL_ACCOUNTS.value and budget.stage == Stage.BUDGET.value
            and budget.year is not None and budget.year == final.year and budget.level == final.level
            and same_organisation(budget, final))


@dataclass(frozen=True)
class Partners:
    """The publications a cross-document rule reads beside the one audited (any may be missing)."""

    previous: Disclosure | None = None  # the same organisation, the year before
    units: tuple[Disclosure, ...] = ()  # a department's unit publications of the year
    department: Disclosure | None = None  # a unit's department publication of the year
    budget: Disclosure | None = None  # the 预算 a 决算 accounts for

    def __bool__(self) -> bool:
        return any((self.previous, self.units, self.department, self.budget))

    def all(self) -> tuple[Disclosure, ...]:
        return tuple(d for d in (self.previous, *self.units, self.department, self.budget) if d is not None)


def _one(found: Iterable[T]) -> T | None:
    return next(iter(found), None)


def find_partners(d: Disclosure, candidates: Sequence[Disclosure], in_tree: InTree | None = None) -> Partners:
    """`d`'s partners among `candidates` (`d` itself and files with its content are skipped)."""
    me = Publication.of(d)
    others = [(Publication.of(c), c) for c in candidates if c is not d and c.source.sha256 != d.source.sha256]
    return Partners(
        previous=_one(c for p, c in others if is_previous(p, me)),
        units=tuple(c for p, c in others if belongs(p, me, in_tree)),
        department=_one(c for p, c in others if belongs(me, p, in_tree)),
        budget=_one(c for p, c in others if is_budget_of(p, me)),
    )


def chains(pubs: Sequence[Publication]) -> dict[str, tuple[Publication, ...]]:
    """Each organisation's publications (by `organisation_id`), by year, stage and level: the rows of an
    organisation page. A department's own body published as a unit is in its department's chain."""
    out: dict[str, list[Publication]] = {}
    for p in pubs:
        if key := organisation_id(p.organisation):
            out.setdefault(key, []).append(p)
    order = lambda p: (p.year or 0, p.stage != Stage.BUDGET.value, p.level != Level.DEPARTMENT.value, p.document)  # noqa: E731
    return {k: tuple(sorted(v, key=order)) for k, v in sorted(out.items())}

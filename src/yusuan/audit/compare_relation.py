"""What two publications are to each other, which decides what a comparison may say.

Findings "已改正" and "新出现" only make sense between versions of one publication (a first version
and its correction) or the same organisation's consecutive years. A department and its unit are a
部门–单位 comparison: the unit's figures are part of the department's, so nothing is fixed or new
between them. Two unrelated organisations, a 预算 beside a 决算, or years far apart: side by side
figures only. The labels that tell A from B (column headings, a chart's legend) follow the relation.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ..model import Disclosure, Level
from ..text.folding import fold


class Relation(str, Enum):
    VERSIONS = "versions"  # one organisation, year, level and stage: two versions of one publication
    CONSECUTIVE = "consecutive"  # one organisation, level and stage, years one apart
    DEPARTMENT_UNIT = "department_unit"  # a department and a unit
    OTHER = "other"  # unrelated organisations, stages, or years far apart

    @property
    def tracks_findings(self) -> bool:
        """Whether findings can be fixed or new between the two."""
        return self in (Relation.VERSIONS, Relation.CONSECUTIVE)


LEVEL_ZH = {Level.DEPARTMENT: "部门", Level.UNIT: "单位"}
NOTE = {
    Relation.DEPARTMENT_UNIT: "这是部门与单位的比较（部门–单位口径核对：单位的数字是部门数字的一部分），"
                              "只对照数字和说明文字，不比较两者的审核发现。",
    Relation.OTHER: "两份文件不是同一公开文件的两个版本，也不是同一单位相邻两年的公开文件，"
                    "只对照数字和说明文字，不比较两者的审核发现。",
}


@dataclass(frozen=True)
class Pairing:
    relation: Relation
    labels: tuple[str, str]  # what A and B are called in headings and legends; never equal

    @property
    def note(self) -> str:
        return NOTE.get(self.relation, "")


def _same_org(a: Disclosure, b: Disclosure) -> bool:
    oa, ob = fold(a.meta.organisation or ""), fold(b.meta.organisation or "")
    return bool(oa) and oa == ob


def relation(a: Disclosure, b: Disclosure) -> Relation:
    ma, mb = a.meta, b.meta
    if ma.level != mb.level:
        return Relation.DEPARTMENT_UNIT
    if not _same_org(a, b) or ma.stage != mb.stage or ma.year is None or mb.year is None:
        return Relation.OTHER
    if ma.year == mb.year:
        return Relation.VERSIONS
    return Relation.CONSECUTIVE if abs(ma.year - mb.year) == 1 else Relation.OTHER


def _year(d: Disclosure) -> str:
    return f"{d.meta.year}年" if d.meta.year else ""


def labels(a: Disclosure, b: Disclosure, rel: Relation) -> tuple[str, str]:
    """2025年（版本1）/2025年（版本2）; 2024年/2025年; 2025年部门/2025年单位; else the organisations
    (or, where those read alike, the file names)."""
    if rel is Relation.VERSIONS:
        found = (f"{_year(a)}（版本1）", f"{_year(b)}（版本2）")
    elif rel is Relation.DEPARTMENT_UNIT:
        found = (f"{_year(a)}{LEVEL_ZH.get(a.meta.level, '')}", f"{_year(b)}{LEVEL_ZH.get(b.meta.level, '')}")
    elif _same_org(a, b) or not (a.meta.organisation and b.meta.organisation):
        found = (_year(a), _year(b))
    else:
        found = (f"{_year(a)}{a.meta.organisation}", f"{_year(b)}{b.meta.organisation}")
    if found[0] == found[1] or not all(found):
        found = (f"{a.source.file}（A）", f"{b.source.file}（B）")
    return found


def pairing(a: Disclosure, b: Disclosure) -> Pairing:
    rel = relation(a, b)
    return Pairing(rel, labels(a, b, rel))

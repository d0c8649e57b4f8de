"""A publication's organisation name matched to the tree, tolerantly: the same name up to spacing,
punctuation, width, 机关 and a city prefix (阳泉市民政局 = 民政局), or a name close enough."""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from ..audit.claims.names import same_unit, unit_key
from .tree import OrgTree, OrgUnit

SIMILAR_ENOUGH = 0.85


@dataclass(frozen=True)
class Match:
    """entry: the department or unit matched; sureness: same | similar."""

    entry: OrgUnit
    sureness: str


def match_name(tree: OrgTree, name: str) -> Match | None:
    """The entry the name means, or None. A unit named like its department (the department's own
    机关) matches the department; among several similar names the closest wins."""
    if not name.strip():
        return None
    same = [e for e in tree.entries if same_unit(e.name, name)]
    if same:
        return Match(min(same, key=lambda e: (bool(e.unit), len(e.name))), "same")
    key = unit_key(name)
    scored = [(SequenceMatcher(None, unit_key(e.name), key).ratio(), e) for e in tree.entries]
    best = max(scored, key=lambda s: s[0], default=None)
    return Match(best[1], "similar") if best and best[0] >= SIMILAR_ENOUGH else None


def in_tree(tree: OrgTree):
    """(unit name, department name) → whether the tree lists that unit under that department, both
    names matched surely (`audit.partners` asks this of a unit and a department publication)."""

    def says(unit: str, department: str) -> bool:
        d, u = match_name(tree, department), match_name(tree, unit)
        return bool(d and u and d.sureness == u.sureness == "same" and u.entry.unit
                    and u.entry.department == d.entry.department)

    return says

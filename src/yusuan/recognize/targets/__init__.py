"""项目支出绩效目标表 recognition: every form from its title to its footer.

`recognize_targets` finds the forms (`regions`), reads each (`form`: head, `funding`, texts,
goals, the indicator grid in `grid`/`sequence`/`indicators`) and claims every line of every
form, reporting what it could not place. Ids ``pt01`` … follow reading order. `read_forms`
returns the same reading with where each line went, for debugging and tests.
"""
from __future__ import annotations

from ...model import PerformanceTarget
from ..claims import Claim, Context, Lines
from .reading import FormReading, read_forms

__all__ = ["FormReading", "read_forms", "recognize_targets"]


def recognize_targets(lines: Lines, ctx: Context) -> Claim[PerformanceTarget]:
    forms = read_forms(lines, ctx)
    return Claim(
        items=tuple(f.target for f in forms),
        consumed=frozenset(line.line for f in forms for line in f.region.lines),
        issues=tuple(issue for f in forms for issue in f.issues),
    )

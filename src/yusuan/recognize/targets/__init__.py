"""项目支出绩效目标表 recognition: every form from its title to its footer.

`recognize_targets` finds the forms (`regions`), reads each (`form`: head, `funding`, texts,
goals, the indicator grid in `grid`/`sequence`/`indicators`) and claims every line of every
form, reporting what it could not place. Ids ``pt01`` … follow reading order.
"""
from __future__ import annotations

from ...model import IngestIssue, PerformanceTarget
from ..claims import Claim, Context, Lines
from .form import FormReader
from .regions import Region, find_regions

__all__ = ["recognize_targets", "read_region"]


def read_region(region: Region, target_id: str, ctx: Context) -> tuple[PerformanceTarget, list[IngestIssue]]:
    """One form read from its region's lines."""
    reader = FormReader(ctx, target_id)
    for line in region.lines[1:]:
        reader.feed(line)
    return reader.result(region)


def recognize_targets(lines: Lines, ctx: Context) -> Claim[PerformanceTarget]:
    targets: list[PerformanceTarget] = []
    issues: list[IngestIssue] = []
    consumed: set[int] = set()
    for n, region in enumerate(find_regions(lines), start=1):
        target, found = read_region(region, f"pt{n:02d}", ctx)
        targets.append(target)
        issues.extend(found)
        consumed.update(line.line for line in region.lines)
    return Claim(items=tuple(targets), consumed=frozenset(consumed), issues=tuple(issues))

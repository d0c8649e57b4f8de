"""项目支出绩效目标表 recognition (stub, being written)."""
from __future__ import annotations

from ...model import PerformanceTarget
from ..claims import Claim, Context, Lines


def recognize_targets(lines: Lines, ctx: Context) -> Claim[PerformanceTarget]:
    return Claim()

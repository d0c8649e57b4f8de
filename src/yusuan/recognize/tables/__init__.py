"""Table recognition: titles and header meaning to typed tables (stub, being written)."""
from __future__ import annotations

from ...model import Table
from ..claims import Claim, Context, Lines


def recognize_tables(lines: Lines, ctx: Context) -> Claim[Table]:
    return Claim()

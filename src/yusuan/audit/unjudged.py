"""Findings the audit must not make: sums over cells whose values the file does not hold.

A workbook written by a program may keep formulas without their results (公式无缓存值); the XLSX reader
reads such cells as empty and says so, sheet by sheet (read.formula_no_cache). A sum or a comparison
touching a table of such a sheet would report the missing value as a zero ("应为2万元，实为0万元"), so
the amount rules' findings pointing there are left out: the reader's note is what the user sees.
"""
from __future__ import annotations

from ..model import Disclosure
from .findings import Finding

FORMULA_NO_CACHE = "read.formula_no_cache"  # the note sources/xlsx.py writes on such a sheet

# Rules that compare amounts (sums within a table, figures across tables and with the text).
AMOUNT_RULES = ("arith.", "cross.", "final.", "narrative.", "across.")


def unjudged_places(d: Disclosure) -> frozenset[tuple[str | None, int | None]]:
    """(file, page) of every sheet holding formulas without values."""
    return frozenset((i.provenance.file or None, i.provenance.page) for i in d.issues if i.code == FORMULA_NO_CACHE)


def judged(findings: list[Finding], d: Disclosure) -> list[Finding]:
    """The findings, less the amount rules' ones that point at a sheet whose formulas hold no values."""
    places = unjudged_places(d)
    if not places:
        return findings
    return [f for f in findings if not (f.rule.startswith(AMOUNT_RULES)
                                        and any((loc.file, loc.page) in places for loc in f.locations))]

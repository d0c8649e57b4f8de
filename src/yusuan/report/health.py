"""The reading-health of a document: how much of it the reader understood, as plain numbers.

No hand labels are needed: a table is *typed* when it got a national or regional kind, an amount
cell is *parsed* when its text became a Decimal, a number-looking text cell is one that looks like
an amount but was kept as text, a table's *identities hold* when no arithmetic rule raises an error
on it. A table the reader shows by its own words to be no budget table (a 绩效自评表, a 目录:
Table.not_budget) is counted apart, not as one it failed to type, and its figures are not amounts;
nor are the figures of a column whose header names a count (数量). Run over a whole corpus before and after a change to the reader, this is how generality is
measured (`yusuan health DIR`).
"""
from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Iterable

from ..audit.reading import ARITH_RULES  # the tables' own identities, as the audit names them
from ..model import Disclosure, TableKind

# A cell that reads like an amount (1,234.56 / -5 / 0.00), whatever column it sits in.
NUMBER_LIKE = re.compile(r"^[-−]?\d{1,3}(,\d{3})+(\.\d+)?$|^[-−]?\d+\.\d+$")


class _Shares:
    """The two shares a reading is judged by, of one document or of the corpus summed."""

    tables: int
    typed: int
    amounts: int
    number_text: int

    @property
    def typed_share(self) -> float:
        return self.typed / self.tables if self.tables else 1.0

    @property
    def parsed_share(self) -> float:
        cells = self.amounts + self.number_text
        return self.amounts / cells if cells else 1.0


@dataclass(frozen=True)
class DocumentHealth(_Shares):
    """One document's reading, counted. `status`: ok, incomplete (exit 3) or the input error's code."""

    file: str
    status: str
    pages: int = 0
    ms: float = 0.0
    tables: int = 0
    typed: int = 0
    kinds: tuple[str, ...] = ()  # the typed kinds, in reading order (page:kind)
    amounts: int = 0
    number_text: int = 0  # number-looking cells kept as text
    not_budget: int = 0  # tables that are no budget tables (绩效表, 目录), not counted in `tables`
    unplaced_lines: int = 0
    tables_checked: int = 0
    identities_hold: int = 0
    organisation: str = ""
    year: int | None = None
    stage: str = ""
    level: str = ""
    template: str = ""
    message: str = ""
    errors: int = 0
    warnings: int = 0


def _arith_failures(report) -> set[str]:
    return {loc.table for f in report.errors if f.rule.startswith(ARITH_RULES)
            for loc in f.locations if loc.table}


def measure(d: Disclosure, ms: float, report=None, status: str = "ok") -> DocumentHealth:
    """The counts of one read document (`report`: its audit, for identities and finding counts)."""
    amounts = number_text = 0
    budget = [t for t in d.tables if not t.not_budget]
    for t in budget:
        counts = {c.key for c in t.columns if c.counts}
        for r in t.rows:
            for v in r.values:
                if v.amount is not None:
                    amounts += 1
                elif NUMBER_LIKE.match(v.text.strip()) and v.column not in counts:
                    number_text += 1
    typed = [t for t in budget if t.kind is not TableKind.GENERIC]
    with_amounts = [t for t in typed if any(v.amount is not None for r in t.rows for v in r.values)]
    failing = _arith_failures(report) if report is not None else set()
    return DocumentHealth(
        file=d.source.file, status=status, pages=d.source.pages or 0, ms=ms,
        tables=len(budget), typed=len(typed), not_budget=len(d.tables) - len(budget),
        kinds=tuple(f"{t.provenance.page or 0}:{t.kind.value}" for t in d.tables),
        amounts=amounts, number_text=number_text,
        unplaced_lines=sum(1 for i in d.issues if i.code == "ingest.unplaced_line"),
        tables_checked=len(with_amounts), identities_hold=sum(1 for t in with_amounts if t.id not in failing),
        organisation=d.meta.organisation, year=d.meta.year, stage=d.meta.stage.value, level=d.meta.level.value,
        template=d.meta.template,
        errors=len(report.errors) if report is not None else 0,
        warnings=len(report.warnings) if report is not None else 0,
    )


@dataclass(frozen=True)
class CorpusHealth(_Shares):
    """The corpus summed: the figures a change to the reader is judged by."""

    documents: int
    read: int
    tables: int
    typed: int
    amounts: int
    number_text: int
    not_budget: int
    tables_checked: int
    identities_hold: int
    with_organisation: int
    with_year: int
    errors: int
    median_ms_per_page: float
    statuses: dict[str, int] = field(default_factory=dict)


def summarise(rows: Iterable[DocumentHealth]) -> CorpusHealth:
    rows = list(rows)
    read = [r for r in rows if r.status in ("ok", "incomplete")]
    per_page = [r.ms / r.pages for r in read if r.pages]
    statuses: dict[str, int] = {}
    for r in rows:
        statuses[r.status] = statuses.get(r.status, 0) + 1
    return CorpusHealth(
        documents=len(rows), read=len(read), tables=sum(r.tables for r in read), typed=sum(r.typed for r in read),
        amounts=sum(r.amounts for r in read), number_text=sum(r.number_text for r in read),
        not_budget=sum(r.not_budget for r in read),
        tables_checked=sum(r.tables_checked for r in read), identities_hold=sum(r.identities_hold for r in read),
        with_organisation=sum(1 for r in read if r.organisation), with_year=sum(1 for r in read if r.year),
        errors=sum(r.errors for r in read),
        median_ms_per_page=round(statistics.median(per_page), 2) if per_page else 0.0, statuses=statuses,
    )

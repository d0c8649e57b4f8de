"""The researcher's long table: one organisation's figures over the years.

A row per organisation (`organisation_id`, the key its printed names share across renames), year,
stage, level, table kind, row (classification code, else the folded row name) and column, with the
amount as exact decimal text and its unit. It is a view of amounts.csv: the first table of each kind
in a publication (a continuation or a second table of a kind is in amounts.csv), and the first
printing of a (row, column) in it; the generic tables, whose kind says nothing, are left out."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..audit.partners import organisation_id
from ..audit.tablekit import key
from .job import FileResult

GENERIC = "generic"


def series_rows(r: FileResult, name: str, amounts: Iterable[dict]) -> Iterator[dict]:
    """The series rows of one publication, from its amount rows (`records.amount_records`)."""
    org = organisation_id(r.organisation)
    first: dict[str, str] = {}
    seen: set[tuple[str, str, str]] = set()
    for a in amounts:
        kind = a["table_kind"]
        if kind == GENERIC or first.setdefault(kind, a["table_id"]) != a["table_id"]:
            continue
        row = a["code"] or key(a["label"] or "")
        if not row or (kind, row, a["column_key"]) in seen:
            continue
        seen.add((kind, row, a["column_key"]))
        yield {"organisation_id": org, "organisation": r.organisation, "year": r.year, "stage": r.stage,
               "level": r.level, "table_kind": kind, "row_key": row, "code": a["code"], "label": a["label"],
               "column_key": a["column_key"], "amount": a["amount"], "unit": a["unit"], "yuan_fen": a["yuan_fen"],
               "document": name}

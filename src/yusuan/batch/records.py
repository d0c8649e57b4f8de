"""Flat rows of a batch's results: one per document, per printed amount and per finding.

Amount rows reuse the store's flattening (`store.amounts.amount_rows`), so the files and the
database say the same thing; every amount stays exact decimal text."""
from __future__ import annotations

from typing import Iterator

from ..model import Disclosure
from ..store.amounts import amount_rows
from .job import FileResult


def document_key(r: FileResult, name: str) -> dict:
    return {"document": name, "sha256": r.sha256, "organisation": r.organisation, "year": r.year,
            "level": r.level, "stage": r.stage}


def document_row(r: FileResult, name: str) -> dict:
    return {**document_key(r, name), "size": r.size, "status": r.status, "exit_code": r.exit_code,
            "error_code": r.error_code, "message": r.message.split("\n", 1)[0], "template": r.template,
            "incomplete": r.incomplete, "errors": r.errors, "warnings": r.warnings, "infos": r.infos}


def amount_records(d: Disclosure) -> Iterator[dict]:
    """The amount rows of one disclosure (without the document's columns)."""
    titles = {t.id: t.title for t in d.tables}
    labels = {(t.id, c.key): c.label for t in d.tables for c in t.columns}
    for a in amount_rows(d):
        yield {"table_id": a["table_id"], "table_kind": a["table_kind"], "table_title": titles[a["table_id"]],
               "row_index": a["row_index"], "code": a["code"], "label": a["label"], "column_key": a["column_key"],
               "column_label": labels.get((a["table_id"], a["column_key"]), ""), "amount": a["value_text"],
               "unit": a["unit"], "yuan_fen": a["yuan_fen"], "page": a["page"], "line": a["line"]}


def finding_records(r: FileResult, name: str, report: dict) -> Iterator[dict]:
    key = document_key(r, name)
    for f in report.get("findings", []):
        loc = (f.get("location") or [{}])[0]
        yield {**key, "rule": f["rule"], "severity": f["severity"], "message": f["message"],
               "fingerprint": f["fingerprint"], "accepted": bool(f.get("accepted")), "table_id": loc.get("table"),
               "table_title": loc.get("table_title"), "code": loc.get("code"), "row_label": loc.get("row_label"),
               "column_key": loc.get("column"), "section": loc.get("section"), "target": loc.get("target"),
               "page": loc.get("page"), "line": loc.get("line"),
               **{k: f.get(k) for k in ("expected", "actual", "difference", "tolerance")}}


def with_document(r: FileResult, name: str, rows: list[dict]) -> Iterator[dict]:
    key = document_key(r, name)
    return ({**key, **row} for row in rows)

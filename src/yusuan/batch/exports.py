"""The open files of a batch: documents, amounts, findings, the organisations' series (CSV + Parquet),
pairs and the datapackage.json that describes them. Rows are in a fixed order (documents by path,
then as read; the cross-document findings after the others, by publication), so the files are the
same bytes whichever runner produced the results and in whatever order."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from .across import cross_findings
from .columns import AMOUNTS, DOCUMENTS, FINDINGS, PAIRS, SERIES
from .datapackage import write_datapackage
from .job import FileResult
from ..orgs import in_tree
from .pairs import Published, pairs
from .records import document_row, finding_records, with_document
from .series import series_rows
from .state import BatchState
from .writers import RowsWriter, parquet_available


def display_names(paths: list[str]) -> dict[str, str]:
    """Each path relative to the folder all of them are in (POSIX separators)."""
    if not paths:
        return {}
    root = os.path.commonpath([os.path.dirname(p) for p in paths])
    return {p: Path(os.path.relpath(p, root)).as_posix() for p in paths}


def batch_results(state: BatchState, files: list[tuple[Path, str]]) -> list[FileResult]:
    """This batch's files' results (one per content, under its first path), in path order."""
    first: dict[str, str] = {}
    for p, sha in files:
        first.setdefault(sha, str(p))
    return sorted((replace(state.results[sha], path=p) for sha, p in first.items() if sha in state.results),
                  key=lambda r: (r.path, r.sha256))


def export_all(state: BatchState, files: list[tuple[Path, str]], options) -> tuple[list[FileResult], list[Path]]:
    results = batch_results(state, files)
    names = display_names([r.path for r in results])
    parquet = options.parquet and parquet_available()
    out = state.out
    published = [Published(names[r.path], r.organisation, r.year, r.level, r.stage, r.units) for r in results if r.read]
    tree = None
    if options.orgs:
        from ..orgs import load_tree

        tree = load_tree(options.orgs)
    pair_rows = pairs(published, tree)
    with RowsWriter(out, "documents", DOCUMENTS, parquet) as docs, \
            RowsWriter(out, "amounts", AMOUNTS, parquet) as amounts, \
            RowsWriter(out, "series", SERIES, parquet) as series, \
            RowsWriter(out, "findings", FINDINGS, parquet) as findings:
        for r in results:
            name = names[r.path]
            docs.write([document_row(r, name)])
            if not r.read:
                continue
            rows = json.loads(state.text(r, "amounts_json") or "[]")
            amounts.write(with_document(r, name, rows))
            series.write(series_rows(r, name, rows))
            findings.write(finding_records(r, name, json.loads(state.text(r, "report_json") or "{}")))
        findings.write(cross_findings(state, results, names, pair_rows, in_tree(tree) if tree is not None else None))
        written = [*docs.paths, *amounts.paths, *series.paths, *findings.paths]
    with RowsWriter(out, "pairs", PAIRS, parquet=False) as pw:
        pw.write(pair_rows)
    written += [*pw.paths, write_datapackage(out, parquet)]
    return results, written

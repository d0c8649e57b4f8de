"""The open files of a batch: documents, amounts, findings (CSV + Parquet), pairs and the
datapackage.json that describes them. Rows are in a fixed order (documents by path, then as read),
so the files are the same bytes whichever runner produced the results and in whatever order."""
from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

from .columns import AMOUNTS, DOCUMENTS, FINDINGS, PAIRS
from .datapackage import write_datapackage
from .job import FileResult
from .pairs import Published, pairs
from .records import document_row, finding_records, with_document
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
    published: list[Published] = []
    with RowsWriter(out, "documents", DOCUMENTS, parquet) as docs, \
            RowsWriter(out, "amounts", AMOUNTS, parquet) as amounts, \
            RowsWriter(out, "findings", FINDINGS, parquet) as findings:
        for r in results:
            name = names[r.path]
            docs.write([document_row(r, name)])
            if not r.read:
                continue
            amounts.write(with_document(r, name, json.loads(state.text(r, "amounts_json") or "[]")))
            findings.write(finding_records(r, name, json.loads(state.text(r, "report_json") or "{}")))
            published.append(Published(name, r.organisation, r.year, r.level, r.stage, r.units))
        written = [*docs.paths, *amounts.paths, *findings.paths]
    tree = None
    if options.orgs:
        from ..orgs import load_tree

        tree = load_tree(options.orgs)
    with RowsWriter(out, "pairs", PAIRS, parquet=False) as pw:
        pw.write(pairs(published, tree))
    written += [*pw.paths, write_datapackage(out, parquet)]
    return results, written

"""The batch's cross-document pass: after every file is read, the publications that have partners
(pairs.csv) are loaded from the output folder, halves of one publication joined, and the partner
rules run on each (`audit.cross.cross_check`). Their findings join findings.csv under the file the
finding's first location is in."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..audit.cross import cross_check
from ..errors import InputError
from ..ingest import disclosure_from_json
from ..report.json_report import report_to_json
from .job import FileResult
from .records import finding_records
from .state import BatchState


def _pool(docs):
    from ..recognize.join import group_parts, join_parts

    out = []
    for group in group_parts(docs):
        try:
            out.append(join_parts(group))
        except InputError:
            out.extend(group)
    return out


def cross_findings(state: BatchState, results: list[FileResult], names: dict[str, str], pair_rows: list[dict],
                   in_tree=None) -> Iterator[dict]:
    """findings.csv rows of the partner rules, for the publications `pair_rows` relates."""
    related = {n for p in pair_rows for n in (p["a_document"], p["b_document"])}
    chosen = [r for r in results if r.read and names[r.path] in related]
    by_file = {Path(r.path).name: r for r in chosen}
    docs = [disclosure_from_json(state.text(r, "disclosure_json")) for r in chosen]
    for res in cross_check(_pool(docs), in_tree=in_tree):
        data = report_to_json(res.report, res.disclosure)
        for f in data.get("findings", []):
            first = (f.get("location") or [{}])[0].get("file") or ""
            r = by_file.get(first) or by_file.get(res.disclosure.source.file.split(" + ")[0])
            if r is not None:
                yield from finding_records(r, names[r.path], {"findings": [dict(f, accepted=f["fingerprint"] in _accepted(r))]})


def _accepted(r: FileResult) -> frozenset[str]:
    """The fingerprints the file's sidecar accepts (as `yusuan audit` reads them)."""
    from ..errors import YusuanError
    from ..report.acceptance import load_accepted, sidecar_path

    try:
        return frozenset(load_accepted(sidecar_path(Path(r.path))))
    except YusuanError:
        return frozenset()

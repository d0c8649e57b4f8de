"""The audit report as JSON data: one serialiser, documented in docs/report.schema.json.

Decimals travel as strings (the codec's rule), so ``"0.01"`` comes back as Decimal("0.01") exactly.
Each finding carries its fingerprint and whether it was accepted; `report_from_json` rebuilds the
Report (fingerprints are recomputed from the findings; an accepted one that no longer matches any
finding simply accepts nothing).
"""
from __future__ import annotations

import json
from typing import Any

from ..audit import Finding, Report
from ..model import Disclosure
from ..serialize.codec import from_data, to_data
from .describe import Names, place
from .notes import note_groups

FORMAT = "yusuan.audit-report"
VERSION = 1


def report_to_json(report: Report, disclosure: Disclosure | None = None) -> dict[str, Any]:
    """The report as JSON-able data; with the disclosure, locations also carry printed names."""
    names = Names.of(disclosure)
    return {
        "format": FORMAT,
        "version": VERSION,
        "document": to_data(report.meta),
        "source": to_data(report.source),
        "summary": dict(report.summary),
        "outcomes": [to_data(o) for o in report.outcomes],
        "findings": [_finding(f, report, names) for f in report.findings],
        "reading_notes": [{"code": g.code, "severity": g.severity.value, "count": len(g.findings),
                           "message": g.message} for g in note_groups(report.findings)],
    }


def dumps(report: Report, disclosure: Disclosure | None = None, *, indent: int | None = 2) -> str:
    return json.dumps(report_to_json(report, disclosure), ensure_ascii=False, indent=indent)


def _finding(f: Finding, report: Report, names: Names) -> dict[str, Any]:
    data = to_data(f)
    data["location"] = [dict(to_data(loc), description=place(loc, names)) for loc in f.locations]
    del data["locations"]
    data["severity_zh"] = f.severity.zh
    data["fingerprint"] = f.fingerprint
    data["accepted"] = f.fingerprint in report.accepted
    return data


def report_from_json(data: dict[str, Any]) -> Report:
    """The Report a `report_to_json` document holds (summary and descriptions are derived data)."""
    if data.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} document")
    findings = [dict(f, locations=f["location"]) for f in data["findings"]]
    accepted = [f["fingerprint"] for f in data["findings"] if f.get("accepted")]
    return from_data(Report, {
        "meta": data["document"], "source": data["source"], "findings": findings,
        "outcomes": data["outcomes"], "accepted": accepted,
    })

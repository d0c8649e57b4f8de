"""JSON output: valid against docs/report.schema.json, Decimals exact as strings, loadable back."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from report_sample import sample

from yusuan.report import dumps, report_from_json, report_to_json

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "report.schema.json").read_text("utf-8"))


def _validate(data) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)


def test_output_validates_against_the_documented_schema():
    d, report = sample()
    _validate(json.loads(dumps(report, d)))
    _validate(report_to_json(report))  # without the disclosure too


def test_schema_rejects_a_float_amount():
    d, report = sample()
    data = report_to_json(report, d)
    data["findings"][0]["expected"] = 2895.75
    with pytest.raises(jsonschema.ValidationError):
        _validate(data)


def test_finding_fields_and_decimals_as_strings():
    d, report = sample(frozenset())
    f = json.loads(dumps(report, d))["findings"][0]
    assert (f["rule"], f["severity"], f["unit"]) == ("arith.column_total", "error", "万元")
    assert (f["expected"], f["actual"], f["difference"], f["tolerance"]) == ("2895.75", "2895.74", "-0.01", "0.005")
    assert f["location"][0]["table"] == "t02" and f["location"][0]["column"] == "total"
    assert f["location"][0]["description"] == "《2025年预算收入总表》“合计”行“本年收入/合计”列（第200行）"
    assert f["fingerprint"] == report.findings[0].fingerprint and f["accepted"] is False


def test_round_trip_keeps_decimals_exactly_and_acceptances():
    d, report = sample()
    accepted = report.findings[1].fingerprint
    _, report = sample(frozenset({accepted}))
    back = report_from_json(json.loads(dumps(report, d)))
    assert back.findings == report.findings
    assert back.findings[1].tolerance == Decimal("0.030") and str(back.findings[1].tolerance) == "0.030"
    assert back.accepted == frozenset({accepted})
    assert back.summary == report.summary and back.meta == report.meta and back.outcomes == report.outcomes


def test_summary_counts_exclude_accepted():
    d, report = sample()
    _, report = sample(frozenset({report.findings[0].fingerprint}))
    s = report_to_json(report, d)["summary"]
    assert (s["error"], s["warning"], s["info"], s["accepted"]) == (1, 3, 1, 1)
    assert (s["ran"], s["not_applicable"], s["crashed"]) == (5, 1, 0)


def test_reading_notes_grouped_by_kind_with_a_count():
    import json
    from dataclasses import replace

    from report_sample import sample

    from yusuan.audit import Finding, Location, Severity
    from yusuan.report import dumps

    d, report = sample()
    notes = tuple(Finding("ingest.issue", Severity.WARNING, f"第{i}行未能归位。（ingest.unplaced_line）",
                          (Location(line=900 + i),)) for i in range(3))
    data = json.loads(dumps(replace(report, findings=report.findings + notes), d))
    grouped = [n for n in data["reading_notes"] if n["code"] == "ingest.unplaced_line"]
    assert grouped == [{"code": "ingest.unplaced_line", "severity": "warning", "count": 3, "message": "第0行未能归位。"}]
    assert len([f for f in data["findings"] if f["rule"] == "ingest.issue"]) >= 3  # the findings stay

"""Regression: in the Shanghai combined 三公/机关运行经费 table, 机关运行经费 has its own column;
the table's `total` is the 三公 合计 (the rule once compared 213.28 with 867.50)."""
from pathlib import Path

from yusuan.audit.runner import audit
from yusuan.ingest import read_disclosure

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "putuo-govoffice-2025-dept-budget.pdf"


def test_agency_running_sentence_is_checked_against_its_own_column():
    report = audit(read_disclosure(PDF), only={"narrative.agency_running"})
    assert [o.status for o in report.outcomes] == ["ran"]
    assert [f for f in report.findings if f.severity.value == "error"] == []

"""A 决算 uploads, lists and shows like a budget: its tables, findings and page."""
from __future__ import annotations

from pathlib import Path

FINAL = Path(__file__).resolve().parents[2] / "samples" / "final" / "putuo-socialwork-2024-final.pdf"


def test_a_final_accounts_document_is_stored_and_shown(api):
    r = api.post("/api/documents", files={"files": (FINAL.name, FINAL.read_bytes(), "application/pdf")})
    assert r.status_code == 201, r.text
    doc = r.json()["documents"][0]
    assert doc["organisation"] == "中共上海市普陀区委社会工作部" and doc["year"] == 2024
    disclosure = api.get(f"/api/documents/{doc['id']}/disclosure").json()["disclosure"]
    assert disclosure["meta"]["stage"] == "final_accounts" and disclosure["meta"]["template"] == "shanghai-final-9"
    assert len(disclosure["tables"]) == 9
    findings = api.get(f"/api/documents/{doc['id']}/findings").json()["findings"]
    assert any(f["rule"] == "narrative.share_recomputed" for f in findings)
    page = api.get(f"/documents/{doc['id']}")
    assert page.status_code == 200
    assert "中共上海市普陀区委社会工作部" in page.text and "收入支出决算总表" in page.text

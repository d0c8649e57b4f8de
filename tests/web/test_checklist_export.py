"""The checklist exported from the web: the 普陀区 layout for a Shanghai document, with 问题截图
cut from the uploaded PDF."""
import io
from pathlib import Path

import openpyxl

PDF = Path(__file__).resolve().parents[2] / "samples" / "checklists" / "putuo-justice-2026-unit-budget.pdf"


def test_checklist_export_in_the_bureaus_layout_with_screenshots(api):
    r = api.post("/api/documents", files={"files": (PDF.name, PDF.read_bytes(), "application/pdf")})
    doc = r.json()["documents"][0]["id"]
    got = api.get(f"/api/documents/{doc}/export", params={"what": "checklist.xlsx"})
    assert got.status_code == 200
    ws = openpyxl.load_workbook(io.BytesIO(got.content)).worksheets[0]
    assert ws.title == "2026年单位预算" and ws["A1"].value == "2026年度普陀区单位预算公开情况检查表"
    failed = {r for r in range(6, 24) if ws.cell(r, 4).value == "否"}
    assert failed and {img.anchor._from.row + 1 for img in ws._images} == failed

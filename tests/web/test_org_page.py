"""An organisation's page: its publications by year and stage, and the 部门–单位 reconciliation.
The 区府办's 2025 部门预算 consolidates one budget unit, its 本部 (the 单位预算 under the
department's own name; the 交流服务中心 is 并入本部): every total agrees with the unit's; a planted
change of 100.00元 in the unit's 收入预算总表 shows as that difference."""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from yusuan.ingest import read_disclosure
from yusuan.model import TableKind
from yusuan.web.org_view import reconciliation

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf"
OFFICE = "上海市普陀区人民政府办公室"


def test_the_page_lists_publications_and_reconciles_the_department_with_its_unit(api):
    for name in ("putuo-govoffice-2025-dept-budget.pdf", "putuo-govoffice-2025-unit-budget.pdf", "putuo-wanli-2025-dept-budget.pdf"):
        api.post("/api/documents", files={"files": (name, (PDF / name).read_bytes(), "application/pdf")})
    page = api.get("/organisation", params={"name": OFFICE}).text
    assert '<tr data-column="2025-budget">' in page and "万里" not in page
    table = page.split('class="grid recon"')[1]
    assert table.count('<tr class="ok">') >= 10 and '<tr class="off">' not in table
    assert "91,016,775.35" in table  # the 收入总计 of both, in 元
    assert "跨文件核对：所属单位 2025年单位预算（上海市普陀区人民政府办公室）" in page
    assert api.get("/organisation", params={"name": "没有这个单位"}).status_code == 404
    assert 'href="/organisation?name=' in api.get("/documents/1").text


def plant(d, kind: TableKind, delta: Decimal):
    """The publication with `delta` added to the first amount of the table's total row."""
    t = d.table(kind)
    total = t.total_row()
    v = next(v for v in total.values if v.amount is not None)
    new_v = dataclasses.replace(v, amount=dataclasses.replace(v.amount, value=v.amount.value + delta))
    new_row = dataclasses.replace(total, values=tuple(new_v if x is v else x for x in total.values))
    new_t = dataclasses.replace(t, rows=tuple(new_row if r is total else r for r in t.rows))
    return dataclasses.replace(d, tables=tuple(new_t if x is t else x for x in d.tables)), t.title, v.column


def test_a_planted_difference_shows_with_its_arithmetic():
    dept = read_disclosure(PDF / "putuo-govoffice-2025-dept-budget.pdf")
    unit = read_disclosure(PDF / "putuo-govoffice-2025-unit-budget.pdf")
    shown_in, lines = reconciliation(dept, [unit])
    assert shown_in.value == "元" and lines and all(line.within for line in lines)
    changed, title, column = plant(unit, TableKind.INCOME_SUMMARY, Decimal("100.00"))
    _, lines = reconciliation(dept, [changed])
    off = [line for line in lines if not line.within]
    assert len(off) == 1 and off[0].table == dept.table(TableKind.INCOME_SUMMARY).title and "收入预算总表" in title
    # 部门 91,016,775.35 − 单位 (91,016,775.35 + 100.00) = −100.00 元
    assert off[0].department == Decimal("91016775.35") and off[0].total == Decimal("91016875.35")
    assert off[0].difference == Decimal("-100.00")


def stored(doc_id: int, d):
    from datetime import datetime

    from yusuan.store.repository import StoredDocument

    m = d.meta
    return StoredDocument(doc_id, d.source.sha256, d.source.file, "pdf", 1, datetime(2026, 12, 6), "", 1,
                          m.organisation, m.year, m.level.value, m.stage.value, m.template, 0, 0, 0)


def test_the_cross_document_findings_point_into_both_publications():
    """The planted 100.00元 in the unit's 收入预算总表: the audit's 部门 = Σ 单位 rule fires on the
    department's page entry, with a place in each publication; the real pair has no finding."""
    from yusuan.web.org_view import cross_entries

    dept = read_disclosure(PDF / "putuo-govoffice-2025-dept-budget.pdf")
    unit = read_disclosure(PDF / "putuo-govoffice-2025-unit-budget.pdf")
    real = cross_entries([(stored(1, dept), dept), (stored(2, unit), unit)])
    assert [e.doc.id for e in real] == [1, 2] and "所属单位 2025年单位预算" in real[0].partners
    assert all(not e.findings for e in real)
    changed, _, _ = plant(unit, TableKind.INCOME_SUMMARY, Decimal("100.00"))
    entries = cross_entries([(stored(1, dept), dept), (stored(2, changed), changed)])
    (f, places), *_ = [(f, p) for f, p in entries[0].findings if f.rule == "across.unit_table_sums"]
    assert {doc.id for doc, _ in places if doc} == {1, 2} and "收入预算总表" in f.message

"""Every output on the reference document's real audit: valid, linked, and faithful to the print."""
from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from rich.console import Console
from html_page import page as _page

from yusuan.audit import audit
from yusuan.report import dumps, render_checklist, render_html, render_text
from yusuan.report.checklist_place import Placer

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "docs" / "report.schema.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def report(reference):
    return audit(reference)


@pytest.fixture(scope="module")
def html(report, reference):
    return render_html(report, reference)


def test_json_of_the_reference_audit_validates(report, reference):
    data = json.loads(dumps(report, reference))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert len(data["findings"]) == len(report.findings) and len(data["outcomes"]) == len(report.outcomes)


def test_html_links_all_resolve_and_cells_show_the_printed_text(html, reference):
    page = _page(html)
    assert page.external == []
    assert set(page.hrefs) <= set(page.ids), sorted(set(page.hrefs) - set(page.ids))[:5]
    # amounts exactly as printed, including the extraction's "4411. 49" in the expenditure table
    expenditure = next(t for t in reference.tables if t.kind.value == "expenditure_summary")
    total = expenditure.total_row()
    printed = total.text("total")
    assert re.search(rf'<td id="{expenditure.id}-r{total.index}-total" class="amount[^"]*">{re.escape(printed)}', html)


def test_every_cell_finding_marks_its_cell(report, html):
    page = _page(html)
    for f in report.findings:
        for loc in f.locations:
            if loc.table and loc.row is not None and loc.column:
                cell = page.ids.get(f"{loc.table}-r{loc.row}-{loc.column}")
                assert cell is not None and "mark-" in cell["class"], (f.rule, loc)


def test_checklist_of_the_reference(report, reference, tmp_path):
    path = tmp_path / "检查表.xlsx"
    render_checklist(report, reference, path)
    rows = list(openpyxl.load_workbook(path)["公开情况检查表"].iter_rows(min_row=4, values_only=True))
    titles = [r[1] for r in rows]
    assert len([t for t in titles if re.match(r"表\d+：", t)]) == 13
    assert titles[-2:] == ["项目说明/绩效目标表", "其他问题"]
    # the 机关运行经费 section's findings sit on its row, whatever rule found them
    placer = Placer(reference)
    running = reference.section("机关运行经费")
    for f in report.findings:
        if any(loc.section == running.id for loc in f.locations) and f.rule.startswith("narrative"):
            assert placer.item_for(f) == "n.running"
    verdicts = {r[1]: r[3] for r in rows}
    assert set(verdicts.values()) <= {"是", "否"}


def test_text_of_the_reference(report, reference):
    console = Console(record=True, width=160, color_system=None)
    render_text(report, console, disclosure=reference)
    out = console.export_text()
    s = report.summary
    assert f"错误 {s['error']} 条，警告 {s['warning']} 条，提示 {s['info']} 条" in out

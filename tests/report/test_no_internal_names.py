"""No internal name in any Chinese text people read: rule ids (code.known_code), section ids (s5.1-2),
template names (shanghai-9, generic), note codes (read.text_clipped), version tags (v1). Every catalog
entry's title, and the text and HTML reports of real documents with every finding shown."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

from yusuan.audit import audit, default_catalog
from yusuan.ingest import read_disclosure
from yusuan.report.html import render_html
from yusuan.report.text import render_text
from yusuan.templates import TEMPLATES

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
DOCUMENTS = ("checklists/putuo-justice-2026-dept-budget.pdf", "pdf/putuo-welfare-home-2024-unit-budget.pdf",
             "final/putuo-planning-2024-final.pdf", "yangquan-civil-affairs-2025-dept-budget.txt")

RULE_ID = re.compile(r"(?<![-A-Za-z0-9_])(?:arith|cross|narrative|target|complete|wording|code|org|final|review|ingest|read|audit)"
                     r"\.[a-z_]+\b")
SECTION_ID = re.compile(r"(?<![A-Za-z0-9])s\d+(?:\.\d+)*(?:-\d+)?(?![A-Za-z0-9])")
VERSION = re.compile(r"(?<![A-Za-z0-9.])v\d+(?![A-Za-z0-9])")
TEMPLATE = re.compile("|".join(re.escape(n) for n in TEMPLATES))


def internal_names(text: str) -> list[str]:
    return [m.group(0) for p in (RULE_ID, SECTION_ID, VERSION, TEMPLATE) for m in p.finditer(text)]


class _Visible(HTMLParser):
    """The text a reader sees (and hover titles), not markup, styles, scripts or anchors."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("style", "script")
        self.parts += [v for k, v in attrs if k == "title" and v]

    def handle_endtag(self, tag):
        self._hidden -= tag in ("style", "script")

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def test_the_patterns_catch_what_they_are_for():
    found = internal_names("科目编码在目录中 code.known_code；“s5.1-2”部分；模板：shanghai-9；generic；v1；（read.text_clipped）")
    assert found == ["code.known_code", "read.text_clipped", "s5.1-2", "v1", "shanghai-9", "generic"]
    assert internal_names("2025年度，预算数3.5万元，第12页。") == []


def test_every_catalog_title_is_free_of_internal_names():
    for r in default_catalog():
        assert internal_names(r.title) == [], (r.id, r.title)


@pytest.fixture(scope="module", params=DOCUMENTS)
def audited(request):
    d = read_disclosure(SAMPLES / request.param)
    return d, audit(d)


def test_the_text_report_names_no_internal_names(audited):
    d, report = audited
    console = Console(record=True, width=200, color_system=None)
    render_text(report, console, disclosure=d, show_all=True)
    text = console.export_text()
    assert report.findings and internal_names(text) == []


def test_the_html_report_names_no_internal_names(audited):
    d, report = audited
    page = _Visible()
    page.feed(render_html(report, d))
    assert internal_names("\n".join(page.parts)) == []


def test_the_reviewers_checklist_names_no_internal_names(audited, tmp_path):
    import openpyxl

    from yusuan.report.checklist import render_checklist

    d, report = audited
    render_checklist(report, d, tmp_path / "检查表.xlsx")
    book = openpyxl.load_workbook(tmp_path / "检查表.xlsx")
    cells = [str(v) for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v]
    assert internal_names("\n".join(cells)) == []

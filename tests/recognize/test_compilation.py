"""A file holding several publications (a department's budget followed by its units', a county's 汇编) is
read as each publication on its own pages, never as one: read as one, the units' tables were checked
against the department's text (35 false errors on the Putuo pair below). The files are bound together
here, at test time, from the bundled Putuo PDFs (pypdf), as a compiler would bind them.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfWriter

from tests.cli_inprocess import run_cli
from yusuan.audit import audit
from yusuan.ingest import read_disclosure, read_publications

ROOT = Path(__file__).resolve().parents[2]
PUTUO = ROOT / "samples" / "pdf"
DEPARTMENT = PUTUO / "putuo-govoffice-2025-dept-budget.pdf"
UNIT = PUTUO / "putuo-govoffice-2025-unit-budget.pdf"
WELFARE = PUTUO / "putuo-welfare-home-2024-unit-budget.pdf"


def bound(tmp_path: Path, *files: Path) -> Path:
    writer = PdfWriter()
    for f in files:
        writer.append(str(f))
    out = tmp_path / "汇编.pdf"
    with out.open("wb") as fh:
        writer.write(fh)
    return out


def summary(d) -> tuple:
    return d.meta.organisation, d.meta.year, d.meta.level, tuple(t.kind for t in d.tables)


def errors(d) -> list[str]:
    return sorted(f.message for f in audit(d).errors)


def test_each_publication_of_a_bound_file_reads_as_its_own_file(tmp_path):
    path = bound(tmp_path, DEPARTMENT, UNIT, WELFARE)
    parts = read_publications(path)
    originals = [read_disclosure(f) for f in (DEPARTMENT, UNIT, WELFARE)]
    assert [summary(p) for p in parts] == [summary(o) for o in originals]
    # the second part starts at its own cover: page 23 of the bound file (the department's file has 22)
    assert min(s.provenance.page for s in parts[1].sections) == 23
    assert [errors(p) for p in parts] == [errors(o) for o in originals]


def test_read_as_one_the_first_publication_is_given_with_the_others_named(tmp_path):
    d = read_disclosure(bound(tmp_path, DEPARTMENT, WELFARE))
    assert summary(d) == summary(read_disclosure(DEPARTMENT))
    note = next(i for i in d.issues if i.code == "ingest.several_publications")
    assert "2 份" in note.message and "第1–22页" in note.message and "上海市普陀区社会福利院" in note.message
    assert errors(d) == []  # the welfare home's 2024 tables are not checked against the 2025 department


def test_audit_writes_a_report_for_each_publication(tmp_path, monkeypatch, capsys):
    out = tmp_path / "报告.json"
    code, printed = run_cli(["audit", str(bound(tmp_path, DEPARTMENT, WELFARE)), "-f", "json", "-o", str(out)],
                            monkeypatch, capsys)
    reports = [json.loads((tmp_path / f"报告-{n}.json").read_text(encoding="utf-8")) for n in (1, 2)]
    assert [r["document"]["organisation"] for r in reports] == ["上海市普陀区人民政府办公室", "上海市普陀区社会福利院"]
    assert code == 1  # the welfare home's own errors (as when it is checked alone)


@pytest.mark.parametrize("path", sorted(PUTUO.glob("*.pdf")) + sorted((ROOT / "samples" / "cities").glob("*.pdf"))
                         + sorted((ROOT / "samples" / "jiangsu").glob("*.pdf")), ids=lambda p: p.name)
def test_a_file_of_one_publication_is_never_cut(path):
    assert len(read_publications(path)) == 1


def test_batch_health_and_the_web_upload_read_the_first_publication_and_name_the_others(tmp_path):
    from yusuan.batch.job import Job, run_job
    from yusuan.report.health_run import health_of_file
    from yusuan.web.reading import read_file

    path = bound(tmp_path, DEPARTMENT, WELFARE)
    alone = run_job(Job(str(DEPARTMENT), DEPARTMENT.read_bytes()))
    batched = run_job(Job(str(path), path.read_bytes()))
    assert (batched.organisation, batched.year, batched.errors) == (alone.organisation, alone.year, alone.errors) \
        == ("上海市普陀区人民政府办公室", 2025, 0)
    assert "ingest.several_publications" in batched.report_json
    health = health_of_file(str(path))
    assert (health.organisation, health.errors) == ("上海市普陀区人民政府办公室", 0)
    uploaded, _ = read_file(path.name, path.read_bytes(), 300)
    assert "ingest.several_publications" in [i.code for i in uploaded.issues]


def _tables(*kinds_pages):
    from yusuan.model import MoneyUnit, Provenance, Table

    return [Table(id=f"t{n:02d}", kind=k, title=k.title_zh, unit=MoneyUnit.WAN_YUAN, columns=(), rows=(),
                  provenance=Provenance(file="a.pdf", page=p)) for n, (k, p) in enumerate(kinds_pages, 1)]


def _page(page: int, *texts: str):
    from yusuan.sources.raw import RawLine

    return [RawLine(cells=(t,), line=page * 100 + i, page=page) for i, t in enumerate(texts)]


def test_tables_printed_again_with_no_cover_between_are_one_publication():
    from yusuan.model import TableKind as K
    from yusuan.recognize.compilation import publication_starts

    kinds = (K.INCOME_EXPENDITURE_SUMMARY, K.INCOME_SUMMARY, K.EXPENDITURE_SUMMARY, K.FISCAL_SUMMARY,
             K.GENERAL_EXPENDITURE)
    tables = _tables(*((k, 3 + i) for i, k in enumerate(kinds)), *((k, 10 + i) for i, k in enumerate(kinds)))
    # a summary of the tables in the 说明, then “第二部分 2025年度部门预算表” and the tables themselves
    part_title = _page(9, "第二部分", "上海市普陀区人民政府办公室2025年度部门预算表")
    assert publication_starts(tables, part_title) == []
    # the same, with a publication's cover between: a second publication begins there
    cover = _page(9, "上海市普陀区社会福利院", "2024年单位预算", "2024年2月")
    assert publication_starts(tables, cover) == [9]

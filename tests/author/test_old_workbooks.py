"""The built workbook re-saved by LibreOffice in the old Excel format (.xls, BIFF8) and in OpenDocument
(.ods), as counties publish them: read through the same sheet reader as the XLSX, with the same tables
and amounts, printed exactly as the XLSX prints them (the number formats read from the .xls's records
and the .ods's content.xml); what calamine does not give for an .ods (merged cells) is a 读取提示."""
from __future__ import annotations

import pytest
from soffice import convert, needs_soffice

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.render import render
from yusuan.sources.old_books import MERGES_UNKNOWN

pytestmark = needs_soffice


@pytest.fixture(scope="module")
def workbook(compiled, tmp_path_factory):
    return render(compiled, ["xlsx"], tmp_path_factory.mktemp("old-books"))[0]


def amounts(table) -> list[tuple]:
    """Each row's side, code, label, role and values, amounts as printed (72.40, not 72.4)."""
    return sorted((r.side or "", r.code or "", r.label, r.role.value,
                   tuple((v.column, str(v.amount.value) if v.amount else v.text) for v in r.values)) for r in table.rows)


@pytest.mark.parametrize("fmt, notes", [("xls", set()), ("ods", {MERGES_UNKNOWN})])
def test_resaved_workbook_reads_as_the_xlsx(workbook, tmp_path, fmt, notes):
    want = read_disclosure(workbook)
    path = convert(workbook, fmt, tmp_path)
    back = read_disclosure(path)
    assert back.source.format == fmt
    assert {i.code for i in back.issues if i.severity == "warning"} == notes
    assert [t.kind for t in back.tables] == [t.kind for t in want.tables]
    for got, table in zip(back.tables, want.tables):
        assert got.unit is table.unit, table.kind.title_zh
        assert amounts(got) == amounts(table), table.kind.title_zh
    assert [f.rule for f in audit(back).findings if f.severity.value == "error"] == []

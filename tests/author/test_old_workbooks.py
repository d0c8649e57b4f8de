"""The built workbook re-saved by LibreOffice in the old Excel format (.xls, BIFF8) and in OpenDocument
(.ods), as counties publish them: read through the same sheet reader as the XLSX, with the same tables
and amounts — an .xls printed exactly as the XLSX (its number formats read from its records); what an
.ods does not tell us (number formats, merged cells) is a 读取提示."""
from __future__ import annotations

import pytest
from soffice import convert, needs_soffice

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.render import render
from yusuan.sources.old_books import MERGES_UNKNOWN, NUMBER_FORMATS_UNKNOWN

pytestmark = needs_soffice


@pytest.fixture(scope="module")
def workbook(compiled, tmp_path_factory):
    return render(compiled, ["xlsx"], tmp_path_factory.mktemp("old-books"))[0]


def amounts(table, printed: bool) -> list[tuple]:
    """Each row's side, code, label, role and values: amounts as printed, or as exact values where the
    number formats are unknown (an .ods's 72.40 reads 72.4)."""
    return sorted((r.side or "", r.code or "", r.label, r.role.value,
                   tuple((v.column, (str(v.amount.value) if printed else v.amount.value) if v.amount else v.text)
                         for v in r.values)) for r in table.rows)


@pytest.mark.parametrize("fmt, notes", [("xls", set()), ("ods", {NUMBER_FORMATS_UNKNOWN, MERGES_UNKNOWN})])
def test_resaved_workbook_reads_as_the_xlsx(workbook, tmp_path, fmt, notes):
    want = read_disclosure(workbook)
    path = convert(workbook, fmt, tmp_path)
    back = read_disclosure(path)
    assert back.source.format == fmt
    assert {i.code for i in back.issues if i.severity == "warning"} == notes
    assert [t.kind for t in back.tables] == [t.kind for t in want.tables]
    for got, table in zip(back.tables, want.tables):
        assert got.unit is table.unit, table.kind.title_zh
        assert amounts(got, not notes) == amounts(table, not notes), table.kind.title_zh
    assert [f.rule for f in audit(back).findings if f.severity.value == "error"] == []

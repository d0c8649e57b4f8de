"""The built workbook re-saved by LibreOffice in the old Excel format (.xls, BIFF8) and in OpenDocument
(.ods), as counties publish them: read through the same sheet reader as the XLSX, with the same tables
and amounts, printed exactly as the XLSX prints them: the number formats calamine does not give are read
from the .xls's records and the .ods's content.xml (with the .ods's merged cells), so every line is the
XLSX's line and no 读取提示 is left."""
from __future__ import annotations

import pytest
from soffice import convert, needs_soffice

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.render import render
from yusuan.sources.detect import read_source

pytestmark = needs_soffice


@pytest.fixture(scope="module")
def workbook(compiled, tmp_path_factory):
    return render(compiled, ["xlsx"], tmp_path_factory.mktemp("old-books"))[0]


def amounts(table) -> list[tuple]:
    """Each row's side, code, label, role and values, amounts as printed (72.40, not 72.4)."""
    return sorted((r.side or "", r.code or "", r.label, r.role.value,
                   tuple((v.column, str(v.amount.value) if v.amount else v.text) for v in r.values)) for r in table.rows)


@pytest.mark.parametrize("fmt", ["xls", "ods"])
def test_resaved_workbook_reads_as_the_xlsx(workbook, tmp_path, fmt):
    want = read_disclosure(workbook)
    path = convert(workbook, fmt, tmp_path)
    raw = read_source(path)
    assert raw.format == fmt and raw.notes == ()
    assert [ln.cells for ln in raw.lines] == [ln.cells for ln in read_source(workbook).lines]
    back = read_disclosure(path)
    assert [i.code for i in back.issues if i.severity == "warning"] == []
    assert [t.kind for t in back.tables] == [t.kind for t in want.tables]
    for got, table in zip(back.tables, want.tables):
        assert got.unit is table.unit, table.kind.title_zh
        assert amounts(got) == amounts(table), table.kind.title_zh
    assert [f.rule for f in audit(back).findings if f.severity.value == "error"] == []

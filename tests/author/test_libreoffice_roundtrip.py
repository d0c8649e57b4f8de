"""The bundled budget book written by `yusuan build`, then printed to PDF by LibreOffice (Calc for the
workbook, Writer for the document), as many counties publish their disclosure: read back, it has the
same tables and amounts as the file it was printed from, and the audit finds no error in it."""
from __future__ import annotations

import pytest
from soffice import convert, needs_soffice
from test_build_roundtrip import read_back

from yusuan.audit import audit
from yusuan.render import render

pytestmark = needs_soffice


@pytest.fixture(scope="module")
def built(compiled, tmp_path_factory):
    out = tmp_path_factory.mktemp("lo-built")
    return {p.suffix: p for p in render(compiled, ["xlsx", "docx"], out)}


def _errors(disclosure) -> list[str]:
    return [f.rule for f in audit(disclosure).findings if f.severity.value == "error"]


def test_calc_pdf_of_the_built_workbook_reads_as_the_workbook(compiled, built, tmp_path):
    back = read_back(compiled, convert(built[".xlsx"], "pdf", tmp_path))
    assert _errors(back) == []



def test_writer_pdf_of_the_built_document_reads_as_the_document(compiled, built, tmp_path):
    back = read_back(compiled, convert(built[".docx"], "pdf", tmp_path))
    assert [t.funding_year.total for t in back.targets] == [t.funding_year.total for t in compiled.targets]
    assert _errors(back) == []

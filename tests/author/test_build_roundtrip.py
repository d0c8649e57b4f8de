"""Build → read back: the compiled sample written as XLSX, DOCX and PDF and read again with the
project's own readers says the same numbers, table by table."""
from pathlib import Path

import pytest

from yusuan.ingest import read_disclosure
from yusuan.render import render

SAMPLE_BOOK = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples" / "yangquan-2025"


def numbers(table) -> list[tuple]:
    """Each row's side, code, label, role and printed values. Sorted: a two-sided table's rows are
    interleaved line by line when read back, where the compiler lists each side in turn."""
    return sorted((r.side or "", r.code or "", r.label, r.role.value,
                   tuple((v.column, str(v.amount.value) if v.amount else v.text) for v in r.values))
                  for r in table.rows)


def read_back(compiled, path: Path):
    """The written file read again: no reading warning, and every table of `compiled` in it with
    the same unit and numbers."""
    back = read_disclosure(path)
    got = {t.kind: t for t in back.tables}
    assert [i.code for i in back.issues if i.severity == "warning"] == []
    for want in compiled.tables:
        assert want.kind in got, f"{want.kind.title_zh} not read back from {path.suffix}"
        assert got[want.kind].unit is want.unit, f"{want.kind.title_zh} unit in {path.suffix}"
        assert numbers(got[want.kind]) == numbers(want), f"{want.kind.title_zh} differs in {path.suffix}"
    return back


@pytest.fixture(scope="module")
def written(compiled, tmp_path_factory):
    out = tmp_path_factory.mktemp("built")
    return {p.suffix: p for p in render(compiled, ["xlsx", "docx", "pdf"], out)}


@pytest.mark.parametrize("suffix", [".xlsx", ".docx", ".pdf"])
def test_built_files_read_back_with_the_same_numbers(compiled, written, suffix):
    back = read_back(compiled, written[suffix])
    if suffix != ".xlsx":  # the workbook carries the tables only; the documents carry the forms too
        assert len(back.targets) == len(compiled.targets)
        assert [t.funding_year.total for t in back.targets] == [t.funding_year.total for t in compiled.targets]

"""A long table costs time in proportion to its length (issue 11: a 10,000-row table took 51 s).

Not timed (the machine's load varies): the work is counted as Python function calls, which grew
about 7× from 300 to 1,200 rows while rows' 款/项/leaves were found by scanning every row, and
grows less than 4× (linear) now. Times are in bench/bench_audit_rows.py.
"""
from __future__ import annotations

import cProfile
import importlib.util
import pstats
from pathlib import Path

import pytest

from yusuan.audit.runner import audit
from yusuan.audit.tablekit import children, leaves
from yusuan.model import TableKind
from yusuan.recognize.pipeline import recognize
from yusuan.sources.text import read_text

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_audit_rows.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_audit_rows", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def long_disclosure(shape: str, rows: int):
    """The reference with its 一般公共预算支出表 grown to `rows` rows (unique codes, or its own rows repeated)."""
    return recognize(read_text(Path(f"{shape}.txt"), data=_bench().document(shape, rows)))


def calls(shape: str, rows: int) -> int:
    profile = cProfile.Profile()
    profile.enable()
    audit(long_disclosure(shape, rows))
    profile.disable()
    return pstats.Stats(profile).total_calls


@pytest.mark.parametrize("shape", ["unique", "repeated"])
def test_reading_and_auditing_grow_linearly_with_the_table(shape):
    assert calls(shape, 1200) < 4 * calls(shape, 300)


def test_a_table_printed_twice_sums_each_copy_on_its_own():
    d = long_disclosure("repeated", 2 * 31)  # the 31 code rows of the reference's table, twice
    t = d.table(TableKind.GENERAL_EXPENDITURE)
    first, second = [r for r in t.rows if r.code == "208"]
    assert [r.code for r in children(t, first)] == ["20802", "20805", "20810", "20811", "20820"]
    assert children(t, second) == [r for r in t.rows[t.rows.index(second):] if r.code and len(r.code) == 5
                                   and r.code.startswith("208")]
    report = audit(d, only={"arith.class_sum", "arith.section_sum"})
    assert report.errors == ()


def test_leaves_of_a_total_are_the_rows_no_other_code_extends():
    d = long_disclosure("unique", 101)  # one 类, 10 款 of 9 项
    t = d.table(TableKind.GENERAL_EXPENDITURE)
    total = t.total_row()
    assert [r.code for r in leaves(t, total, "total")] == [r.code for r in t.rows if r.code and len(r.code) == 7]
    section = next(r for r in t.rows if r.code == "20101")
    assert [r.code for r in leaves(t, section, "total")] == [f"20101{i:02d}" for i in range(1, 10)]
    assert leaves(t, next(r for r in t.rows if r.code == "2010101"), "total") == []

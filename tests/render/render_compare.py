"""Comparing what two disclosures say, table by table (for the round-trip tests)."""
from __future__ import annotations


def numbers(table) -> list[tuple]:
    """What a table says, row by row: side, code, label, role and each printed value (amounts exact)."""
    return [
        (r.side, r.code, r.label, r.role.value,
         tuple((v.column, v.amount.value if v.amount else v.text) for v in r.values))
        for r in table.rows
    ]


def assert_same_tables(expected, actual) -> None:
    """Every table read back says the same as the text form: kind, title, entity, unit, headers, rows."""
    assert [t.kind for t in actual.tables] == [t.kind for t in expected.tables]
    for want, got in zip(expected.tables, actual.tables):
        assert (got.title, got.entity, got.unit, got.caption) == (want.title, want.entity, want.unit, want.caption), want.id
        assert [(c.key, c.label, c.side) for c in got.columns] == [(c.key, c.label, c.side) for c in want.columns], want.id
        assert numbers(got) == numbers(want), want.id


def funding(f) -> tuple:
    """One funding column as printed: total, the standard sources, then each other source by its label."""
    return (f.total, f.sources(), tuple((line.label, line.amount) for line in f.lines))


def assert_same_target_funding_and_dates(expected, actual) -> None:
    """Every form read back has the same 实施期/年度 funding (other-label lines too) and 填报日期."""
    assert len(actual.targets) == len(expected.targets)
    for want, got in zip(expected.targets, actual.targets):
        assert funding(got.funding_period) == funding(want.funding_period), want.id
        assert funding(got.funding_year) == funding(want.funding_year), want.id
        assert got.filled_on == want.filled_on, want.id
    # The reference prints them: pt14's five sources under their own labels, a date on every form but pt01.
    pt14 = next(t for t in actual.targets if t.id == "pt14")
    assert [line.label for line in pt14.funding_year.lines] == [
        "财政拨款", "其他小类财政拨款", "财政专户收入", "其他(非)财政专户", "债券(债务)"]
    assert sum(1 for t in actual.targets if t.filled_on) == len(actual.targets) - 1

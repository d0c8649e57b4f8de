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

"""Every printed amount of a disclosure as flat rows, exact: Decimal text plus integer 分."""
from __future__ import annotations

from decimal import Decimal

from ..model import Amount, Disclosure, MoneyUnit

FEN_PER_YUAN = Decimal(100)
MAX_FEN = 2**63 - 1  # BIGINT: a larger amount (a misprint of 45 digits) keeps only its exact text


def yuan_fen(a: Amount) -> int | None:
    """The amount in integer 分, or None if it has finer precision than 分 (never rounded) or does not
    fit the column."""
    fen = a.to(MoneyUnit.YUAN) * FEN_PER_YUAN
    if fen != fen.to_integral_value() or abs(fen) > MAX_FEN:
        return None
    return int(fen)


def amount_rows(d: Disclosure) -> list[dict]:
    rows = []
    for t in d.tables:
        for r in t.rows:
            for v in r.values:
                if v.amount is None:
                    continue
                rows.append({
                    "table_id": t.id, "table_kind": t.kind.value, "row_index": r.index, "code": r.code,
                    "label": r.label[:500], "column_key": v.column, "value_text": format(v.amount.value, "f"),
                    "unit": v.amount.unit.value, "yuan_fen": yuan_fen(v.amount),
                    "line": v.provenance.line, "page": v.provenance.page,
                })
    return rows

"""Every printed amount of a disclosure as flat rows, exact: Decimal text plus integer 分."""
from __future__ import annotations

from decimal import Decimal

from ..model import Amount, Disclosure, MoneyUnit

FEN_PER_YUAN = Decimal(100)


def yuan_fen(a: Amount) -> int | None:
    """The amount in integer 分, or None if it has finer precision than 分 (never rounded)."""
    fen = a.to(MoneyUnit.YUAN) * FEN_PER_YUAN
    return int(fen) if fen == fen.to_integral_value() else None


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

"""决算 comparisons with last year: ``与 2023 年度相比，收入支出总计增加 1062.85 万元，增长 12.08%``."""
from __future__ import annotations

import re

from ...model import Amount, MoneyUnit
from ...text.folding import fold
from ..catalog import rule
from ..claims import narrative
from ..claims.checks import against_amount, at, check_percent
from ..compare import fmt
from ..final_kit import EX, row_named
from ..findings import Severity
from ..stage import require_final
from ..tablekit import K, cell

W = MoneyUnit.WAN_YUAN
# What the sentence compares, and the cell that prints it (this year's and, in last year's 决算, last year's).
SUBJECTS = (
    (r"财政拨款收入支出总计$", K.FISCAL_SUMMARY, ("总计",), EX, "total"),
    (r"收入支出总计$", K.INCOME_EXPENDITURE_SUMMARY, ("总计",), EX, "total"),
    (r"一般公共预算财政拨款支出$", K.GENERAL_EXPENDITURE, ("合计",), None, "total"),
    (r"三公.?经费(财政拨款)?支出(决算数?)?$", K.THREE_PUBLIC, None, None, "total"),
)
_AFTER_COMPARED = re.compile(r"(?:与\s*\d{4}\s*年度?相比|与上年相比|比上年)[，,]?\s*(?P<subject>[^，,。；]*?)\s*$")
_BEFORE_COMPARED = re.compile(r"(?P<subject>[^，,。；：:]*?)\s*比\s*(?:\d{4}\s*年度?|上年)\s*$")
_YEAR = re.compile(r"^\d{4}\s*年度?")
_DIRECTION = re.compile(r"(增加|减少|增长|下降|上升|降低)$")


def _subject(text: str, start: int) -> str:
    before = text[:start]
    m = _AFTER_COMPARED.search(before) or _BEFORE_COMPARED.search(before)
    return _DIRECTION.sub("", _YEAR.sub("", fold(m.group("subject")))) if m else ""


def _cell(d, subject: str):
    for pattern, kind, labels, side, column in SUBJECTS:
        if re.search(pattern, subject):
            t = d.table(kind) if d is not None else None
            if t is None:
                return None
            row = row_named(t, *labels, side=side) if labels else next((r for r in t.rows if r.values), None)
            return (t, row, column) if row is not None and row.amount(column) is not None else None
    return None


@rule("final.change_vs_last_year", family="final", title="决算说明：与上年相比的增减额、增减率或上年数有误", severity=Severity.ERROR)
def check(d, ctx):
    """决算说明“与2023年度相比，收入支出总计增加b万元，增长p%”：本年数取自表（收入支出总计、财政拨款收入支出
    总计、一般公共预算财政拨款支出、“三公”经费决算数），上年数 = 本年数 − b，增减率p应等于 b ÷ 上年数。给出上年的
    决算公开文件时，推算的上年数还应等于上年文件同一张表印的数。

    为什么：增减额、增减率和上年数三者分别抄写，任何一个错了都对不上；与上年公开的决算核对，能发现用了调整后的数。
    容差：增减率按印刷位数四舍五入并计入金额的舍入；上年数按末位半个单位（以内为尾差提示）。
    例：收入支出总计9859.38万元，增加1062.85万元：上年8796.53万元，1062.85÷8796.53=12.08%，一致。
    """
    require_final(d)
    for sf in narrative(d):
        for f in sf.sentences:
            for c in f.changes:
                if c.kind != "amount" or c.signed is None:
                    continue
                found = _cell(d, _subject(f.sentence.text, c.start))
                if found is None:
                    continue
                t, row, column = found
                now = row.amount(column)
                prev = now.to(W) - c.signed
                pct = next((p for p in f.changes if p.kind == "percent" and p.start > c.start), None)
                if pct is not None and prev > 0 and c.of is None:
                    yield from _flag(check_percent(
                        "final.change_vs_last_year", stated=pct.value, places=pct.places, part=Amount(c.value, W, c.places),
                        whole=Amount(prev, W, max(now.places, c.places)), locations=(at(f.sentence, pct.start), cell(t, row, column)),
                        subject=f"说明中“{c.text}”对应的增减率“{pct.text}”（本年{fmt(now.value)}万元，上年推算为{fmt(prev)}万元）"))
                last = _cell(ctx.previous, _subject(f.sentence.text, c.start)) if ctx.previous is not None else None
                if last is not None:
                    lt, lrow, lcol = last
                    stated = Amount(prev, W, max(now.places, c.places))
                    yield from _flag(against_amount(
                        "final.change_vs_last_year", _as_stated(stated, f.sentence, c.start), lrow.amount(lcol),
                        f"上年决算《{lt.title}》所印的上年数", where=(cell(lt, lrow, lcol),)))


def _as_stated(amount: Amount, sentence, start: int):
    from ..claims.figures import StatedAmount

    return StatedAmount(text=f"{fmt(amount.value)}万元", amount=amount, subject="推算的上年数", key=None,
                        sentence=sentence, start=start, end=start)


def _flag(f):
    if f:
        yield f

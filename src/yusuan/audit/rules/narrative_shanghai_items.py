"""Shanghai 编制说明: each 项's stated amount against the tables, and its change vs last year's execution.

Shanghai disclosures state their figures in set phrases, one paragraph per fact:
``“城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”科目1788.77万元``,
``2023年当年预算执行数为15.00万元，2024年预算安排30.00万元，比2023年预算执行数增加100.00%``.
The paragraph readers here (`paragraphs`, `wan`, `stated_vs_table`) serve the other
narrative_shanghai_* modules too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterator

from ...model import Amount, Disclosure, MoneyUnit, Paragraph, Row, Section, Table, TableKind
from ...text.folding import fold, squash
from ..catalog import NotApplicable, rule
from ..compare import fmt, judge
from ..findings import Finding, Location, Severity
from ..tablekit import key

WAN = MoneyUnit.WAN_YUAN
NUMBER = r"(\d[\d,]*(?:\.\d+)?)"


@dataclass(frozen=True)
class Said:
    """A paragraph of the narrative and the section it stands in."""

    section: Section
    paragraph: Paragraph

    @property
    def text(self) -> str:
        return squash(self.paragraph.text)  # as printed: （） and ， kept full width

    def at(self, match: re.Match | None = None) -> Location:
        """The matched words (of `text`), on the line that prints them (the paragraph may run over a page)."""
        quoted = match.group(0) if match else self.paragraph.text
        where = self.paragraph.provenance_at(_printed(self.paragraph.text, match.start())) if match else self.paragraph.provenance
        return Location.of_provenance(where, section=self.section.id,
                                      sentence=quoted if len(quoted) <= 60 else quoted[:59] + "…")


def _printed(text: str, squashed: int) -> int:
    """The offset in `text` of the character at `squashed` in its squash (white space left out)."""
    seen = 0
    for i, ch in enumerate(text):
        if not ch.isspace():
            if seen == squashed:
                return i
            seen += 1
    return len(text)


def paragraphs(d: Disclosure, *title_words: str) -> Iterator[Said]:
    """The paragraphs of the sections whose title holds all the words (every section if none)."""
    for s in d.sections:
        title = fold(s.title)
        if all(fold(w) in title for w in title_words):
            yield from (Said(s, p) for p in s.paragraphs)


def wan(text: str) -> Amount:
    """A 万元 figure as printed (``1,788.77`` → 1788.77, 2 places)."""
    t = text.replace(",", "")
    return Amount(Decimal(t), WAN, len(t.split(".")[1]) if "." in t else 0)


def round_as(table: Amount, stated: Amount) -> Decimal:
    """The table figure in the stated figure's unit, rounded half up to its printed places."""
    return table.to(stated.unit).quantize(Decimal(1).scaleb(-stated.places), rounding=ROUND_HALF_UP)


def rounds_to(table: Amount, stated: Amount) -> bool:
    """The table figure rounded as the narrative prints it (元 → 万元) is the stated one."""
    return round_as(table, stated) == stated.value


def stated_vs_table(rule: str, stated: Amount, table: Amount | None, subject: str,
                    locations: tuple[Location, ...], beyond: Severity = Severity.ERROR) -> Finding | None:
    """A narrative 万元 figure against the table's figure (元 or 万元): silent when it is the table's
    figure correctly rounded; within both printings' rounding → 尾差 (info); else `beyond`. An empty
    cell (None) is an exact 0: it carries no rounding of its own (0.3万元 stated against it is no 尾差)."""
    table = table or Amount(Decimal(0), stated.unit, stated.places)
    if rounds_to(table, stated):
        return None
    tolerance = stated.tolerance + table.tolerance * table.unit.in_yuan / stated.unit.in_yuan
    return judge(rule, expected=table.to(stated.unit), actual=stated.value, tolerance=tolerance, unit=stated.unit,
                 subject=subject, locations=locations, beyond=beyond)



# A name up to its （类）/（款）/（项） mark; other brackets are part of it: 政府办公厅（室）及相关机构事务.
_NAME = r"((?:[^“”（(]|[（(](?![类款项][）)]))+)"
# “类（类）款（款）项（项）”科目1788.77万元, or “类-款-项”科目1,202.95万元.
_SUBJECT = re.compile(r"“(?:" + _NAME + r"[（(]类[）)]" + _NAME + r"[（(]款[）)]" + _NAME + r"[（(]项[）)]"
                      r"|([^“”\-]+)-([^“”\-]+)-([^“”\-]+))”(?:科目)?" + NUMBER + "万元")
# 1、公共安全支出（204类）司法（06款）行政运行（01项）1672.67万元 — the coded form, without quotes.
_CODED = re.compile(_NAME + r"[（(]\d{3}类[）)]" + _NAME + r"[（(]\d{2}款[）)]" + _NAME + r"[（(]\d{2}项[）)]"
                    r"(?:科目)?" + NUMBER + "万元")
_CHANGE = re.compile(r"(\d{4})年当年预算执行数为" + NUMBER + r"万元[，,](\d{4})年预算安排" + NUMBER
                     + r"万元[，,]比\d{4}年预算执行数(增加|减少|增长|下降|持平)(?:" + NUMBER + "%)?")
# The tables the 财政拨款支出 items come from, in the order a 项 is looked up.
_TABLES = (TableKind.GENERAL_EXPENDITURE, TableKind.FUND_EXPENDITURE, TableKind.STATE_CAPITAL_EXPENDITURE)
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Item:
    """A 项 as the narrative names it: ``“类（类）款（款）项（项）”科目1788.77万元``."""

    cls: str
    section: str
    item: str
    said: Said
    match: re.Match
    printed: str  # the amount as printed

    @property
    def amount(self) -> Amount:
        return wan(self.printed)

    @property
    def name(self) -> str:
        return f"{self.cls}（类）{self.section}（款）{self.item}（项）"


def items_in(said: Said) -> Iterator[Item]:
    for m in _SUBJECT.finditer(said.text):
        cls, section, item = m.group(1, 2, 3) if m.group(1) else m.group(4, 5, 6)
        yield Item(cls, section, item, said, m, m.group(7))
    for m in _CODED.finditer(said.text):
        cls = re.sub(r"^\d+[、.．]", "", m.group(1))  # the paragraph's number is not the 类's name
        yield Item(cls, m.group(2), m.group(3), said, m, m.group(4))


def items(d: Disclosure) -> Iterator[Item]:
    for said in paragraphs(d, "编制说明"):
        yield from items_in(said)


def _item_rows(t: Table) -> Iterator[tuple[tuple[str, str, str], Row]]:
    """The 项 rows (7-digit or misprinted codes) with the 类 and 款 names printed above them."""
    cls = section = ""
    for r in t.rows:
        if r.code and len(r.code) == 3:
            cls, section = key(r.label), ""
        elif r.code and len(r.code) == 5:
            section = key(r.label)
        elif r.code:
            yield (cls, section, key(r.label)), r


def find_item(d: Disclosure, it: Item) -> tuple[Table, Row] | None:
    """The row of the 项, in any of the three function tables: the same 类, 款 and 项 names; else the
    same 款 and 项 (a 类 misnamed); else the only 项 of that name. One path printed in two tables
    (money from two budgets) is the row whose figure the stated one is."""
    rows = [(path, t, r) for kind in _TABLES if (t := d.table(kind)) is not None for path, r in _item_rows(t)]
    want = (key(it.cls), key(it.section), key(it.item))
    for same in (lambda p: p == want, lambda p: p[1:] == want[1:]):
        hits = [(t, r) for p, t, r in rows if same(p)]
        if hits:
            return next(((t, r) for t, r in hits if (a := r.amount("total")) and rounds_to(a, it.amount)),
                        hits[0])
    named = [(t, r) for p, t, r in rows if p[2] == want[2]]
    return named[0] if len(named) == 1 else None


@rule("narrative.shanghai_item_amount", family="narrative", title="编制说明所列科目金额与功能分类表不一致",
      severity=Severity.ERROR)
def item_amount(d: Disclosure, ctx):
    """上海格式的编制说明逐项列出财政拨款支出科目（“城乡社区支出（类）城乡社区管理事务（款）行政运行（项）”
    科目1788.77万元），每项应等于一般公共预算、政府性基金或国有资本经营预算支出功能分类预算表中类、款、项
    名称都相同的项的“合计”（表以元为单位，说明以万元两位小数：表数按四舍五入折成万元后应相同）。
    三张表中都找不到时，依次按同一款下的同名项、全部表中唯一的同名项对照。
    为什么：说明是读者读得最多的部分，逐项金额应与表一致。
    容差：折算后四舍五入相同即无问题；差额在两处印刷的舍入之内为尾差提示，超出为错误。
    说明所列的项在表中找不到同名的项（款名或项名写错），记为警告。
    例：“行政运行（项）”1788.77万元，表中2120101行政运行17,887,739元，折合1788.77万元，一致。"""
    found = list(items(d))
    if not found:
        raise NotApplicable("说明中没有逐项列出的科目金额")
    for it in found:
        stated = it.amount
        hit = find_item(d, it)
        if hit is None:
            yield Finding("narrative.shanghai_item_amount", Severity.WARNING,
                          f"说明所列科目“{it.name}”{stated}在支出功能分类预算表中找不到同一款下的同名项，请核对科目名称。",
                          (it.said.at(it.match),))
            continue
        t, row = hit
        cell = row.amount("total")
        printed = f"（{cell}，折合{fmt(round_as(cell, stated))}万元）" if cell else "（空）"
        where = f"《{t.title}》“{row.code} {row.label}”行“合计”列{printed}"
        f = stated_vs_table("narrative.shanghai_item_amount", stated, cell,
                            f"说明中“{it.item}（项）”{stated}应与{where}一致",
                            (it.said.at(it.match), Location.of_value(t, row, "total")))
        if f:
            yield f


def _rounds(now: Decimal, before: Decimal, pct: str | None) -> Decimal:
    """(now − before) ÷ before in %, rounded to the printed places of `pct`."""
    places = len(pct.split(".")[1]) if pct and "." in pct else 0
    return ((now - before) / before * HUNDRED).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _signed(word: str, pct: str | None) -> Decimal:
    value = Decimal(pct) if pct else Decimal(0)
    return -value if word in ("减少", "下降") else value


@rule("narrative.shanghai_item_change", family="narrative", title="编制说明所列科目比上年执行数的增减率有误",
      severity=Severity.ERROR)
def item_change(d: Disclosure, ctx):
    """上海格式的编制说明在每项后写明“2023年当年预算执行数为X万元，2024年预算安排Y万元，比2023年预算执行数
    增加（减少）Z%”：按 (Y−X)÷X 重新计算 Z，方向（增加/减少/持平）也须相符。
    为什么：增减率是说明中唯一可由读者自己复算的同比数字，算错最容易发现也最损公信。
    容差：Z 按印刷位数四舍五入后相同即无问题；差异在 X、Y 各自舍入（±0.005万元）可解释的范围内为尾差提示，
    超出为错误。上年执行数为0时不计算。一项的执行数、预算安排和增减率与上一项完全相同（照抄了上一项），报错误；
    算错的增减率恰是上一项所写的，在消息中指出。
    例：执行数15.00万元，安排30.00万元，增加100.00%，正确；执行数11.67万元，安排45.41万元，增加314.82%，
    应为289.12%，错误；“职业年金缴费支出”照抄上一项“基本养老保险缴费支出”的“441.25万元……增加60.54%”，错误。"""
    seen = False
    last: tuple[str, str, str, str | None] | None = None  # the previous item's (before, now, word, pct) as printed
    for said in paragraphs(d, "编制说明"):
        for m in _CHANGE.finditer(said.text):
            seen = True
            before, now, word, pct = wan(m.group(2)), wan(m.group(4)), m.group(5), m.group(6)
            copied, last = last, (m.group(2), m.group(4), word, pct)
            if copied == last and pct and before.value != 0:  # two items alike to the last figure
                yield Finding("narrative.shanghai_item_change", Severity.ERROR,
                              f"说明中本项“{m.group(1)}年当年预算执行数为{m.group(2)}万元，{m.group(3)}年预算安排"
                              f"{m.group(4)}万元，{word}{pct or ''}{'%' if pct else ''}”与上一项逐字相同，像是照抄了上一项，"
                              "请按本项的数字改正。", (said.at(m),))
                continue
            item = next((it.amount for it in items_in(said)), None)
            if item is not None and item.value != now.value:
                yield Finding("narrative.shanghai_item_change", Severity.ERROR,
                              f"说明中本项金额为{item}，同一段“{m.group(3)}年预算安排”却写为{now}；两处应是同一数额。",
                              (said.at(m),), expected=item.value, actual=now.value, difference=now.value - item.value,
                              unit="万元")
            if before.value == 0:
                continue
            stated = _signed(word, pct)
            if item is not None and item.value != now.value and _rounds(item.value, before.value, pct) == stated:
                continue  # the rate was computed from the item's amount: the 预算安排 figure is the slip
            exact = (now.value - before.value) / before.value * HUNDRED
            if _rounds(now.value, before.value, pct) == stated:
                continue
            moved = HUNDRED * (now.tolerance / abs(before.value) + abs(now.value) * before.tolerance / before.value ** 2)
            places = -_rounds(now.value, before.value, pct).as_tuple().exponent  # type: ignore[operator]
            tolerance = (Decimal(5).scaleb(-(places + 1)) + moved).quantize(Decimal("0.0001"))
            shown = exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            within = abs(stated - exact) <= tolerance
            tail = f"，在四舍五入容差±{fmt(tolerance)}%以内，属尾差。" if within else "。"
            if not within and copied is not None and (copied[2], copied[3]) == (word, pct):
                tail = f"；{word}{pct}%正是上一项所写的增减率，像是照抄了上一项。"
            yield Finding(
                "narrative.shanghai_item_change", Severity.INFO if within else Severity.ERROR,
                f"说明中“比{m.group(1)}年预算执行数{word}{pct + '%' if pct else ''}”：按({fmt(now.value)}−{fmt(before.value)})"
                f"÷{fmt(before.value)}计算应为{fmt(shown)}%（负数为减少），说明写为{fmt(stated)}%{tail}",
                (said.at(m),), expected=shown, actual=stated, difference=stated - shown, tolerance=tolerance, unit="%")
    if not seen:
        raise NotApplicable("说明中没有与上年执行数比较的增减率")


"""Two publications side by side: the same tables row by row, the 三公 items, the figures the
narratives state, and (given both audits) which findings were fixed and which are new.

Typical uses: this year against last year (what changed), or two versions of one publication (what
the department corrected). Amounts are compared in 万元, exactly (Decimal); rows are matched by
classification code, else by side and name (numbering folded: "1." is "1、"). Comparing a file with
itself is refused; different templates, organisations or levels are compared all the same, with a
note saying so. Findings fixed and new only where the two are versions or consecutive years of one
organisation's publication (compare_relation); the narratives are compared paragraph by paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..errors import InputError
from ..model import Amount, Disclosure, MoneyUnit, Row, Table, TableKind
from .claims import narrative
from ..text.folding import fold
from .compare_findings import FindingChanges, finding_changes
from .compare_relation import Pairing, pairing
from .compare_text import TextChange, text_changes
from .rules.arith_three_public import KINDS as THREE_PUBLIC_KINDS, three_public_items
from .runner import Report
from .tablekit import main_column

WAN = MoneyUnit.WAN_YUAN
HUNDRED = Decimal(100)
THREE_PUBLIC_ZH = {"total": "“三公”经费合计", "abroad": "因公出国（境）费", "vehicles": "公务用车购置及运行费",
                   "purchase": "其中：公务用车购置费", "running": "其中：公务用车运行费", "reception": "公务接待费"}


@dataclass(frozen=True)
class Line:
    """One figure in both publications (万元; None where one does not print it)."""

    key: str
    label: str
    a: Decimal | None
    b: Decimal | None

    @property
    def change(self) -> Decimal | None:
        return None if self.a is None or self.b is None else self.b - self.a

    @property
    def rate(self) -> str:
        """The change in %, two places; "" where there is no base."""
        if self.a in (None, Decimal(0)) or self.b is None:
            return ""
        return f"{(self.b - self.a) / self.a * HUNDRED:.2f}%"

    @property
    def code(self) -> str:
        return self.key if self.key[:1].isdigit() else ""


@dataclass(frozen=True)
class TablePair:
    kind: TableKind
    title: str  # as A prints it
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Comparison:
    a: Disclosure
    b: Disclosure
    notes: tuple[str, ...]  # what makes the two less comparable (different template, level …)
    tables: tuple[TablePair, ...]
    three_public: tuple[Line, ...]
    narrative: tuple[Line, ...]
    pairing: Pairing
    text: tuple[TextChange, ...] = ()
    findings: FindingChanges | None = None  # None unless both audits are given and the relation tracks findings

    @property
    def labels(self) -> tuple[str, str]:
        """What A and B are called (2025年（版本1）/2025年（版本2）, 2024年/2025年 …), never alike."""
        return self.pairing.labels

    @property
    def summary(self) -> TablePair | None:
        """The 收支总表 side by side."""
        return next((p for p in self.tables if p.kind is TableKind.INCOME_EXPENDITURE_SUMMARY), None)


def _wan(a: Amount | None) -> Decimal | None:
    return a.to(WAN) if a is not None else None


_NUMBERING = re.compile(r"^(\(?[0-9一二三四五六七八九十]+\)?)[.．、,，]?")


def label_key(label: str) -> str:
    """A row name for matching: white space and full/half width folded, "1." and "1、" alike."""
    return _NUMBERING.sub(lambda m: m.group(1) + "、", fold(label), count=1)


def row_key(r: Row) -> str:
    return r.code or f"{r.side or ''}:{label_key(r.label)}"


def _merge(pairs: list[tuple[str, str, Decimal | None, str]]) -> tuple[Line, ...]:
    """(key, label, value, "a"|"b") to lines in order of first appearance (A's order, then B's new ones)."""
    lines: dict[str, Line] = {}
    for key, label, value, side in pairs:
        prev = lines.get(key, Line(key, label, None, None))
        lines[key] = Line(key, prev.label, value if side == "a" else prev.a, value if side == "b" else prev.b)
    return tuple(lines.values())


def table_lines(ta: Table, tb: Table) -> tuple[Line, ...]:
    """Rows of two tables of one kind matched by code, else side and name; main column in 万元."""
    pairs = []
    for side, t in (("a", ta), ("b", tb)):
        for r in sorted(t.rows, key=lambda r: r.side == "expenditure"):  # a two-sided table: income side first
            col = main_column(t, r.side)
            pairs.append((row_key(r), r.label, _wan(r.amount(col)) if col else None, side))
    return _merge(pairs)


def compare_tables(a: Disclosure, b: Disclosure) -> tuple[TablePair, ...]:
    """Every table kind A prints that B prints too, in A's order."""
    return tuple(TablePair(ta.kind, ta.title, table_lines(ta, tb)) for ta in a.tables
                 if ta.kind is not TableKind.GENERIC and (tb := b.table(ta.kind)) is not None)


def three_public(d: Disclosure) -> dict[str, Decimal | None]:
    """The 三公 items of the document's 三公 table (its first, 合计 row in the column layout)."""
    t = next((t for k in THREE_PUBLIC_KINDS if (t := d.table(k)) is not None), None)
    if t is None:
        return {}
    items = three_public_items(t)
    return {name: _wan(row.amount(col)) for name, (row, col) in (items[0] if items else {}).items()}


def compare_three_public(a: Disclosure, b: Disclosure) -> tuple[Line, ...]:
    ia, ib = three_public(a), three_public(b)
    return tuple(Line(k, zh, ia.get(k), ib.get(k)) for k, zh in THREE_PUBLIC_ZH.items() if k in ia or k in ib)


def stated(d: Disclosure) -> dict[str, Decimal]:
    """The narrative's figures by subject (收入总计, 基本支出 …): the first stated amount of each, in 万元."""
    out: dict[str, Decimal] = {}
    for section in narrative(d):
        for s in section.amounts():
            if s.key and s.key not in out:
                out[s.key] = s.amount.to(WAN)
    return out


def compare_narrative(a: Disclosure, b: Disclosure) -> tuple[Line, ...]:
    sa, sb = stated(a), stated(b)
    return tuple(Line(k, k, sa.get(k), sb.get(k)) for k in dict.fromkeys([*sa, *sb]))


def notes(a: Disclosure, b: Disclosure) -> tuple[str, ...]:
    """Why the two may not be like for like; refuses one file compared with itself."""
    if a.source.sha256 and a.source.sha256 == b.source.sha256:
        raise InputError(f"两份文件内容完全相同（{a.source.file} 与 {b.source.file}），无需比较。", code="input.same_file")
    ma, mb = a.meta, b.meta
    out = []
    if ma.template != mb.template:
        out.append(f"两份文件的表格模板不同（{ma.template} 与 {mb.template}），只比较两者都有的表格。")
    if ma.organisation != mb.organisation:
        out.append(f"单位名称不同（{ma.organisation} 与 {mb.organisation}）。")
    if ma.stage != mb.stage:
        out.append("一份是预算，一份是决算。")
    if pairing(a, b).note:
        out.append(pairing(a, b).note)
    return tuple(out)


def compare(a: Disclosure, b: Disclosure, *, report_a: Report | None = None,
            report_b: Report | None = None) -> Comparison:
    """A against B (B is the later one: this year, or the corrected version)."""
    pair = pairing(a, b)
    found = (finding_changes(report_a, report_b) if report_a is not None and report_b is not None
             and pair.relation.tracks_findings else None)
    return Comparison(a, b, notes(a, b), compare_tables(a, b), compare_three_public(a, b), compare_narrative(a, b),
                      pair, text_changes(a, b), found)

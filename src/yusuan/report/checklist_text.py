"""Problems written as a reviewer writes them on the 公开情况检查表: one line each — the page, the
place, what is printed and what it should be ("第11页 《单位支出预算总表》“2040601 行政运行”行…应为…，
实为…") — without the audit's own vocabulary: no rule ids or reading-note codes, no rounding bounds, no
"（警告）". One mistake repeated on a row (one rule, the same words but for the sentences quoted) is one
line with its count; the appendix sheet lists each of them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..audit import Finding
from ..text.numbers import number
from .describe import Names
from .notes import is_rounding

_CODE = re.compile(r"（[a-z_]+(?:\.[a-z_0-9]+)+）")  # （read.blank_page）
_BOUND = re.compile(r"，(?:超出|未超出)[^，。；]*容差±[0-9.]+[^，。；]*")  # ，超出四舍五入容差±0.015元
_SIGN_NOTE = "（负数为减少）"
_BIG_YUAN = re.compile(r"(?<![\d.,])(\d{5,})(\.\d+)?(?=元)")  # 79189400.34元 → 79,189,400.34元


def _grouped(m: re.Match) -> str:
    return number(Decimal(m.group(1) + (m.group(2) or "")))


def plain(message: str) -> str:
    """A finding's message in a reviewer's words: codes and rounding bounds left out, amounts in 元
    with thousands separators, one line, ending with a full stop."""
    text = _CODE.sub("", message).replace(_SIGN_NOTE, "")
    text = _BOUND.sub("", text)
    text = _BIG_YUAN.sub(_grouped, text)
    text = re.sub(r"\s*\n\s*", " ", text).strip()
    return text if text.endswith(("。", "？", "！", "”", "）")) else text + "。"


def page_of(f: Finding) -> int | None:
    return next((loc.page for loc in f.locations if loc.page), None)


_SAYS_PAGE = re.compile(r"^第\s*\d+\s*页")
_IN_NARRATIVE = re.compile(r"^(?:\d{4}年度的)?说明中")


def line(f: Finding, names: Names) -> str:
    """One problem, one line: 第N页, the part of the 说明 it is in (where the message does not name its
    table or section itself), what is printed and what it should be."""
    text = plain(f.message)
    page = page_of(f)
    head = f"第{page}页 " if page and not _SAYS_PAGE.match(text) else ""
    loc = f.locations[0] if f.locations else None
    title = names.sections.get(loc.section or "", "") if loc is not None else ""
    if title and not text.startswith(("《", "“")) or title and _IN_NARRATIVE.match(text):
        text = _IN_NARRATIVE.sub("", text)
        head += f"{title}{'中' if text.startswith(('“', '标点', '使用', '留有')) else '：'}"
    return head + text


@dataclass(frozen=True)
class Entry:
    """A row's problem as listed: its line, and the findings (one rule, one row) it stands for."""

    text: str
    findings: tuple[Finding, ...]


_QUOTED = re.compile(r"“[^”]*”")


def kind_of(f: Finding) -> tuple[str, str]:
    """One mistake repeated: the rule, and its words with the quoted sentences left out (five sentences
    compared with the wrong year are one kind; two different percentages are two)."""
    return f.rule, _QUOTED.sub("“”", f.message)


def entries(found: list[Finding], names: Names, appendix: str = "全部问题") -> list[Entry]:
    """The row's open errors and warnings as lines: one mistake repeated is one line with its count, at
    the place of the first; repeated lines once."""
    by_rule: dict[tuple[str, str], list[Finding]] = {}
    for f in found:
        by_rule.setdefault(kind_of(f), []).append(f)
    out: list[Entry] = []
    seen: set[str] = set()
    for fs in by_rule.values():
        text = line(fs[0], names)
        if len(fs) > 1:
            text = text.rstrip("。") + f"（同类问题共 {len(fs)} 处，见“{appendix}”表）。"
        if text not in seen:
            seen.add(text)
            out.append(Entry(text, tuple(fs)))
    return out


def hints_line(infos: list[Finding], appendix: str = "全部问题") -> str:
    """The row's hints, counted: 尾差 named only for differences within rounding."""
    rounding = sum(1 for f in infos if is_rounding(f))
    other = len(infos) - rounding
    parts = ([f"尾差提示 {rounding} 条"] if rounding else []) + ([f"其他提示 {other} 条"] if other else [])
    return f"另有{'、'.join(parts)}，见“{appendix}”表。" if parts else ""

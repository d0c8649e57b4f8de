"""The findings list as a reviewer works it: open or accepted, searched and filtered from the URL,
duplicates merged, reading notes of one kind on one line, rounding differences behind a toggle,
optionally grouped by checklist row. Pure functions over the stored report's JSON data."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..audit import Location
from ..model import Disclosure
from ..report.describe import Names, place
from .formatting import rule_title
from .views import SEVERITY_ORDER

INGEST = "ingest.issue"
_CODE = re.compile(r"（((?:ingest|read)\.[a-z_0-9]+)）$")
_LOCATION_FIELDS = {f for f in Location.__dataclass_fields__}


@dataclass(frozen=True)
class Filters:
    """What the URL asks for; every field is a query parameter, so a view can be shared."""

    tab: str = "open"  # open | accepted
    q: str = ""
    severity: str = ""
    rule: str = ""
    table: str = ""
    rounding: bool = False  # show differences within rounding
    group: str = ""  # "" (by severity) | checklist

    def query(self, **changes) -> str:
        from urllib.parse import urlencode

        values = {**self.__dict__, **changes}
        values["rounding"] = "1" if values["rounding"] else ""
        return urlencode({k: v for k, v in values.items() if v and not (k == "tab" and v == "open")})


@dataclass
class Item:
    """One line of the list: a finding with its duplicates (same rule and figures elsewhere)."""

    findings: list[dict]
    places: list[tuple[str, str]] = field(default_factory=list)  # (cell anchor or "", Chinese place)
    like: list[str] = field(default_factory=list)  # the open findings of the same rule and cause (all shown or not)

    @property
    def first(self) -> dict:
        return self.findings[0]

    @property
    def key(self) -> str:
        return self.first["fingerprint"]

    @property
    def fingerprints(self) -> str:
        return ",".join(f["fingerprint"] for f in self.findings)


@dataclass
class NoteGroup:
    """Reading notes (ingest issues) of one kind, shown as one expandable line."""

    code: str
    label: str
    items: list[Item]


@dataclass
class FindingsView:
    sections: list[tuple[str, list]]  # (heading, [Item | NoteGroup])
    shown: int
    open_count: int
    accepted_count: int
    rounding_hidden: int
    rules: list[tuple[str, str]]  # (id, Chinese title) of the rules with findings


def is_rounding(f: dict) -> bool:
    return f["severity"] == "info" and ("属尾差" in f.get("message", "") or _within(f))


def _within(f: dict) -> bool:
    from decimal import Decimal

    try:
        return f.get("difference") is not None and f.get("tolerance") is not None and \
            abs(Decimal(str(f["difference"]))) <= Decimal(str(f["tolerance"]))
    except ArithmeticError:
        return False


def ingest_code(f: dict) -> str | None:
    if f["rule"] != INGEST:
        return None
    m = _CODE.search(f.get("message", ""))
    return m.group(1) if m else "ingest"


_PARTICULARS = re.compile(r"“[^”]*”|‘[^’]*’|\d[\d,.，+%]*")


def cause_key(f: dict) -> tuple:
    """Findings "like this one": the same rule and severity, and the same message once what is
    particular to a place — quoted names and figures — is left out (the same table titles stay)."""
    return (f["rule"], f["severity"], _PARTICULARS.sub("…", f.get("message", "")))


def _dedup_key(f: dict) -> tuple:
    if f["rule"] == INGEST:  # notes of one kind are folded into a group instead, one line each
        return (f["fingerprint"],)
    figures = tuple(f.get(k) for k in ("expected", "actual", "difference", "unit"))
    if any(x is not None for x in figures[:3]):
        return (f["rule"], f["severity"], f.get("accepted"), *figures)
    return (f["rule"], f["severity"], f.get("accepted"), f.get("message"))


def _place_texts(f: dict, names: Names, anchors) -> list[tuple[str, str]]:
    out = []
    for loc in f.get("location", []):
        text = place(Location(**{k: v for k, v in loc.items() if k in _LOCATION_FIELDS}), names)
        out.append((anchors(loc), text))
    return out


def _matches(f: dict, flt: Filters, places: list[tuple[str, str]]) -> bool:
    if flt.severity and f["severity"] != flt.severity:
        return False
    if flt.rule and f["rule"] != flt.rule:
        return False
    if flt.table and not any(loc.get("table") == flt.table for loc in f.get("location", [])):
        return False
    if flt.q:
        hay = " ".join([f.get("message", ""), f["rule"], rule_title(f["rule"]), *(t for _, t in places),
                        *(loc.get("sentence") or "" for loc in f.get("location", []))])
        return all(word in hay for word in flt.q.split())
    return True


def build(findings: list[dict], d: Disclosure, flt: Filters, anchors, checklist_of=None) -> FindingsView:
    """The list for `flt`. `anchors(loc)` gives a location's cell anchor; `checklist_of(f)` its
    checklist row (key, title, order) when grouping by checklist."""
    names = Names.of(d)
    accepted_tab = flt.tab == "accepted"
    pool = [f for f in findings if bool(f.get("accepted")) == accepted_tab]
    hide_rounding = not flt.rounding and not accepted_tab
    rounding_hidden = 0
    items: dict[tuple, Item] = {}
    for f in sorted(pool, key=lambda f: SEVERITY_ORDER.get(f["severity"], 9)):
        places = _place_texts(f, names, anchors)
        if not _matches(f, flt, places):
            continue
        if hide_rounding and is_rounding(f):
            rounding_hidden += 1
            continue
        item = items.setdefault(_dedup_key(f), Item([]))
        item.findings.append(f)
        item.places.extend(p for p in places if p not in item.places)
    if not accepted_tab:
        alike: dict[tuple, list[str]] = {}
        for f in pool:
            alike.setdefault(cause_key(f), []).append(f["fingerprint"])
        for item in items.values():
            item.like = alike.get(cause_key(item.first), [])
    sections = _sections(list(items.values()), flt, checklist_of)
    rules = sorted({f["rule"] for f in findings}, key=lambda r: rule_title(r))
    return FindingsView(
        sections=sections, shown=sum(len(i.findings) for i in items.values()),
        open_count=sum(not f.get("accepted") for f in findings), accepted_count=sum(bool(f.get("accepted")) for f in findings),
        rounding_hidden=rounding_hidden, rules=[(r, rule_title(r)) for r in rules],
    )


def _sections(items: list[Item], flt: Filters, checklist_of) -> list[tuple[str, list]]:
    if flt.group == "checklist" and checklist_of is not None:
        rows: dict[str, tuple[int, str, list[Item]]] = {}
        for item in items:
            key, title, order = checklist_of(item.first)
            rows.setdefault(key, (order, title, []))[2].append(item)
        return [(title, _notes_folded(found)) for order, title, found in sorted(rows.values(), key=lambda r: r[0])]
    by_sev: dict[str, list[Item]] = {}
    for item in items:  # reading notes (提示 on what could not be read) apart, after the warnings
        reading = item.first["rule"] == INGEST and item.first["severity"] == "info"
        by_sev.setdefault("reading" if reading else item.first["severity"], []).append(item)
    zh = {"error": "错误", "warning": "警告", "reading": "读取提示", "info": "提示"}
    return [(zh[s], _notes_folded(by_sev[s])) for s in zh if s in by_sev]


def _notes_folded(items: list[Item]) -> list:
    """Reading notes of one kind folded into one NoteGroup where the first of them stood."""
    out: list = []
    groups: dict[str, NoteGroup] = {}
    for item in items:
        code = ingest_code(item.first)
        if code is None:
            out.append(item)
            continue
        if code not in groups:
            groups[code] = NoteGroup(code, note_label(code, item.first), [])
            out.append(groups[code])
        groups[code].items.append(item)
    return [g.items[0] if isinstance(g, NoteGroup) and len(g.items) == 1 else g for g in out]


NOTE_LABELS = {
    "ingest.target_shifted_row": "绩效指标行单元格错位，已按标签和顺序读取",
    "ingest.target_inferred_level1": "一级指标未印出，已按二级指标推定",
    "ingest.target_inferred_label": "绩效目标表栏目名称未印出，已按位置推定",
    "ingest.target_unplaced_cell": "绩效目标表中有未能归位的单元格",
    "ingest.target_empty_field": "绩效目标表栏目未填写",
    "ingest.unplaced_line": "未能归入任何部分的文字行",
    "ingest.cell_unplaced": "表格中无法对应表头的单元格",
    "ingest.not_a_number": "金额栏中不是数字的内容",
    "ingest.row_unlabelled": "表格中有数值但无名称的行",
    "ingest.column_unmatched": "不符合模板的表格列",
    "ingest.missing_table": "缺少模板要求的表格",
    "ingest.contents_not_found": "目录所列内容在正文中未找到",
    "read.page_without_text": "没有文字层的页面（需要文字识别）",
    "read.cell_text_off_page": "表格的栏目名称或单元格文字画在页面之外（如跨页的合并单元格）",
    "read.cell_text_clipped": "表格单元格中被裁剪遮住的文字",
}


def note_label(code: str, first: dict) -> str:
    """The Chinese heading of a group of reading notes: known kinds by name, else the first note."""
    return NOTE_LABELS.get(code) or _CODE.sub("", first.get("message", "")).rstrip("。")


def clean_message(f: dict) -> str:
    """A reading note's message without the code in brackets (the code is for developers)."""
    return _CODE.sub("", f.get("message", "")) if f["rule"] == INGEST else f.get("message", "")


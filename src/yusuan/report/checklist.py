"""The reviewer's 公开情况检查表 as XLSX: the checklist, every finding, and how each rule ran.

Sheet 1 is the form reviewers fill by hand today: one row per item, 符合要求 是/否 (否 when an
open error or warning sits on the item) and the problems found. Sheets 2 and 3 hold the detail.
Figures are written as text exactly as computed (Decimal), never as floats. Printed on A4
landscape with the header row repeated on every page.
"""
from __future__ import annotations

import math
import os
import unicodedata
from collections import defaultdict

import xlsxwriter

from ..audit import Finding, Report, Severity, default_catalog
from ..model import Disclosure
from .checklist_place import Placer
from .describe import ACCEPTED_ZH, Names, bound, number, outcome_line, place, summary_line

CHECK_HEAD = (("序号", 6), ("检查项目", 24), ("检查内容", 42), ("符合要求", 9), ("存在问题", 72), ("涉及规则", 26))
FINDING_HEAD = (("序号", 5), ("严重程度", 7), ("规则", 20), ("问题说明", 48), ("位置", 28), ("原文", 24),
                ("应为", 11), ("实为", 11), ("差额", 10), ("容差", 9), ("单位", 5), ("检查项目", 16),
                ("指纹", 17), ("已接受", 7))
OUTCOME_HEAD = (("规则", 30), ("规则名称", 30), ("结果", 10), ("问题数", 8), ("说明", 70))
STATUS_ZH = {"ran": "已运行", "not_applicable": "不适用", "crashed": "运行出错"}
MAX_LISTED = 30  # problems listed per item; the rest are counted (a cell holds at most 32,767 characters)


def render_checklist(report: Report, disclosure: Disclosure, path: str | os.PathLike[str]) -> None:
    """Write the workbook to `path`."""
    placer = Placer(disclosure)
    placed: dict[str, list[Finding]] = defaultdict(list)
    for f in report.findings:
        placed[placer.item_for(f)].append(f)
    titles = {i.key: i.title for i in placer.items}
    wb = xlsxwriter.Workbook(os.fspath(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    fmt = _formats(wb)
    _checklist_sheet(wb, fmt, report, disclosure, placer, placed)
    _findings_sheet(wb, fmt, report, disclosure, {id(f): titles[k] for k, fs in placed.items() for f in fs})
    _outcomes_sheet(wb, fmt, report)
    wb.close()


def _formats(wb: xlsxwriter.Workbook) -> dict[str, object]:
    base = {"text_wrap": True, "valign": "top", "border": 1, "font_name": "SimSun", "font_size": 10}
    return {
        "title": wb.add_format({"bold": True, "font_size": 16, "align": "center", "font_name": "SimHei"}),
        "sub": wb.add_format({"font_size": 10, "text_wrap": True, "font_name": "SimSun"}),
        "head": wb.add_format({**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#D9E1F2"}),
        "cell": wb.add_format(base),
        "center": wb.add_format({**base, "align": "center"}),
        "yes": wb.add_format({**base, "align": "center", "font_color": "#006100"}),
        "no": wb.add_format({**base, "align": "center", "bold": True, "font_color": "#9C0006", "bg_color": "#FFC7CE"}),
        "error": wb.add_format({**base, "font_color": "#9C0006"}),
        "warning": wb.add_format({**base, "font_color": "#9C5700"}),
        "info": wb.add_format({**base, "font_color": "#1F4E78"}),
    }


def _fit_row(ws, row: int, values, head) -> None:
    """Set the row's height for its wrapped text: spreadsheet programs do not grow rows that a
    generated file leaves at the default height."""
    lines = max(_lines(str(v), width) for v, (_, width) in zip(values, head))
    ws.set_row(row, min(409, 14 * max(1, lines) + 4))


def _lines(text: str, width: int) -> int:
    """How many printed lines a text takes in a column `width` characters wide (CJK count double)."""
    usable = max(1, width - 1)
    return sum(max(1, math.ceil(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in para) / usable))
               for para in text.split("\n"))


def _sheet(wb, fmt, name: str, head, first_row: int):
    ws = wb.add_worksheet(name)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.fit_to_pages(1, 0)  # all columns on the page width, as many pages down as needed
    ws.repeat_rows(first_row)
    ws.set_footer("&C第 &P 页，共 &N 页")
    for col, (label, width) in enumerate(head):
        ws.set_column(col, col, width)
        ws.write(first_row, col, label, fmt["head"])
    ws.freeze_panes(first_row + 1, 0)
    return ws


def _checklist_sheet(wb, fmt, report: Report, d: Disclosure, placer: Placer, placed) -> None:
    ws = _sheet(wb, fmt, "公开情况检查表", CHECK_HEAD, 2)
    m = d.meta
    level = "单位" if m.level.value == "unit" else "部门"
    stage = "决算" if m.stage.value == "final_accounts" else "预算"
    ws.merge_range(0, 0, 0, len(CHECK_HEAD) - 1,
                   f"{m.organisation}{m.year or ''}年度{level}{stage}公开情况检查表", fmt["title"])
    ws.set_row(0, 30)
    ws.set_row(1, 30)
    ws.merge_range(1, 0, 1, len(CHECK_HEAD) - 1,
                   f"文件：{report.source.file}　模板：{m.template}　{summary_line(report)}", fmt["sub"])
    for n, item in enumerate(placer.items, 1):
        found = placed.get(item.key, [])
        problems, rules, ok = _problems(report, found)
        row = n + 2
        ws.write(row, 0, n, fmt["center"])
        ws.write(row, 1, item.title, fmt["cell"])
        ws.write(row, 2, item.content, fmt["cell"])
        ws.write(row, 3, "是" if ok else "否", fmt["yes" if ok else "no"])
        ws.write(row, 4, problems, fmt["cell"])
        ws.write(row, 5, "\n".join(rules), fmt["cell"])
        _fit_row(ws, row, (n, item.title, item.content, "是", problems, "\n".join(rules)), CHECK_HEAD)


def _problems(report: Report, found: list[Finding]) -> tuple[str, list[str], bool]:
    """(存在问题 text, rule ids, 符合要求): errors and warnings listed; infos and accepted counted."""
    open_ = [f for f in found if f.fingerprint not in report.accepted]
    serious = [f for f in open_ if f.severity is not Severity.INFO]
    lines = [f"{i}．{'' if f.severity is Severity.ERROR else '（警告）'}{f.message}"
             for i, f in enumerate(serious[:MAX_LISTED], 1)]
    if len(serious) > MAX_LISTED:
        lines.append(f"……另有 {len(serious) - MAX_LISTED} 条，见“全部问题”表。")
    infos = len(open_) - len(serious)
    accepted = len(found) - len(open_)
    if infos:
        lines.append(f"另有提示 {infos} 条（如尾差），见“全部问题”表。")
    if accepted:
        lines.append(f"{ACCEPTED_ZH} {accepted} 条，不计入。")
    rules = list(dict.fromkeys(f.rule for f in found))
    return "\n".join(lines), rules, not serious


def _findings_sheet(wb, fmt, report: Report, d: Disclosure, item_of: dict[int, str]) -> None:
    ws = _sheet(wb, fmt, "全部问题", FINDING_HEAD, 0)
    names = Names.of(d)
    for n, f in enumerate(report.findings, 1):
        accepted = f.fingerprint in report.accepted
        cells = (
            n, f.severity.zh, f.rule, f.message, "\n".join(place(loc, names) for loc in f.locations),
            "\n".join(loc.sentence for loc in f.locations if loc.sentence), number(f.expected),
            number(f.actual), number(f.difference, signed=True), number(bound(f.tolerance)) if f.tolerance is not None else "", f.unit or "",
            item_of[id(f)], f.fingerprint, ACCEPTED_ZH if accepted else "",
        )
        style = fmt["cell"] if accepted else fmt[f.severity.value]
        for col, value in enumerate(cells):
            ws.write(n, col, value, fmt["center"] if col in (0, 1, 10, 13) else style)
        _fit_row(ws, n, cells, FINDING_HEAD)
    ws.autofilter(0, 0, max(len(report.findings), 1), len(FINDING_HEAD) - 1)


def _outcomes_sheet(wb, fmt, report: Report) -> None:
    ws = _sheet(wb, fmt, "规则运行情况", OUTCOME_HEAD, 1)
    ws.merge_range(0, 0, 0, len(OUTCOME_HEAD) - 1, outcome_line(report), fmt["sub"])
    catalog = default_catalog()
    for n, o in enumerate(report.outcomes, 2):
        title = catalog.get(o.rule).title if o.rule in catalog else ""
        why = o.error.strip().splitlines()[-1] if o.error.strip() else ""
        ws.write(n, 0, o.rule, fmt["cell"])
        ws.write(n, 1, title, fmt["cell"])
        ws.write(n, 2, STATUS_ZH.get(o.status, o.status), fmt["no"] if o.status == "crashed" else fmt["center"])
        ws.write(n, 3, o.findings, fmt["center"])
        ws.write(n, 4, why, fmt["cell"])
        _fit_row(ws, n, (o.rule, title, "", "", why), OUTCOME_HEAD)

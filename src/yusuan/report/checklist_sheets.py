"""The detail sheets of the 公开情况检查表 workbook and the formats and row heights all its sheets share.

The appendix (全部问题) lists every finding, one per row: the checklist row it belongs to, the problem
in a reviewer's words (checklist_text), the figures, and for each open error or warning of a PDF its
picture. Then how each rule ran, by the rules' Chinese titles. No rule ids: they are the program's names."""
from __future__ import annotations

import xlsxwriter

from ..audit import Report, default_catalog
from ..model import Disclosure
from ..text.width import text_lines
from .checklist_text import line
from .describe import ACCEPTED_ZH, Names, number, outcome_line, place
from .notes import rule_title

FINDING_HEAD = (("序号", 5), ("检查项目", 16), ("严重程度", 7), ("问题", 50), ("位置", 28), ("原文", 24),
                ("应为", 11), ("实为", 11), ("差额", 10), ("单位", 5), ("问题截图", 100), ("已接受", 7),
                ("检查规则", 20), ("指纹", 17))
SHOT_COL = 10
OUTCOME_HEAD = (("检查规则", 40), ("结果", 10), ("问题数", 8), ("说明", 70))
MAX_PICTURE = 330.0  # points
STATUS_ZH = {"ran": "已运行", "not_applicable": "不适用", "crashed": "运行出错"}


def formats(wb: xlsxwriter.Workbook, font: str = "SimSun") -> dict[str, object]:
    """The workbook's cell formats; `font` is the layout's body font (the title keeps a heavier one
    unless the layout's font is a Chinese name, as the bureau's own forms use 宋体 throughout)."""
    base = {"text_wrap": True, "valign": "top", "border": 1, "font_name": font, "font_size": 10}
    title_font = "SimHei" if font == "SimSun" else font
    return {
        "title": wb.add_format({"bold": True, "font_size": 16, "align": "center", "font_name": title_font}),
        "sub": wb.add_format({"font_size": 10, "text_wrap": True, "font_name": font}),
        "group": wb.add_format({**base, "align": "center", "valign": "vcenter"}),
        "head": wb.add_format({**base, "bold": True, "align": "center", "valign": "vcenter", "bg_color": "#D9E1F2"}),
        "cell": wb.add_format(base),
        "center": wb.add_format({**base, "align": "center"}),
        "yes": wb.add_format({**base, "align": "center", "font_color": "#006100"}),
        "no": wb.add_format({**base, "align": "center", "bold": True, "font_color": "#9C0006", "bg_color": "#FFC7CE"}),
        "error": wb.add_format({**base, "font_color": "#9C0006"}),
        "warning": wb.add_format({**base, "font_color": "#9C5700"}),
        "info": wb.add_format({**base, "font_color": "#1F4E78"}),
    }


def fit_row(ws, row: int, values, head, at_least: float = 0) -> None:
    """Set the row's height for its wrapped text (and a picture `at_least` points tall): spreadsheet
    programs do not grow rows that a generated file leaves at the default height. Never Excel's
    409-point maximum: a cell that long is cut there."""
    lines = max(text_lines(str(v), width) for v, (_, width) in zip(values, head))
    ws.set_row(row, min(400, max(at_least, 14 * max(1, lines) + 6)))


def sheet(wb, fmt, name: str, head, first_row: int):
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


def findings_sheet(wb, fmt, report: Report, d: Disclosure, row_of: dict[int, str], name: str = "全部问题",
                   pictures=None) -> None:
    """Every finding, one per row: open errors and warnings first (each with its picture), then hints,
    then the accepted ones."""
    from .checklist_pictures import insert_scaled

    ws = sheet(wb, fmt, name, FINDING_HEAD, 0)
    names = Names.of(d)
    rank = {"error": 0, "warning": 1, "info": 2}
    ordered = sorted(report.findings, key=lambda f: (f.fingerprint in report.accepted, rank[f.severity.value]))
    for n, f in enumerate(ordered, 1):
        accepted = f.fingerprint in report.accepted
        cells = (
            n, row_of.get(id(f), ""), f.severity.zh, line(f, names), "\n".join(place(loc, names) for loc in f.locations),
            "\n".join(loc.sentence for loc in f.locations if loc.sentence), number(f.expected),
            number(f.actual), number(f.difference, signed=True), f.unit or "", "",
            ACCEPTED_ZH if accepted else "", rule_title(f.rule) or "其他检查", f.fingerprint,
        )
        style = fmt["cell"] if accepted else fmt[f.severity.value]
        for col, value in enumerate(cells):
            ws.write(n, col, value, fmt["center"] if col in (0, 2, 9, 11) else style)
        tall = 0.0
        png = pictures.of(f) if pictures is not None and not accepted and f.severity.value != "info" else None
        if png:
            tall = insert_scaled(ws, n, SHOT_COL, png, FINDING_HEAD[SHOT_COL][1], MAX_PICTURE)
        fit_row(ws, n, cells, FINDING_HEAD, tall)
    ws.autofilter(0, 0, max(len(report.findings), 1), len(FINDING_HEAD) - 1)


def outcomes_sheet(wb, fmt, report: Report, name: str = "规则运行情况") -> None:
    ws = sheet(wb, fmt, name, OUTCOME_HEAD, 1)
    ws.merge_range(0, 0, 0, len(OUTCOME_HEAD) - 1, outcome_line(report), fmt["sub"])
    catalog = default_catalog()
    for n, o in enumerate(report.outcomes, 2):
        title = catalog.get(o.rule).title if o.rule in catalog else rule_title(o.rule) or "其他检查"
        why = o.error.strip().splitlines()[-1] if o.error.strip() else ""
        ws.write(n, 0, title, fmt["cell"])
        ws.write(n, 1, STATUS_ZH.get(o.status, o.status), fmt["no"] if o.status == "crashed" else fmt["center"])
        ws.write(n, 2, o.findings, fmt["center"])
        ws.write(n, 3, why, fmt["cell"])
        fit_row(ws, n, (title, "", "", why), OUTCOME_HEAD)

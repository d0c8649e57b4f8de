"""The reviewer's 公开情况检查表 as XLSX, in a bureau's own layout (report/layouts/*.yaml).

One sheet per audited document (a department and its units in one workbook), laid out as the
layout says: its rows in its groups, 符合要求 是/否 (否 when an open error or warning sits on the
row), the problems found written as a reviewer writes them (checklist_text: page, place, what is
printed, what it should be; one line each) and, for PDF sources, 问题截图 — the printed places of the
problems at print resolution, shown to the cell's width. Rows are sized to their text and never reach
Excel's 409-point maximum: a long list goes on in the appendix sheet (全部问题), which lists every
finding, one per row, each open error or warning with its own picture. Then how each rule ran.
Figures are written as text exactly as computed (Decimal), never as floats; no rule ids anywhere.
"""
from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Sequence

import xlsxwriter

from ..audit import Finding, Report, Severity
from ..audit.findings import at_home, home_files, merged
from ..model import Disclosure
from ..text.width import text_lines
from .checklist_pictures import Pictures, insert_scaled
from .checklist_place import Placer
from .checklist_sheets import findings_sheet, formats, outcomes_sheet
from .checklist_text import Entry, entries, hints_line
from .describe import ACCEPTED_ZH, Names, summary_line
from .layout import Layout, SheetRow, choose, fields, sheet_rows
from .notes import rule_title
from .screenshots import PageSource

MAX_LINES = 24  # printed lines of problems in a row (about 340 points); the rest are in the appendix
MAX_SHOTS = 3  # pictures per row, numbered as the first problems
LINE_POINTS = 14
MAX_PICTURE = 330.0  # points: the tallest a row's pictures are shown (the row stays under 409)
APPENDIX = "全部问题"


@dataclass(frozen=True)
class Checked:
    """One audited document for the workbook; `pages` (its PDF) gives the 问题截图."""

    report: Report
    disclosure: Disclosure
    pages: PageSource | None = None
    url: str = ""
    published: date | None = None  # when the publication went online, where the reviewer knows it


def render_checklist(report: Report, disclosure: Disclosure, path: str | os.PathLike[str], *,
                     layout: str | None = None, pages: PageSource | None = None, url: str = "",
                     published: date | None = None) -> None:
    """Write one document's workbook to `path`."""
    render_checklists([Checked(report, disclosure, pages, url, published)], path, layout=layout)


def render_checklists(docs: Sequence[Checked], path: str | os.PathLike[str], *, layout: str | None = None) -> None:
    """Write the workbook for several documents (a department and its units) to `path`."""
    wb = xlsxwriter.Workbook(os.fspath(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    chosen = [choose(c.disclosure, layout) for c in docs]
    fmt = formats(wb, chosen[0].font)
    names = _sheet_names([lay.sheet.format(**fields(c.disclosure)) for c, lay in zip(docs, chosen)])
    many = len(docs) > 1
    details = []
    for c, lay, name in zip(docs, chosen, names):
        placer = Placer(c.disclosure)
        pictures = Pictures(c.pages, c.disclosure) if c.pages is not None and lay.has("screenshot") else None
        appendix = f"{name}{APPENDIX}" if many else APPENDIX
        row_of = _checklist_sheet(wb, fmt, lay, name, c, placer, pictures, appendix)
        details.append((c, row_of, pictures, appendix, name))
    for c, row_of, pictures, appendix, name in details:
        findings_sheet(wb, fmt, c.report, c.disclosure, row_of, appendix, pictures)
        outcomes_sheet(wb, fmt, c.report, f"{name}规则运行" if many else "规则运行情况")
    wb.close()


def _sheet_names(names: list[str]) -> list[str]:
    """Sheet names as the layout gives them, made unique (Excel refuses two alike) and ≤ 24 characters
    (a detail sheet adds six)."""
    out: list[str] = []
    for n in names:
        n = n[:24] or "检查表"
        base, k = n, 2
        while n in out:
            n, k = f"{base[:20]}（{k}）", k + 1
        out.append(n)
    return out


def _checklist_sheet(wb, fmt, lay: Layout, name: str, c: Checked, placer: Placer, pictures: Pictures | None,
                     appendix: str) -> dict[int, str]:
    """The checklist sheet; returns each finding's row title (by id), for the appendix."""
    d, report = c.disclosure, c.report
    f = fields(d, url=c.url, summary=summary_line(report))
    ws = wb.add_worksheet(name)
    _page_setup(ws, lay)
    last = len(lay.columns) - 1
    ws.merge_range(0, 0, 0, last, lay.title.format(**f), fmt["title"])
    ws.set_row(0, 30)
    for r, line in enumerate(lay.header, 1):
        text = line.text.format(**f)
        if line.span > 1:
            ws.merge_range(r, 0, r, min(last, line.span - 1), text, fmt["sub"])
        elif text:
            ws.write(r, 0, text, fmt["sub"])
        if line.height:
            ws.set_row(r, line.height)
    head = len(lay.header) + 1
    _heads(ws, fmt, lay, head, f)
    placed: dict[str, list[Finding]] = defaultdict(list)
    home = home_files(d)  # a cross-document finding is placed and pictured by its places in this document
    for finding in report.findings:
        placed[placer.item_for(at_home(finding, home))].append(finding)
    rows = sheet_rows(lay, d)
    names = Names.of(d)
    row_of: dict[int, str] = {}
    titles = {i.key: i.title for i in placer.items}
    for key, fs in placed.items():
        row_of.update({id(x): titles[key] for x in fs})
    for n, row in enumerate(rows, 1):
        found = [x for key in row.items for x in placed.get(key, [])]
        row_of.update({id(x): row.title for x in found})
        _body_row(ws, fmt, lay, head + n, n, row, c, found, pictures, names, appendix)
    _merge_groups(ws, fmt, lay, rows, head + 1)
    return row_of


def _page_setup(ws, lay: Layout) -> None:
    ws.set_landscape() if lay.orientation == "landscape" else ws.set_portrait()
    ws.set_paper(9)  # A4
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.fit_to_pages(1, 0)  # all columns on the page width, as many pages down as needed
    ws.set_footer("&C第 &P 页，共 &N 页")
    for col, column in enumerate(lay.columns):
        ws.set_column(col, col, column.width)


def _heads(ws, fmt, lay: Layout, row: int, f: dict[str, str]) -> None:
    """The column heads; a column without a label widens the head before it."""
    col = 0
    while col < len(lay.columns):
        end = col
        while end + 1 < len(lay.columns) and lay.columns[end + 1].label is None:
            end += 1
        label = (lay.columns[col].label or "").format(**f)
        if end > col:
            ws.merge_range(row, col, row, end, label, fmt["head"])
        else:
            ws.write(row, col, label, fmt["head"])
        col = end + 1
    ws.repeat_rows(row)
    ws.freeze_panes(row + 1, 0)


def _body_row(ws, fmt, lay: Layout, r: int, n: int, row: SheetRow, c: Checked, found: list[Finding],
              pictures: Pictures | None, names: Names, appendix: str) -> None:
    report = c.report
    listed, text, serious = _problems(report, found, names, _width(lay, "problems"), appendix)
    manual = bool(row.manual) and not row.items
    verdict = "" if manual else ("否" if serious else "是")
    if manual and row.timely:
        text = timeliness(c)
    elif manual:
        text = row.manual
    rules = "\n".join(dict.fromkeys(rule_title(x.rule) or "其他检查" for x in found))
    values = {"number": n, "group": row.group, "title": row.title, "content": row.content, "verdict": verdict,
              "problems": text, "rules": rules, "screenshot": ""}
    cols = lay.columns
    col = 0
    while col < len(cols):
        key, end = cols[col].key, col
        while end + 1 < len(cols) and cols[end + 1].key == key:
            end += 1
        style = fmt["center"] if key == "number" else fmt[{"是": "yes", "否": "no"}.get(verdict, "center")] \
            if key == "verdict" else fmt["cell"]
        if key != "group":  # groups are written once, merged over their rows
            if end > col:
                ws.merge_range(r, col, r, end, values[key], style)
            else:
                ws.write(r, col, values[key], style)
        col = end + 1
    height: float = max(text_lines(str(values[c.key]), int(c.width)) for c in cols) * LINE_POINTS + 6
    if pictures is not None and listed:
        height = max(height, _picture(ws, lay, r, pictures, listed, max(height, 90.0)))
    ws.set_row(r, min(MAX_PICTURE + 20, height))


def timeliness(c: Checked) -> str:
    """The 及时性 cell: the publication date where the reviewer gave it, else what the file says of itself."""
    if c.published is not None:
        return f"公开日期：{c.published.year}年{c.published.month}月{c.published.day}日。"
    made = c.pages.created if c.pages is not None else None
    if made is not None:
        return (f"文件生成于{made.year}年{made.month}月{made.day}日（PDF 文件属性），公开日期不早于此日；"
                "请与网站发布日期核对。")
    return "文件中没有发布日期，公开时间需人工核对。"


def _width(lay: Layout, key: str) -> int:
    return int(sum(c.width for c in lay.columns if c.key == key)) or 60


def _picture(ws, lay: Layout, r: int, pictures: Pictures, listed: list[Entry], room: float) -> float:
    """Insert the row's numbered pictures (its first problems) in its 问题截图 cell, shown at the cell's
    width and at most `room` points tall (never more than MAX_PICTURE); returns the height they take."""
    png = pictures.numbered([e.findings[0] for e in listed[:MAX_SHOTS]])
    if png is None:
        return 0
    col = next(i for i, c in enumerate(lay.columns) if c.key == "screenshot")
    return insert_scaled(ws, r, col, png, lay.columns[col].width, min(MAX_PICTURE, room))


def _merge_groups(ws, fmt, lay: Layout, rows: list[SheetRow], first: int) -> None:
    """The group column: one cell per run of rows of the same group."""
    if not lay.has("group"):
        return
    col = next(i for i, c in enumerate(lay.columns) if c.key == "group")
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i].group != rows[start].group:
            if i - 1 > start:
                ws.merge_range(first + start, col, first + i - 1, col, rows[start].group, fmt["group"])
            else:
                ws.write(first + start, col, rows[start].group, fmt["group"])
            start = i


def _problems(report: Report, found: list[Finding], names: Names, width: int,
              appendix: str) -> tuple[list[Entry], str, list[Finding]]:
    """(the entries listed, 问题描述 text, the open errors and warnings): one line per problem as a
    reviewer writes it, as many as fit MAX_LINES, the rest counted with a pointer to the appendix;
    hints and accepted findings counted."""
    open_ = [f for f in found if f.fingerprint not in report.accepted]
    serious = merged([f for f in open_ if f.severity is not Severity.INFO])
    lines: list[str] = []
    listed: list[Entry] = []
    all_entries = entries(serious, names, appendix)
    for e in all_entries:
        text = f"{len(listed) + 1}.{e.text}"
        if listed and text_lines("\n".join([*lines, text]), width) > MAX_LINES - 2:
            break
        lines.append(text)
        listed.append(e)
    rest = sum(len(e.findings) for e in all_entries[len(listed):])
    if rest:
        lines.append(f"……另有 {rest} 条，见“{appendix}”表。")
    hints = hints_line([f for f in open_ if f.severity is Severity.INFO], appendix) if serious else ""
    if hints:
        lines.append(hints)
    accepted = len(found) - len(open_)
    if accepted:
        lines.append(f"{ACCEPTED_ZH} {accepted} 条，不计入。")
    return listed, "\n".join(lines), serious

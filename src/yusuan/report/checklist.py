"""The reviewer's 公开情况检查表 as XLSX, in a bureau's own layout (report/layouts/*.yaml).

One sheet per audited document (a department and its units in one workbook), laid out as the
layout says: its rows in its groups, 符合要求 是/否 (否 when an open error or warning sits on the
row), the problems found and, for PDF sources, 问题截图 — the printed places of the problems, cut
from their pages. Then each document's detail sheets: every finding, and how each rule ran.
Figures are written as text exactly as computed (Decimal), never as floats.
"""
from __future__ import annotations

import io
import os
from collections import defaultdict
from dataclasses import dataclass
from typing import Sequence

import xlsxwriter

from ..audit import Finding, Report, Severity
from ..audit.findings import at_home, home_files, merged
from ..model import Disclosure
from .checklist_place import Placer
from .checklist_sheets import findings_sheet, formats, outcomes_sheet, text_lines
from .describe import ACCEPTED_ZH, summary_line
from .layout import Layout, SheetRow, choose, fields, sheet_rows
from .screenshots import PageSource, shot, stacked

MAX_LISTED = 30  # problems listed per row; the rest are counted (a cell holds at most 32,767 characters)
MAX_SHOTS = 4  # pictures per row, numbered as the first problems
PIXELS_PER_CHAR = 7  # a column `w` characters wide is about 7·w pixels


@dataclass(frozen=True)
class Checked:
    """One audited document for the workbook; `pages` (its PDF) gives the 问题截图."""

    report: Report
    disclosure: Disclosure
    pages: PageSource | None = None
    url: str = ""


def render_checklist(report: Report, disclosure: Disclosure, path: str | os.PathLike[str], *,
                     layout: str | None = None, pages: PageSource | None = None, url: str = "") -> None:
    """Write one document's workbook to `path`."""
    render_checklists([Checked(report, disclosure, pages, url)], path, layout=layout)


def render_checklists(docs: Sequence[Checked], path: str | os.PathLike[str], *, layout: str | None = None) -> None:
    """Write the workbook for several documents (a department and its units) to `path`."""
    wb = xlsxwriter.Workbook(os.fspath(path), {"strings_to_numbers": False, "strings_to_formulas": False})
    chosen = [choose(c.disclosure, layout) for c in docs]
    fmt = formats(wb, chosen[0].font)
    names = _sheet_names([lay.sheet.format(**fields(c.disclosure)) for c, lay in zip(docs, chosen)])
    details = []
    for c, lay, name in zip(docs, chosen, names):
        placer = Placer(c.disclosure)
        titles = {i.key: i.title for i in placer.items}
        item_of = {id(f): titles[placer.item_for(f)] for f in c.report.findings}
        _checklist_sheet(wb, fmt, lay, name, c, placer)
        details.append((c, item_of, name))
    for c, item_of, name in details:
        many = len(docs) > 1
        findings_sheet(wb, fmt, c.report, c.disclosure, item_of, f"{name}全部问题" if many else "全部问题")
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


def _checklist_sheet(wb, fmt, lay: Layout, name: str, c: Checked, placer: Placer) -> None:
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
    for n, row in enumerate(rows, 1):
        found = [x for key in row.items for x in placed.get(key, [])]
        _body_row(ws, fmt, lay, head + n, n, row, report, found, c.pages, home)
    _merge_groups(ws, fmt, lay, rows, head + 1)


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


def _body_row(ws, fmt, lay: Layout, r: int, n: int, row: SheetRow, report: Report, found: list[Finding],
              pages: PageSource | None, home: frozenset[str] = frozenset()) -> None:
    problems, rules, serious = _problems(report, found)
    manual = bool(row.manual) and not row.items
    verdict = "" if manual else ("否" if serious else "是")
    values = {"number": n, "group": row.group, "title": row.title, "content": row.content, "verdict": verdict,
              "problems": row.manual if manual else problems, "rules": "\n".join(rules), "screenshot": ""}
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
    height: float = max(text_lines(str(values[c.key]), int(c.width)) for c in cols) * 14 + 4
    if pages is not None and lay.has("screenshot") and serious:
        height = max(height, _picture(ws, lay, r, pages, [at_home(f, home) for f in serious] if home else serious))
    ws.set_row(r, min(409, height))


def _picture(ws, lay: Layout, r: int, pages: PageSource, serious: list[Finding]) -> float:
    """Insert the row's numbered pictures in its 问题截图 cell; returns the height they need (points)."""
    pictures = [p for p in (shot(pages, f) for f in serious[:MAX_SHOTS]) if p]
    if not pictures:
        return 0
    col = next(i for i, c in enumerate(lay.columns) if c.key == "screenshot")
    width = int(lay.columns[col].width * PIXELS_PER_CHAR) - 8
    png, _, h = stacked(pictures, width, 530)
    ws.insert_image(r, col, "问题截图.png", {"image_data": io.BytesIO(png), "x_offset": 4, "y_offset": 4,
                                            "object_position": 1})
    return h * 0.75 + 8


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


def _problems(report: Report, found: list[Finding]) -> tuple[str, list[str], list[Finding]]:
    """(问题描述 text, rule ids, the open errors and warnings listed): infos and accepted counted;
    one problem found twice (same rule, same words) listed once."""
    open_ = [f for f in found if f.fingerprint not in report.accepted]
    serious = merged([f for f in open_ if f.severity is not Severity.INFO])
    lines = [f"{i}．{'' if f.severity is Severity.ERROR else '（警告）'}{f.message}"
             for i, f in enumerate(serious[:MAX_LISTED], 1)]
    if len(serious) > MAX_LISTED:
        lines.append(f"……另有 {len(serious) - MAX_LISTED} 条，见“全部问题”表。")
    infos = len([f for f in open_ if f.severity is Severity.INFO])
    accepted = len(found) - len(open_)
    if infos:
        lines.append(f"另有提示 {infos} 条（如尾差），见“全部问题”表。")
    if accepted:
        lines.append(f"{ACCEPTED_ZH} {accepted} 条，不计入。")
    rules = list(dict.fromkeys(f.rule for f in found))
    return "\n".join(lines), rules, serious

"""Downloads: one table as XLSX/CSV/JSON, the audit report as JSON/HTML/checklist XLSX, the original.

XLSX stores numbers as IEEE doubles by its own definition; an amount is written as a number only
when that double prints back to exactly the same decimal, otherwise as text — nothing is rounded.
"""
from __future__ import annotations

import csv
import io
import json
import tempfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from fastapi.responses import Response

from ..model import ColumnKind, Disclosure, Table
from ..serialize import to_data
from .errors import ApiError

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "html": "text/html; charset=utf-8",
}


def found(value, doc_id: int):
    """The value read for a document, or 404 when it is gone (deleted while this request ran)."""
    if value is None:
        raise ApiError(404, f"文档 {doc_id} 不存在。", "document.not_found")
    return value


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(cell: str) -> str:
    """A text cell a spreadsheet must not run as a formula (=HYPERLINK(…), +cmd|…, @SUM…): a leading
    apostrophe, as OWASP advises, shows the text as written. Amount cells are not passed here."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def table_csv(t: Table) -> str:
    """The table as CSV: text cells guarded against formulas, amounts as the exact numbers they are
    (a negative amount such as -12.50 stays a number a spreadsheet can add up)."""
    header, rows = table_records(t)
    kinds = [False, False, *[c.kind is ColumnKind.AMOUNT for c in t.columns]]
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow([csv_text(h) for h in header])
    w.writerows([cell if amount else csv_text(cell) for cell, amount in zip(row, kinds)] for row in rows)
    return out.getvalue()


def download(body: bytes, filename: str, media: str) -> Response:
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


def table_records(t: Table) -> tuple[list[str], list[list[str]]]:
    header = ["编码", "名称", *[c.label for c in t.columns]]
    rows = [[r.code or "", r.label, *["" if c.side not in (None, r.side) else  # a key may recur per side
                                       r.text(c.key) if c.kind is ColumnKind.TEXT else
                                       (format(a.value, "f") if (a := r.amount(c.key)) else "")
                                       for c in t.columns]] for r in t.rows]
    return header, rows


def exact_float(text: str) -> float | None:
    if not text:
        return None
    f = float(text)
    return f if Decimal(repr(f)) == Decimal(text) else None


def table_xlsx(t: Table) -> bytes:
    import xlsxwriter

    header, rows = table_records(t)
    buf = io.BytesIO()
    wb = xlsxwriter.Workbook(buf, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    ws = wb.add_worksheet(t.id)
    bold = wb.add_format({"bold": True})
    money = wb.add_format({"num_format": "#,##0.00" if t.unit.value == "万元" else "#,##0.00"})
    ws.write(0, 0, f"{t.title}（单位：{t.unit.value}）", bold)
    ws.write_row(1, 0, header, bold)
    for i, row in enumerate(rows, start=2):
        for j, cell in enumerate(row):
            number = exact_float(cell) if j >= 2 and t.columns[j - 2].kind is ColumnKind.AMOUNT else None
            ws.write_number(i, j, number, money) if number is not None else ws.write_string(i, j, cell)
    ws.set_column(1, 1, 40)
    wb.close()
    return buf.getvalue()


def export_table(d: Disclosure, t: Table, fmt: str) -> Response:
    name = f"{d.meta.organisation}-{t.id}-{t.title}.{fmt}"
    if fmt == "csv":
        return download(("\ufeff" + table_csv(t)).encode("utf-8"), name, MEDIA["csv"])
    if fmt == "json":
        return download(json.dumps(to_data(t), ensure_ascii=False, indent=1).encode(), name, MEDIA["json"])
    if fmt == "xlsx":
        return download(table_xlsx(t), name, MEDIA["xlsx"])
    raise ApiError(400, f"不支持的下载格式：{fmt}（可选 xlsx、csv、json）。", "export.format")


def current_report(store, doc_id: int):
    """The audit report of a stored document, with the publication's acceptances applied."""
    from ..audit.runner import audit

    d = found(store.disclosure(doc_id), doc_id)
    data = store.report_data(doc_id) or {"findings": []}
    accepted = frozenset(f["fingerprint"] for f in data.get("findings", []) if f.get("accepted"))
    return d, replace(audit(d), accepted=accepted)


def checklist_xlsx(report, d: Disclosure, filename: str | None = None, content: bytes | None = None) -> bytes:
    """The reviewer's checklist (公开情况检查表) of one document as XLSX bytes; with the stored file,
    its 问题截图 are cut from the pages."""
    from ..report.checklist import render_checklist
    from ..report.screenshots import PageSource

    pages = PageSource.read(Path(filename), content) if filename and content is not None else None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "checklist.xlsx"
        render_checklist(report, d, path, pages=pages)
        return path.read_bytes()


def export_report(store, doc_id: int, what: str) -> Response:
    stem = Path(found(store.get(doc_id), doc_id).filename).stem
    if what == "original":
        filename, content = found(store.content(doc_id), doc_id)
        return download(content, filename, "application/octet-stream")
    if what == "report.json":
        return download(json.dumps(found(store.report_data(doc_id), doc_id), ensure_ascii=False, indent=1).encode(),
                        f"{stem}-审核报告.json", MEDIA["json"])
    d, report = current_report(store, doc_id)
    if what == "report.html":
        from ..report.html import render_html

        return download(render_html(report, d).encode("utf-8"), f"{stem}-审核报告.html", MEDIA["html"])
    if what == "checklist.xlsx":
        filename, content = found(store.content(doc_id), doc_id)
        return download(checklist_xlsx(report, d, filename, content), f"{stem}-公开情况检查表.xlsx", MEDIA["xlsx"])
    raise ApiError(400, f"不支持的导出内容：{what}（可选 report.json、report.html、checklist.xlsx、original）。",
                   "export.what")

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


def download(body: bytes, filename: str, media: str) -> Response:
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})


def table_records(t: Table) -> tuple[list[str], list[list[str]]]:
    header = ["编码", "名称", *[c.label for c in t.columns]]
    rows = [[r.code or "", r.label, *[r.text(c.key) if c.kind is ColumnKind.TEXT else
                                       (format(r.amount(c.key).value, "f") if r.amount(c.key) else "")
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
    wb = xlsxwriter.Workbook(buf, {"in_memory": True})
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
        header, rows = table_records(t)
        out = io.StringIO()
        w = csv.writer(out)
        w.writerow(header)
        w.writerows(rows)
        return download(("\ufeff" + out.getvalue()).encode("utf-8"), name, MEDIA["csv"])
    if fmt == "json":
        return download(json.dumps(to_data(t), ensure_ascii=False, indent=1).encode(), name, MEDIA["json"])
    if fmt == "xlsx":
        return download(table_xlsx(t), name, MEDIA["xlsx"])
    raise ApiError(400, f"不支持的下载格式：{fmt}（可选 xlsx、csv、json）。", "export.format")


def current_report(store, doc_id: int):
    """The audit report of a stored document, with the publication's acceptances applied."""
    from ..audit.runner import audit

    d = store.disclosure(doc_id)
    data = store.report_data(doc_id) or {"findings": []}
    accepted = frozenset(f["fingerprint"] for f in data.get("findings", []) if f.get("accepted"))
    return d, replace(audit(d), accepted=accepted)


def checklist_xlsx(report, d: Disclosure) -> bytes:
    """The reviewer's checklist (公开情况检查表) of one document as XLSX bytes."""
    from ..report.checklist import render_checklist

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "checklist.xlsx"
        render_checklist(report, d, path)
        return path.read_bytes()


def export_report(store, doc_id: int, what: str) -> Response:
    doc = store.get(doc_id)
    stem = Path(doc.filename).stem
    if what == "original":
        filename, content = store.content(doc_id)
        return download(content, filename, "application/octet-stream")
    if what == "report.json":
        return download(json.dumps(store.report_data(doc_id), ensure_ascii=False, indent=1).encode(),
                        f"{stem}-审核报告.json", MEDIA["json"])
    d, report = current_report(store, doc_id)
    if what == "report.html":
        from ..report.html import render_html

        return download(render_html(report, d).encode("utf-8"), f"{stem}-审核报告.html", MEDIA["html"])
    if what == "checklist.xlsx":
        return download(checklist_xlsx(report, d), f"{stem}-公开情况检查表.xlsx", MEDIA["xlsx"])
    raise ApiError(400, f"不支持的导出内容：{what}（可选 report.json、report.html、checklist.xlsx、original）。",
                   "export.what")

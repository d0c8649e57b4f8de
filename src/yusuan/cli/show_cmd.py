"""``yusuan show``: tables, forms and issues of a disclosure, readable in a terminal."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from ..errors import InputError
from ..ingest import read_disclosure
from ..model import Column, ColumnKind, Disclosure, PerformanceTarget, Row, Table
from .console import out
from .root import app
from .summary import print_summary

if TYPE_CHECKING:
    from rich.console import Group
    from rich.table import Table as RichTable


def find_table(d: Disclosure, key: str) -> Table | None:
    """A table by id (t03), number (3), kind (income_summary) or part of its title (收入总表)."""
    for t in d.tables:
        if key in (t.id, t.kind.value) or (key.isdigit() and t.id == f"t{int(key):02d}"):
            return t
    return next((t for t in d.tables if key in t.title or key in t.kind.title_zh), None)


SIDE_ZH = {"income": "收入", "expenditure": "支出"}


def render_table(t: Table, width: int = 80) -> Group:
    """A table for a terminal of `width` columns (80 by default): a two-sided table (收支总表) as its 收入
    half and its 支出 half, one after the other; amount columns that do not fit beside the names go on to
    a continuation (续) that repeats the row names; names wrap in their column rather than being cut."""
    from rich.console import Group
    from rich.text import Text

    sides = list(dict.fromkeys(r.side for r in t.rows)) if any(r.side for r in t.rows) else [None]
    parts: list[RichTable] = []
    for side in sides:
        rows = [r for r in t.rows if r.side == side]
        for chunk in _fitting([c for c in t.columns if c.side in (None, side)], rows, width):
            title = f"{t.id} {t.title}（单位：{t.unit.value}）" + ("（续）" if parts else "")
            parts.append(_part(rows, side, chunk, title))
    return Group(*parts, *([Text(" ".join(t.notes), style="dim")] if t.notes else []))


NAME_WIDTH = 18  # room kept for the row names before amount columns are moved to a continuation


def _fitting(columns: list[Column], rows: list[Row], width: int) -> list[list[Column]]:
    """The columns in runs that fit beside the line number, code and names."""
    from rich.cells import cell_len

    fixed = 6 + (10 if any(r.code for r in rows) else 0) + NAME_WIDTH
    chunks: list[list[Column]] = [[]]
    used = fixed
    for c in columns:
        need = 3 + max([cell_len(c.label.split("/")[-1])] + [cell_len(r.text(c.key)) for r in rows])
        if chunks[-1] and used + need > width:
            chunks.append([])
            used = fixed
        chunks[-1].append(c)
        used += need
    return chunks


def _part(rows: list[Row], side: str | None, columns: list[Column], title: str) -> RichTable:
    from rich import box
    from rich.table import Table as RichTable
    from rich.text import Text

    rt = RichTable(title=title, box=box.SIMPLE_HEAD, pad_edge=False)
    rt.add_column("行", style="dim", no_wrap=True)
    coded = any(r.code for r in rows)
    if coded:
        rt.add_column("编码", no_wrap=True)
    rt.add_column(f"{SIDE_ZH.get(side or '', '')}名称", overflow="fold", ratio=1, min_width=8)
    for c in columns:  # the last header level fits a terminal; the full path is in the JSON
        amount = c.kind is ColumnKind.AMOUNT
        rt.add_column(c.label.split("/")[-1], justify="right" if amount else "left", overflow="fold", no_wrap=amount)
    for r in rows:
        style = "bold" if r.role.value in ("total", "subtotal", "group") else ""
        cells = [Text(r.text(c.key)) for c in columns]
        rt.add_row(Text(str(r.provenance.line or "")), *([Text(r.code or "")] if coded else []), Text(r.label),
                   *cells, style=style)
    return rt


def render_target(p: PerformanceTarget) -> RichTable:
    from rich.table import Table as RichTable

    rt = RichTable(title=f"{p.id} {p.project_name}", show_header=False)
    rt.add_column("项目")
    rt.add_column("内容")
    rt.add_row("实施单位", p.implementing_unit)
    rt.add_row("主管部门", f"{p.department_code}-{p.competent_department}")
    for scope, f in (("实施期", p.funding_period), ("年度", p.funding_year)):
        rt.add_row(f"{scope}资金总额", str(f.total) if f.total else "")
    for i in p.indicators:
        rt.add_row(f"{'实施期' if i.scope == 'period' else '年度'} {i.level1}/{i.level2}", f"{i.name}：{i.value}")
    return rt


@app.command("show")
def show(
    path: Path = typer.Argument(..., help="预算公开文件，或 yusuan ingest 输出的 JSON"),
    what: Optional[str] = typer.Argument(
        None, help="表格编号/类型/标题（如 t02、2、收入总表），或 targets、pt05、issues"
    ),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="文本文件的编码"),
) -> None:
    """在终端中显示表格、绩效目标表或读取提示。"""
    d = read_disclosure(path, encoding=encoding)
    if what is None:
        print_summary(d, out)
    elif what == "targets":
        for p in d.targets:
            out.print(f"{p.id}  {p.project_name}  {p.implementing_unit}  年度 {p.funding_year.total or ''}")
    elif what == "issues":
        from rich.text import Text

        from ..model import Provenance

        from ..report.fold import hanging

        for i in d.issues:  # the note's code is the program's name for it: not shown
            where = Provenance(page=i.provenance.page, line=i.provenance.line).describe() or "全文"
            zh = {"warning": "警告", "info": "提示"}.get(i.severity, i.severity)
            body = [Text(f"{where}：{i.message}")] + ([Text(f"原文：{i.text[:60]}", style="dim")] if i.text else [])
            out.print(hanging(Text(f"【{zh}】"), body, 0, out.width))
    elif what.startswith("pt") and any(p.id == what for p in d.targets):
        out.print(render_target(next(p for p in d.targets if p.id == what)))
    else:
        t = find_table(d, what)
        if t is None:
            raise InputError(f"未找到表格“{what}”。可用：{', '.join(x.id + ' ' + x.title for x in d.tables)}")
        out.print(render_table(t, out.width))

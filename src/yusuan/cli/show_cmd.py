"""``yusuan show``: tables, forms and issues of a disclosure, readable in a terminal."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from ..errors import InputError
from ..ingest import read_disclosure
from ..model import ColumnKind, Disclosure, PerformanceTarget, Table
from .root import LazyConsole, app
from .summary import print_summary

if TYPE_CHECKING:
    from rich.table import Table as RichTable

out = LazyConsole()


def find_table(d: Disclosure, key: str) -> Table | None:
    """A table by id (t03), number (3), kind (income_summary) or part of its title (收入总表)."""
    for t in d.tables:
        if key in (t.id, t.kind.value) or (key.isdigit() and t.id == f"t{int(key):02d}"):
            return t
    return next((t for t in d.tables if key in t.title or key in t.kind.title_zh), None)


def render_table(t: Table) -> RichTable:
    from rich.table import Table as RichTable

    rt = RichTable(title=f"{t.id} {t.title}（单位：{t.unit.value}）", caption=" ".join(t.notes) or None)
    rt.add_column("行")
    rt.add_column("编码")
    rt.add_column("名称")
    for c in t.columns:  # the last header level fits a terminal; the full path is in the JSON
        rt.add_column(c.label.split("/")[-1], justify="right" if c.kind is ColumnKind.AMOUNT else "left")
    for r in t.rows:
        cells = [r.text(c.key) if c.side in (None, r.side) else "" for c in t.columns]  # a key may recur per side
        style = "bold" if r.role.value in ("total", "subtotal", "group") else None
        label = f"[{r.side[:2]}] {r.label}" if r.side else r.label
        rt.add_row(str(r.provenance.line or ""), r.code or "", label, *cells, style=style)
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

        for i in d.issues:
            where = Provenance(page=i.provenance.page, line=i.provenance.line).describe() or "全文"
            zh = {"warning": "警告", "info": "提示"}.get(i.severity, i.severity)
            out.print(Text(f"【{zh}】{where} {i.code}：{i.message}  {i.text[:60]}"))
    elif what.startswith("pt") and any(p.id == what for p in d.targets):
        out.print(render_target(next(p for p in d.targets if p.id == what)))
    else:
        t = find_table(d, what)
        if t is None:
            raise InputError(f"未找到表格“{what}”。可用：{', '.join(x.id + ' ' + x.title for x in d.tables)}")
        out.print(render_table(t))

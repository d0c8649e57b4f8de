"""``yusuan catalogue``: the classification catalogue the audit and the build judge codes by —
show it, import the official list a finance bureau holds, export it again."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from ..errors import InputError
from .root import app, err
from .show_cmd import out

if TYPE_CHECKING:
    from rich.table import Table as RichTable

catalogue_app = typer.Typer(help="科目目录：查看内置的2017—2026年政府收支分类科目，导入、导出本地官方目录。",
                            no_args_is_help=True)
app.add_typer(catalogue_app, name="catalogue")
YEARS = range(2017, 2027)
DATA_OPTION = typer.Option(None, "--data", help="数据目录（默认：用户数据目录；也可设 YUSUAN_DATA_DIR）")


def _kind(name: str | None):
    from ..reference import CodeSystem

    if name is None:
        return None
    for system in CodeSystem:
        if name in (system.value, system.label):
            return system
    raise InputError(f"没有“{name}”这种分类；可选：{'、'.join(s.label for s in CodeSystem)}")


@catalogue_app.command("show")
def show(
    year: Optional[int] = typer.Option(None, "--year", "-y", help="只列这一年的目录"),
    kind: Optional[str] = typer.Option(None, "--kind", "-k", help="只列一种分类：支出功能分类、部门预算支出经济分类、"
                                                                "政府预算支出经济分类、收入分类"),
    code: Optional[str] = typer.Option(None, "--code", "-c", help="只列这个编码（及其直接下级）的各个名称和来源"),
    data: Optional[Path] = DATA_OPTION,
) -> None:
    """显示科目目录：不带选项时按分类和年度统计科目数；带 --year/--kind/--code 时逐条列出。"""
    from rich.table import Table as RichTable

    from ..reference import CodeSystem, active_catalogue
    from ..reference.local import local_path, read_local

    cat = active_catalogue(data)
    local = read_local(local_path(data))
    if code is not None:
        _show_code(cat, code)
        return
    if year is None and kind is None:
        t = RichTable(title="科目目录：各年度科目数（内置目录" + (f" + 本地导入 {len(local)} 条" if local else "") + "）")
        t.add_column("年度")
        for system in CodeSystem:
            t.add_column(system.label, justify="right", no_wrap=True)
        for y in YEARS:
            t.add_row(str(y), *(str(len(cat.listing(y, system))) for system in CodeSystem))
        out.print(t)
        return
    out.print(_entry_table(f"{year or '各'}年{_kind(kind).label if kind else ''}科目目录", cat.listing(year, _kind(kind))))


def _show_code(cat, code: str) -> None:
    """Every name the catalogue gives a code, then its children's, with years and sources."""
    entries = [e for c in (code, *cat.children(code)) for e in cat.entries_for(c)]
    if not entries:
        raise InputError(f"科目目录中没有编码“{code}”。")
    out.print(_entry_table(f"科目“{code}”及其下级在目录中的名称", entries))


def _entry_table(title: str, entries) -> RichTable:
    from rich.table import Table as RichTable

    t = RichTable(title=title)
    t.add_column("编码", no_wrap=True)
    t.add_column("名称", no_wrap=True)
    t.add_column("年度", no_wrap=True)
    t.add_column("来源")
    for e in entries:
        t.add_row(e.code, "  " * (len(e.code) - 3) + e.name, e.years, e.source)
    return t


@catalogue_app.command("import")
def import_cmd(
    path: Path = typer.Argument(..., help="官方科目目录：CSV 或 XLSX，含“科目编码”（或类/款/项）和“科目名称”列，可有“年度”“分类”列"),
    year: Optional[int] = typer.Option(None, "--year", "-y", help="目录年度（默认：文件中的“年度”列或文件名中的年份）"),
    data: Optional[Path] = DATA_OPTION,
) -> None:
    """导入财政部门的官方科目目录，此后检查和编制都先按它核对科目编码和名称。同一年度再次导入时替换该年度的目录。"""
    from ..reference.local import import_file

    done = import_file(path, year, data)
    years = "、".join(f"{y}年" if y else "不分年度" for y in done.years)
    out.print(f"已导入 {done.entries} 个科目（{years}），保存在 {done.path}")
    for problem in done.problems[:20]:
        err.print(f"  · {problem}")
    if len(done.problems) > 20:
        err.print(f"  …… 另有 {len(done.problems) - 20} 行未导入")


@catalogue_app.command("export")
def export_cmd(
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写入的 CSV 文件（默认：显示在终端）"),
    bundled: bool = typer.Option(False, "--bundled", help="导出内置目录（默认：导出本地导入的目录）"),
    year: Optional[int] = typer.Option(None, "--year", "-y", help="导出内置目录时只导出这一年的"),
    data: Optional[Path] = DATA_OPTION,
) -> None:
    """导出科目目录（CSV：科目编码、科目名称、年度、分类、来源），可再用 import 导入。"""
    from ..reference import bundled_catalogue
    from ..reference.local import export_text, local_path, read_local

    if bundled:
        entries = list(bundled_catalogue().listing(year))
    else:
        entries = list(read_local(local_path(data)))
        if not entries:
            raise InputError("尚未导入本地科目目录；导出内置目录请加 --bundled。")
    text = export_text(entries)
    if output is None:
        typer.echo(text.lstrip("\ufeff"), nl=False)
        return
    from ..files import write_text_atomic

    write_text_atomic(output, text)
    err.print(f"已导出 {len(entries)} 个科目到 {output}")


@catalogue_app.command("clear")
def clear_cmd(data: Optional[Path] = DATA_OPTION) -> None:
    """删除本地导入的科目目录，恢复只用内置目录。"""
    from ..reference.local import clear

    out.print(f"已删除本地科目目录（{clear(data)} 个科目）。")

"""``yusuan batch``: read and audit a whole corpus (local cores or a Dask cluster) into open files."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, List, Optional

import typer

from .root import app, err
from .show_cmd import out

if TYPE_CHECKING:
    from rich.progress import Progress


def _progress() -> Progress:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    return Progress(TextColumn("[bold]读取并检查"), BarColumn(bar_width=24), MofNCompleteColumn(),
                    TextColumn("{task.fields[speed]}"), TimeElapsedColumn(), TextColumn("剩余"), TimeRemainingColumn(),
                    TextColumn("{task.fields[last]}"), console=err.real)


def print_batch_summary(s, stored=None) -> None:
    """The closing table: files, read, errors, warnings, unreadable, time."""
    from rich.table import Table as RichTable

    from ..batch.job import STATUS_ZH

    t = RichTable(title="批量检查结果")
    t.add_column("项目")
    t.add_column("数量", justify="right")
    read_now = s.files - s.skipped
    rate = f"，{read_now / s.seconds:.2f} 个/秒" if s.seconds and read_now else ""
    for label, value in (("文件", s.files), ("本次读取", read_now), ("已完成（续跑跳过）", s.skipped),
                         ("已检查", s.audited), ("有错误的文件", s.with_errors), ("错误", s.errors),
                         ("警告", s.warnings), ("无法读取", s.unreadable), ("内部错误", s.failed),
                         ("用时", f"{s.seconds:.1f} 秒{rate}")):
        t.add_row(label, str(value))
    out.print(t)
    for r in s.results:
        if not r.read:
            out.print(f"  [red]✗[/] {r.path}：{STATUS_ZH[r.status]}（退出码 {r.exit_code}）{r.message.splitlines()[0]}")
    if stored is not None:
        out.print(f"数据库：新存入 {stored.created} 个文件，已有 {stored.existing} 个。")
        for p in stored.changed:
            out.print(f"  [yellow]![/] {p} 在读取后被修改，未存入数据库；请重新运行批量检查。")


@app.command("batch")
def batch_cmd(
    paths: List[str] = typer.Argument(..., help="文件、目录或通配符（如 'corpus/**/*.pdf'），可多个"),
    output: Path = typer.Option(..., "-o", "--output", help="输出目录：CSV、Parquet、datapackage.json 和续跑记录"),
    workers: Optional[int] = typer.Option(None, "-j", "--workers", min=1, help="本机进程数（默认：全部 CPU 核）"),
    dask: Optional[str] = typer.Option(None, "--dask", help="在 Dask 集群上运行：调度器地址 tcp://主机:端口"),
    store: bool = typer.Option(False, "--store", help="同时存入数据库（默认 SQLite；YUSUAN_DATABASE_URL 指定 PostgreSQL）"),
    orgs: Optional[Path] = typer.Option(None, "--orgs", help="单位名录（CSV/XLSX：部门、单位），用于部门与所属单位配对"),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="文本文件的编码（默认 UTF-8）"),
    parquet: bool = typer.Option(True, "--parquet/--no-parquet", help="是否同时写出 Parquet 文件"),
) -> None:
    """批量读取并检查预算公开文件；已完成的文件（按内容指纹）再次运行时跳过。退出码取各文件中最严重者。"""
    from ..batch.run import BatchOptions, run_batch

    options = BatchOptions(output, workers, dask, encoding, orgs, parquet)
    with _progress() as bar:
        task = bar.add_task("batch", total=None, speed="", last="")

        def planned(total: int, skipped: int) -> None:
            bar.update(task, total=total, completed=skipped)
            if skipped:
                err.print(f"续跑：{skipped} 个文件已在 {output} 中完成，跳过。")

        def progress(r) -> None:
            bar.advance(task)
            elapsed = bar.tasks[task].elapsed or 0
            done = bar.tasks[task].completed
            bar.update(task, last=Path(r.path).name[-30:], speed=f"{done / elapsed:.2f} 个/秒" if elapsed else "")

        summary = run_batch(paths, options, progress=progress, planned=planned)
    stored = None
    if store:
        from ..batch.state import BatchState
        from ..batch.store import store_results
        from ..store import open_store

        stored = store_results(open_store(), BatchState(output), list(summary.results))
    print_batch_summary(summary, stored)
    err.print(f"已写入 {output}（{'、'.join(p.name for p in summary.outputs)}）")
    raise typer.Exit(summary.exit_code)

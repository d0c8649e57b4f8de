"""``yusuan build`` and ``yusuan book``: from a department's budget book to the files to publish."""
from __future__ import annotations

from pathlib import Path

import typer

from ..errors import InputError
from .root import app, err
from .show_cmd import out

book_app = typer.Typer(help="预算编制簿：生成空白模板、检查编制簿。", no_args_is_help=True)
app.add_typer(book_app, name="book")
DEFAULT_FORMATS = "xlsx,docx,pdf,html,json"


def _load(book: Path):
    """The compiled disclosure, or a Chinese InputError listing every problem of the book."""
    from ..author import build_disclosure
    from ..author.cells import BookError

    try:
        return build_disclosure(book)
    except BookError as exc:
        raise InputError(f"预算编制簿有 {len(exc.problems)} 处问题，未生成任何文件：",
                         code="book.invalid", detail="\n".join(f"  · {p}" for p in exc.problems)) from exc


@app.command("build")
def build(
    book: Path = typer.Argument(..., help="预算编制簿：XLSX 文件，或 YAML/CSV 文件夹"),
    output: Path = typer.Option(Path("out"), "-o", "--output", help="输出目录"),
    formats: str = typer.Option(DEFAULT_FORMATS, "--format", "-f", help="输出格式，逗号分隔：xlsx,docx,pdf,html,json"),
) -> None:
    """由预算编制簿生成完整的预算公开文件（各表、说明、图表），并用审核规则自检。"""
    from rich.progress import Progress

    from ..audit.runner import audit
    from ..render import render

    wanted = [f.strip() for f in formats.split(",") if f.strip()]
    with Progress(console=err.real, transient=True) as progress:
        task = progress.add_task("编译预算编制簿……", total=len(wanted) + 2)
        d = _load(book)
        progress.update(task, advance=1, description="审核编译结果……")
        report = audit(d)
        progress.update(task, advance=1, description="生成文件……")
        written = render(d, wanted, output,
                         progress=lambda name, path: progress.update(task, advance=1, description=f"已生成 {name}"))
    for path in written:
        out.print(f"已生成 {path}")
    print_self_check(report)
    raise typer.Exit(1 if report.errors else 0)


def print_self_check(report) -> None:
    """The audit of the compiled publication: its errors and warnings, each with its rule's title
    (infos such as 尾差 are counted only)."""
    from rich.text import Text

    from ..report.notes import rule_title

    s = report.summary
    out.print(f"自检：错误 {s['error']} 条，警告 {s['warning']} 条，提示 {s['info']} 条")
    for mark, style, found in (("✗", "red", report.errors), ("!", "yellow", report.warnings)):
        for f in found:
            out.print(Text.assemble((f"  {mark} ", style), (f"{rule_title(f.rule) or '其他问题'}：", "bold"),
                                    f.message))


@book_app.command("template")
def book_template(
    path: Path = typer.Argument(Path("预算编制簿.xlsx"), help="要写出的空白编制簿（XLSX）"),
) -> None:
    """写出空白的预算编制簿模板（含填写说明和下拉选项）。"""
    from ..author import write_book_template

    if path.exists():
        raise InputError(f"文件已存在，未覆盖：{path}")
    out.print(f"已写出空白编制簿：{write_book_template(path)}")


@book_app.command("check")
def book_check(book: Path = typer.Argument(..., help="预算编制簿：XLSX 文件，或 YAML/CSV 文件夹")) -> None:
    """只检查编制簿，不生成文件。"""
    d = _load(book)
    out.print(f"编制簿无误：{d.meta.organisation} {d.meta.year}年，表格 {len(d.tables)} 张，"
              f"说明 {len(d.sections)} 节，绩效目标表 {len(d.targets)} 张。")

"""``yusuan ingest``: read a disclosure (one file, or the files of one publication) and write its JSON."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .ingest_run import ingest_files
from .root import MAX_PAGES_OPTION, app


@app.command("ingest")
def ingest(
    paths: List[Path] = typer.Argument(..., help="预算公开文件（.txt / .pdf / .docx / .xlsx / .xls / .ods）；分册公开的（说明与表格分开）可一并给出，合并为一份"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出 JSON 文件；省略则写到标准输出"),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="文本文件的编码（默认 UTF-8，如 gbk）"),
    max_pages: Optional[int] = MAX_PAGES_OPTION,
    quiet: bool = typer.Option(False, "-q", "--quiet", help="不显示读取摘要"),
) -> None:
    """读取预算公开文件，输出结构化 JSON（金额为精确小数，每个数值带出处）。

    给出同一份公开文件的多个文件（如情况说明与预算表格分册）时合并读取；不属于同一份公开文件的拒绝读取（退出码 2）。
    """
    if code := ingest_files(paths, output, encoding, max_pages, quiet):
        raise typer.Exit(code)

"""``yusuan compare A B``: two publications side by side, their narratives paragraph by paragraph, and
(between versions or consecutive years of one publication) which findings were fixed or are new."""
from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import InputError
from ..files import write_text_atomic
from ..ingest import read_disclosure
from .root import app, err
from .audit_cmd import run_audit
from .show_cmd import out


class CompareFormat(str, Enum):
    text = "text"
    json = "json"
    html = "html"
    xlsx = "xlsx"


@app.command("compare")
def compare_cmd(
    a: Path = typer.Argument(..., help="较早的一份（上年，或改正前的版本）"),
    b: Path = typer.Argument(..., help="较晚的一份（本年，或改正后的版本）"),
    fmt: CompareFormat = typer.Option(CompareFormat.text, "--format", "-f", help="输出格式：text、json、html（单页网页，含说明文字逐段对照）、xlsx"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="输出文件（xlsx 必须给出）"),
    show_all: bool = typer.Option(False, "--all", "-a", help="终端中逐表列出全部可比较的表格和说明文字的全部变化"),
    only_diff: bool = typer.Option(False, "--only-diff", "-d", help="只列数字不同的行（text、html、xlsx）"),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="文本文件的编码"),
) -> None:
    """比较两份预算公开文件：收支总表、“三公”经费、说明中的数字逐项对照，说明文字逐段对照；同一公开文件的
    两个版本（或同一单位相邻两年）之间另列已改正和新出现的审核发现。"""
    from ..audit.compare_docs import compare
    from ..report.compare_report import compare_to_json, render_compare_text, render_compare_xlsx

    if a.resolve() == b.resolve():
        raise InputError(f"两次给出的是同一个文件（{a}），无需比较。", code="input.same_file")
    da, db = read_disclosure(a, encoding=encoding), read_disclosure(b, encoding=encoding)
    c = compare(da, db, report_a=run_audit(da, None), report_b=run_audit(db, None))
    if fmt is CompareFormat.text:
        render_compare_text(c, out.real, show_all=show_all, only_diff=only_diff)
    elif fmt in (CompareFormat.json, CompareFormat.html):
        from ..report.compare_html import render_compare_html

        text = (json.dumps(compare_to_json(c), ensure_ascii=False, indent=2) if fmt is CompareFormat.json
                else render_compare_html(c, only_diff=only_diff))
        if output is None:
            typer.echo(text)
        else:
            write_text_atomic(output, text + "\n")
            err.print(f"已写入 {output}")
    else:
        if output is None:
            raise InputError("XLSX 格式需要用 -o 指定输出文件。")
        output.parent.mkdir(parents=True, exist_ok=True)
        tmp = output.with_name(f".{output.name}.tmp.xlsx")
        render_compare_xlsx(c, tmp, only_diff=only_diff)
        tmp.replace(output)
        err.print(f"已写入 {output}")

"""``yusuan health``: how well the reader understands a whole corpus, per document and in sum."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import List, Optional

import typer

from ..errors import InputError
from .root import app
from .show_cmd import out


def _line(h) -> str:
    if h.status not in ("ok", "incomplete"):
        return f"{h.file}\t{h.status}\t{h.message.splitlines()[0] if h.message else ''}"
    aside = f"（另有非预算表 {h.not_budget}）" if h.not_budget else ""
    return (f"{h.file}\t{h.status}\t{h.pages}页\t表格 {h.typed}/{h.tables}{aside}\t金额 {h.amounts}"
            f"\t数字文本 {h.number_text}\t未归入行 {h.unplaced_lines}\t恒等式 {h.identities_hold}/{h.tables_checked}"
            f"\t错误 {h.errors}\t{h.organisation or '（无单位名称）'}\t{h.year or '（无年度）'}\t{h.stage}\t{h.level}"
            f"\t{h.ms / h.pages if h.pages else 0:.1f}ms/页")


def _summary_text(s) -> str:
    return (f"合计：{s.documents} 个文件，读取 {s.read} 个；表格定型 {s.typed}/{s.tables}（{s.typed_share:.1%}），"
            f"另有非预算表 {s.not_budget}（绩效表、目录等）；"
            f"金额解析 {s.amounts}/{s.amounts + s.number_text}（{s.parsed_share:.2%}）；"
            f"恒等式成立 {s.identities_hold}/{s.tables_checked}；有单位名称 {s.with_organisation}/{s.read}，"
            f"有年度 {s.with_year}/{s.read}；检查错误 {s.errors}；读取中位数 {s.median_ms_per_page} ms/页；"
            f"状态 {dict(sorted(s.statuses.items()))}")


@app.command("health")
def health_cmd(
    paths: List[str] = typer.Argument(..., help="文件、目录或通配符，可多个"),
    workers: Optional[int] = typer.Option(None, "-j", "--workers", min=1, help="进程数（默认：全部 CPU 核）"),
    fmt: str = typer.Option("text", "--format", "-f", help="text 或 json"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="写入文件（默认：终端）"),
) -> None:
    """读取健康报告：逐个文件统计识别出的表格、定型比例、金额解析、恒等式和文件信息，并给出合计。"""
    from ..batch.discover import discover
    from ..batch.local import default_workers
    from ..report.health import summarise
    from ..report.health_run import health_of_files

    if fmt not in ("text", "json"):
        raise InputError(f"不认识的格式“{fmt}”：请用 text 或 json。")
    rows = list(health_of_files(discover(paths), workers or default_workers()))
    s = summarise(rows)
    if fmt == "json":
        text = json.dumps({"documents": [asdict(r) for r in rows], "summary": {**asdict(s),
                          "typed_share": s.typed_share, "parsed_share": s.parsed_share}}, ensure_ascii=False, indent=1)
    else:
        text = "\n".join([*map(_line, rows), _summary_text(s)])
    if output:
        output.write_text(text + "\n", encoding="utf-8")
        out.print(_summary_text(s))
    else:
        print(text)

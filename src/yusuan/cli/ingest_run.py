"""What ``yusuan ingest`` does, without Typer: read a disclosure (one file, or the files of one
publication) and write its JSON. The Typer command (`ingest_cmd`) and the light path (`quick`) both
call `ingest_files`."""
from __future__ import annotations

from pathlib import Path

from ..ingest import is_incomplete, partial_note, read_publication, write_disclosure
from ..serialize import dumps
from .console import echo, err
from .summary import print_summary


def ingest_files(paths: list[Path], output: Path | None = None, encoding: str | None = None,
                 max_pages: int | None = None, quiet: bool = False) -> int:
    """Read and write; the exit code (0, or 3: read but incomplete)."""
    d = read_publication(paths, encoding=encoding, max_pages=max_pages)
    if output is None:
        echo(dumps(d))
    else:
        write_disclosure(d, output)
        if not quiet:
            err.print(f"已写入 {output}")
    if not quiet:
        print_summary(d, err)
    if note := partial_note(d):
        err.print(f"[bold yellow]注意：[/]{note}")
        return 3
    if is_incomplete(d):
        err.print("[bold yellow]注意：[/]文件可能不完整（目录或模板要求的部分未找到），请查看读取提示。")
        return 3
    return 0

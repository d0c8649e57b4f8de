"""The command line: ``yusuan ingest | show | audit | demo``. Chinese for the user, exit codes for scripts.

Exit codes: 0 fine; 1 the audit found errors; 2 the input cannot be read; 3 read, but incomplete
(parts the document announces are missing); 70 an internal error (a bug: please report it).
"""
from __future__ import annotations

import os
import sys

import typer
from rich.console import Console

from .. import __version__
from ..errors import YusuanError
from . import zh  # noqa: F401  (Chinese help texts, before the commands are built)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="yusuan（预算）：读取、检查、编制和比较部门预算公开文件。",
    rich_markup_mode="rich",
)
err = Console(stderr=True)
# PDFs longer than the reader's limit (300 pages) are refused unless the user raises it.
MAX_PAGES_OPTION = typer.Option(None, "--max-pages", min=1, help="PDF 页数上限（默认 300 页；更长的文件需调高）")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"yusuan（预算）{__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                       help="显示版本号并退出。")) -> None:
    """yusuan（预算）：读取、检查、编制和比较部门预算公开文件。"""

from . import audit_cmd, batch_cmd, build_cmd, catalogue_cmd, compare_cmd, demo_cmd, health_cmd, ingest_cmd, serve_cmd, show_cmd  # noqa: E402,F401  (commands register on `app`)


def main() -> None:
    """Console entry: run the app; user errors become a Chinese message and an exit code."""
    try:
        app()  # standalone: usage errors and typer.Exit codes are handled by the framework
    except YusuanError as exc:
        err.print(f"[bold red]错误：[/]{exc.message}")
        if exc.detail:
            err.print(exc.detail)
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: never a traceback
        if os.environ.get("YUSUAN_DEBUG"):
            raise
        err.print(f"[bold red]内部错误：[/]{type(exc).__name__}: {exc}")
        err.print("这是 yusuan 的缺陷，请附上输入文件报告。设置环境变量 YUSUAN_DEBUG=1 可查看详细信息。")
        sys.exit(70)

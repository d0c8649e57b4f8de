"""The Typer app of the command line (exit codes: see `yusuan.cli`), its commands and the last line
of defence. Commands import their heavy parts inside their functions, so that building the app stays
cheap (tests/foundation/test_import_budget.py)."""
from __future__ import annotations

import os
import sys

from typing import TYPE_CHECKING, Any

import typer

from .. import __version__
from ..errors import YusuanError

if TYPE_CHECKING:
    from rich.console import Console
from . import zh  # noqa: F401  (Chinese help texts, before the commands are built)

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="yusuan（预算）：读取、检查、编制和比较部门预算公开文件。",
    rich_markup_mode="rich",
)


class LazyConsole:
    """A Rich console made when first used: importing Rich's console and tables costs more than a
    JSON audit needs. `real` is the console itself (for Rich APIs that want one)."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    @property
    def real(self) -> "Console":
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


err = LazyConsole(stderr=True)
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

def load_commands() -> None:
    """Register every command on `app` (importing a command's module registers it)."""
    from . import (audit_cmd, batch_cmd, build_cmd, catalogue_cmd, compare_cmd, demo_cmd, health_cmd, ingest_cmd,  # noqa: F401
                   serve_cmd, show_cmd)


_frozen = False


def settle(collect: bool = True) -> None:
    """The start-up is over: the modules and the app live until exit. They are moved out of the
    cycle collector's sight (gc.freeze, once per process) and collection resumes. Start-up runs with
    the collector off (`yusuan.cli.main`): collecting while ~10⁵ long-lived objects are made, and
    scanning them again on every later full collection, cost 15–20 % of a small document's audit."""
    global _frozen
    import gc

    try:
        import typer._adapters  # noqa: F401  (Typer's parsing of any command imports Pydantic here)
    except ImportError:
        pass
    if not _frozen:
        gc.freeze()
        _frozen = True
    if collect:
        gc.enable()


def run(collect: bool = True) -> None:
    """Run the app; user errors become a Chinese message and an exit code."""
    load_commands()
    settle(collect)
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

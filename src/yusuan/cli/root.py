"""The Typer app of the command line (exit codes: see `yusuan.cli`), its commands and the last line
of defence. Commands import their heavy parts inside their functions, so that building the app stays
cheap (tests/foundation/test_import_budget.py)."""
from __future__ import annotations

import typer

from .. import __version__
from . import zh  # noqa: F401  (Chinese help texts, before the commands are built)
from .console import LazyConsole, err, guarded
from .quick import freeze

__all__ = ["LazyConsole", "MAX_PAGES_OPTION", "app", "err", "load_commands", "run"]

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="yusuan（预算）：读取、检查、编制和比较部门预算公开文件。",
    rich_markup_mode="rich",
)


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


def settle(collect: bool = True) -> None:
    """The start-up is over: the modules and the app live until exit. They are moved out of the
    cycle collector's sight (gc.freeze, once per process) and collection resumes. Start-up runs with
    the collector off (`yusuan.cli.main`): collecting while ~10⁵ long-lived objects are made, and
    scanning them again on every later full collection, cost 15–20 % of a small document's audit."""
    try:
        import typer._adapters  # noqa: F401  (Typer's parsing of any command imports Pydantic here)
    except ImportError:
        pass
    freeze(collect)


def run(collect: bool = True) -> None:
    """Run the app; user errors become a Chinese message and an exit code (`console.guarded`)."""
    load_commands()
    settle(collect)
    guarded(app)  # standalone: usage errors and typer.Exit codes are handled by the framework

"""The command line's output without Typer: Rich consoles made when first printed, the report echo,
and the last line of defence (user errors → Chinese message and exit code, never a traceback).

Shared by the Typer app (`root`) and the light path of `audit` / `ingest` (`quick`), so that both
print and fail alike."""
from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any, Callable

from ..errors import YusuanError

if TYPE_CHECKING:
    from rich.console import Console


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
out = LazyConsole()  # Rich is imported when something is shown

# Typer's echo (click's) drops ANSI codes when standard output is no terminal; so does `echo`.
_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def echo(text: str) -> None:
    """A line on standard output, as `typer.echo` writes it, without importing Typer."""
    stream = sys.stdout
    if not stream.isatty():
        text = _ANSI.sub("", text)
    stream.write(text + "\n")
    stream.flush()


def guarded(command: Callable[[], Any]) -> None:
    """Run `command`; a user error becomes its Chinese message and exit code, anything else exit 70
    with a request to report it (the traceback only with YUSUAN_DEBUG)."""
    try:
        command()
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

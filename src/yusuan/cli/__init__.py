"""The command line: ``yusuan ingest | show | audit | demo``. Chinese for the user, exit codes for scripts.

Exit codes: 0 fine; 1 the audit found errors; 2 the input cannot be read; 3 read, but incomplete
(parts the document announces are missing); 70 an internal error (a bug: please report it).

This module stays light: ``yusuan --version`` answers without Typer; any other command builds the
Typer app (`root`) and its commands, each of which imports what it uses when it runs.
"""
from __future__ import annotations

import sys

VERSION_FLAGS = ("--version", "-V")


def main() -> None:
    """Console entry: the version at once; otherwise the app, whose user errors become a Chinese
    message and an exit code (`root.run`)."""
    if len(sys.argv) == 2 and sys.argv[1] in VERSION_FLAGS:
        from .. import __version__

        print(f"yusuan（预算）{__version__}")
        return
    import gc

    collecting = gc.isenabled()
    gc.disable()  # building the app makes long-lived objects only: no cycle collection until it is built
    try:
        from .root import run

        run(collect=collecting)
    finally:
        if collecting:
            gc.enable()


def __getattr__(name: str):
    """`app`, `err` and `MAX_PAGES_OPTION` as before: the app with every command registered."""
    if name in ("app", "err", "MAX_PAGES_OPTION"):
        from . import root

        root.load_commands()
        return getattr(root, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

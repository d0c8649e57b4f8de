"""The command line: ``yusuan ingest | show | audit | demo``. Chinese for the user, exit codes for scripts.

Exit codes: 0 fine; 1 the audit found errors; 2 the input cannot be read; 3 read, but incomplete
(parts the document announces are missing); 70 an internal error (a bug: please report it).

This module stays light: ``yusuan --version`` answers without Typer; so does a plain ``audit`` or
``ingest`` command line (`quick`); any other command builds the Typer app (`root`) and its commands,
each of which imports what it uses when it runs.
"""
from __future__ import annotations

import os
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
    gc.disable()  # start-up makes long-lived objects only: no cycle collection until it is done
    try:
        from .quick import light

        command = light(sys.argv[1:])
        if command is None:
            from .root import run

            run(collect=collecting)
        else:
            from .console import guarded
            from .quick import freeze

            freeze(collecting)
            try:
                guarded(command)
            except SystemExit as done:
                if _is_program() and (done.code is None or isinstance(done.code, int)):
                    _leave(done.code or 0)
                raise
    finally:
        if collecting:
            gc.enable()


def _is_program() -> bool:
    """Whether this process is the yusuan program itself (the console script or `python -m yusuan`),
    not a host that called `main` and goes on after it."""
    top = sys.modules.get("__main__")
    spec = getattr(top, "__spec__", None)
    name = os.path.basename(getattr(top, "__file__", None) or "")
    return (spec is not None and spec.name == "yusuan.__main__") or name in ("yusuan", "yusuan-script.py")


def _leave(code: int) -> None:
    """End the finished command at once: exit handlers run and the output is flushed, but the
    interpreter's teardown — freeing every module and object one by one, ≈ 0.04 s after an audit —
    is skipped. Not while another thread runs; not if the output cannot be flushed (the normal exit
    reports that)."""
    import atexit
    import threading

    if threading.active_count() > 1:
        return
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def __getattr__(name: str):
    """`app`, `err` and `MAX_PAGES_OPTION` as before: the app with every command registered."""
    if name in ("app", "err", "MAX_PAGES_OPTION"):
        from . import root

        root.load_commands()
        return getattr(root, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

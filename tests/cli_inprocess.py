"""The console entry (`yusuan …`) run in-process: its exit code and what it printed, as a user sees them."""
from __future__ import annotations

import sys

from yusuan.cli import main


def run_cli(argv: list[str], monkeypatch, capsys) -> tuple[int, str]:
    """(exit code, stdout + stderr) of `yusuan *argv`; YUSUAN_DEBUG unset so errors are shown as users see them."""
    monkeypatch.delenv("YUSUAN_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setattr(sys, "argv", ["yusuan", *argv])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    captured = capsys.readouterr()
    return code, captured.out + captured.err

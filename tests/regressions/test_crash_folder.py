"""Every input of the fuzz campaign that once crashed yusuan (issue 11) now gets an exit code of
0–3 and, when it fails, a Chinese message — never exit 70 nor a traceback.

The inputs and their commands are in crashes/README.txt (one line each, as the campaign found
them); each command runs in-process through the console entry, so the whole folder takes seconds.
"""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from cli_inprocess import run_cli

CRASHES = Path(__file__).resolve().parent / "crashes"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _commands() -> list[tuple[str, list[str]]]:
    """(id, argv after `yusuan`) for each README line, with the `also:` commands as their own cases."""
    out = []
    for line in (CRASHES / "README.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _what, repro = line.split("\t", 2)
        for n, command in enumerate(re.findall(r"yusuan ([^;)]+)", repro)):
            out.append((f"{name.rstrip('/')}-{n}" if n else name.rstrip("/"), shlex.split(command)))
    return out


COMMANDS = _commands()


def _localise(argv: list[str], tmp: Path) -> list[str]:
    """The README's paths (../shared/crashes, /tmp/…) made to point at the repo copy and a temp dir."""
    out = []
    for arg in argv:
        if arg.startswith("../shared/crashes/"):
            arg = str(CRASHES / arg.removeprefix("../shared/crashes/"))
        elif arg.startswith("/tmp/"):
            arg = str(tmp / arg.removeprefix("/tmp/"))
        out.append(arg)
    return out


def test_the_readme_lists_every_input_in_the_folder():
    listed = {argv[1].rsplit("/", 1)[-1] or argv[1].rstrip("/").rsplit("/", 1)[-1]
              for _, argv in COMMANDS for argv in [[a.rstrip("/") for a in argv]]}
    present = {p.name for p in CRASHES.iterdir() if p.name != "README.txt"}
    assert present <= listed, present - listed
    assert len(COMMANDS) >= 80


@pytest.mark.parametrize("argv", [argv for _, argv in COMMANDS], ids=[i for i, _ in COMMANDS])
def test_crash_input_gets_a_documented_exit_code_and_a_chinese_message(argv, tmp_path, monkeypatch, capsys):
    code, output = run_cli(_localise(argv, tmp_path), monkeypatch, capsys)
    assert code in (0, 1, 2, 3), output
    assert "Traceback" not in output and "内部错误" not in output, output
    if code in (2, 3):
        assert _HAN.search(output), output

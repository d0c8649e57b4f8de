"""The light path of `yusuan audit` / `yusuan ingest` (issue 20, `yusuan.cli.quick`): a plain command
line runs without Typer and does what the Typer command does; anything else is Typer's to answer."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import typer.main

from cli_inprocess import run_cli
from yusuan.cli import audit_cmd, ingest_cmd, quick, root

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REFERENCE = SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt"
KIND = {"format": audit_cmd.Format, "path": Path, "int": int, "str": str, "many": list, "flag": bool}


@pytest.mark.parametrize("name, spec, function", [("audit", quick.AUDIT, audit_cmd.audit_cmd),
                                                  ("ingest", quick.INGEST, ingest_cmd.ingest)])
def test_the_light_options_are_the_typer_commands_options(name, spec, function):
    root.load_commands()
    command = typer.main.get_command(root.app).commands[name]  # type: ignore[attr-defined]
    options = [p for p in command.params if p.param_type_name == "option"]
    assert sorted(o for p in options for o in (*p.opts, *p.secondary_opts)) == sorted(spec)
    hints = typing.get_type_hints(function)
    for p in options:
        for spelling in p.opts:
            assert spec[spelling].dest == p.name and p.envvar is None
            assert (spec[spelling].kind == "flag") == p.is_flag and (spec[spelling].kind == "many") == p.multiple
            assert _bare(hints[p.name]) is KIND[spec[spelling].kind], p.name


def _bare(hint):
    """`Optional[list[str]]` → list, `Optional[Path]` → Path, `bool` → bool."""
    if typing.get_origin(hint) is typing.Union:
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    return typing.get_origin(hint) or hint


def test_the_light_formats_are_the_commands():
    assert quick.FORMATS == tuple(f.value for f in audit_cmd.Format)


def test_a_plain_command_line_is_parsed():
    assert quick.parse(["audit", "-f", "json", "a.pdf"]) == ("audit", ["a.pdf"], {"fmt": "json"})
    assert quick.parse(["audit", "a.pdf", "--format=html", "--with", "b", "--with", "c", "-a", "--max-pages", "400",
                        "-o", "r.html"]) == ("audit", ["a.pdf"], {"fmt": "html", "with_": ["b", "c"], "show_all": True,
                                                                 "max_pages": 400, "output": Path("r.html")})
    assert quick.parse(["ingest", "a.pdf", "b.pdf", "-q"]) == ("ingest", ["a.pdf", "b.pdf"], {"quiet": True})


@pytest.mark.parametrize("argv", [
    [], ["audit"], ["audit", "--help"], ["audit", "a.pdf", "--help"], ["audit", "-f", "jsn", "a.pdf"],
    ["audit", "-fjson", "a.pdf"], ["audit", "-av", "a.pdf"], ["audit", "--", "a.pdf"], ["audit", "-", "a.pdf"],
    ["audit", "a.pdf", "-f", "json", "-f", "text"], ["audit", "a.pdf", "--max-pages", "0"],
    ["audit", "a.pdf", "--max-pages", "x"], ["audit", "a.pdf", "--max-pages", "010"], ["audit", "a.pdf", "--all=1"], ["audit", "a.pdf", "-o"],
    ["audit", "a.pdf", "-o", ""], ["audit", "a.pdf", "--only", "-v"], ["ingest", "a.pdf", "--format", "json"],
    ["show", "a.pdf"], ["--version", "audit", "a.pdf"], ["ingest", "-"],
])
def test_anything_else_is_typers(argv):
    assert quick.parse(argv) is None


def test_an_unreadable_path_is_typers(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("x")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who reads anything")
        assert quick.parse(["ingest", str(locked)]) is None
        assert quick.parse(["audit", "a.pdf", "-o", str(locked)]) is None
    finally:
        locked.chmod(0o600)


@pytest.mark.parametrize("argv", [["audit", "-f", "json", str(REFERENCE)], ["audit", str(REFERENCE), "-a"],
                                  ["ingest", str(REFERENCE), "-q"], ["audit", "-f", "json", "/no/such/file.pdf"]])
def test_the_light_path_prints_and_exits_as_typer(argv, monkeypatch, capsys):
    assert quick.parse(argv) is not None
    code, light = run_cli(argv, monkeypatch, capsys)
    monkeypatch.setattr(quick, "light", lambda argv: None)  # the same command line through the Typer app
    assert run_cli(argv, monkeypatch, capsys) == (code, light)
    if argv[1] == "-f":
        assert code == 2 or json.loads(light)["format"] == "yusuan.audit-report"


def test_usage_errors_still_come_from_typer_in_chinese(monkeypatch, capsys):
    code, text = run_cli(["audit", "-f", "jsn", str(REFERENCE)], monkeypatch, capsys)
    assert code == 2 and "参数值无效" in text and "不是以下之一" in text
    code, text = run_cli(["audit", "--help"], monkeypatch, capsys)
    assert code == 0 and "用法：" in text and "选项" in text


def test_the_program_leaves_at_once_with_all_its_output_and_its_code(tmp_path):
    """`python -m yusuan` (as the console script) ends a finished light command with os._exit: the
    same output, files and exit code as a host calling `main`, which exits normally."""
    argv = ["audit", "-f", "json", str(REFERENCE)]
    program = subprocess.run([sys.executable, "-m", "yusuan", *argv], capture_output=True, text=True, timeout=300)
    hosted = subprocess.run([sys.executable, "-c", "from yusuan.cli import main; main()", *argv],
                            capture_output=True, text=True, timeout=300)
    assert (program.returncode, program.stdout, program.stderr) == (hosted.returncode, hosted.stdout, hosted.stderr)
    assert program.returncode == 1 and json.loads(program.stdout)["format"] == "yusuan.audit-report"
    written = tmp_path / "r.json"
    done = subprocess.run([sys.executable, "-m", "yusuan", *argv, "-o", str(written)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 1 and json.loads(written.read_text()) == json.loads(program.stdout)

"""The command line as a user meets it: Chinese messages, exit codes, never a traceback."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
YUSUAN = [sys.executable, "-c", "from yusuan.cli import main; main()"]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "YUSUAN_DEBUG"}
    env["COLUMNS"] = "200"
    return subprocess.run([*YUSUAN, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("empty.txt", b"", "文件为空"),
        ("binary.txt", bytes(range(256)) * 4, "二进制"),
        ("notes.txt", "今天开会，讨论明年的工作计划。\n会议纪要如下。\n".encode(), "不是预算公开文件"),
        ("gbk.txt", "2025年预算收支总表\n合计\t1.00\n".encode("gbk"), "GBK"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "旧版 Office"),
    ],
)
def test_bad_input_gets_chinese_message_and_exit_2(tmp_path, name, data, words):
    p = tmp_path / name
    p.write_bytes(data)
    r = run("ingest", str(p))
    assert r.returncode == 2, r.stderr
    assert words in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_ingest_writes_json_atomically(tmp_path, reference_path):
    out = tmp_path / "out" / "ref.json"
    r = run("ingest", str(reference_path), "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["format"] == "yusuan.disclosure"
    assert [p.name for p in out.parent.iterdir()] == ["ref.json"]  # no temp files left behind


def test_failed_ingest_leaves_the_previous_output_untouched(tmp_path):
    out = tmp_path / "keep.json"
    out.write_text("earlier result", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    r = run("ingest", str(empty), "-o", str(out))
    assert r.returncode == 2
    assert out.read_text(encoding="utf-8") == "earlier result"


def test_truncated_document_is_read_but_flagged_incomplete(tmp_path, reference_path):
    lines = reference_path.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, ln in enumerate(lines) if ln.startswith("2025年一般公共预算支出预算表"))
    p = tmp_path / "cut.txt"
    p.write_text("\n".join(lines[:cut]) + "\n", encoding="utf-8")
    out = tmp_path / "cut.json"
    r = run("ingest", str(p), "-o", str(out))
    assert r.returncode == 3, r.stderr
    assert "不完整" in r.stderr
    assert out.exists()  # what was read is kept


def test_show_a_table_by_chinese_name(reference_path):
    r = run("show", str(reference_path), "收入总表")
    assert r.returncode == 0, r.stderr
    assert "2013299" in r.stdout and "3922.42" in r.stdout


def test_show_unknown_table_lists_the_available_ones(reference_path):
    r = run("show", str(reference_path), "不存在的表")
    assert r.returncode == 2
    assert "未找到表格" in r.stderr and "Traceback" not in r.stderr

"""`yusuan batch` and `yusuan audit` over many files, as a reviewer runs them in a terminal."""
from __future__ import annotations

import json
import os
import subprocess
import sys

YUSUAN = [sys.executable, "-c", "from yusuan.cli import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("YUSUAN_DEBUG", "YUSUAN_DATABASE_URL")} | {"COLUMNS": "200"}
    return subprocess.run([*YUSUAN, *args], capture_output=True, text=True, env=env, timeout=300)


def test_batch_command_prints_the_summary_and_exits_with_the_worst_code(corpus, tmp_path):
    out = tmp_path / "out"
    r = run("batch", str(corpus / "shanxi"), str(corpus / "bad" / "*.pdf"), "-o", str(out), "-j", "2")
    assert r.returncode == 2, r.stderr  # the truncated PDF cannot be read
    assert "批量检查结果" in r.stdout and "无法读取" in r.stdout and "truncated.pdf" in r.stdout
    assert "Traceback" not in r.stderr
    docs = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(d["exit_code"] for d in docs) == [1, 2]
    again = run("batch", str(corpus / "shanxi"), str(corpus / "bad" / "*.pdf"), "-o", str(out))
    assert "续跑：2 个文件" in again.stderr and again.returncode == 2


def test_batch_into_the_store(corpus, tmp_path, monkeypatch):
    env_data = tmp_path / "data"
    monkeypatch.setenv("YUSUAN_DATA_DIR", str(env_data))
    r = run("batch", str(corpus / "shanxi"), "-o", str(tmp_path / "out"), "-j", "1", "--store")
    assert r.returncode == 1, r.stderr
    assert "数据库：新存入 1 个文件" in r.stdout and (env_data / "yusuan.db").exists()


def test_audit_takes_folders_and_globs_and_reports_each_file(corpus, tmp_path):
    r = run("audit", str(corpus / "shanxi"), str(corpus / "bad" / "*.txt"), "-f", "json", "-o", str(tmp_path / "r"))
    assert r.returncode == 2 and "empty.txt" in r.stderr  # the empty file: its error, and the rest go on
    written = list((tmp_path / "r").glob("*-审核报告.json"))
    assert [p.name for p in written] == ["yangquan-civil-affairs-2025-dept-budget-审核报告.json"]
    assert json.loads(written[0].read_text(encoding="utf-8"))["summary"]["error"] > 0
    assert run("audit", str(corpus / "shanxi"), "-f", "json").returncode == 2  # many files need -o DIR

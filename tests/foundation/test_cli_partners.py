"""`yusuan audit A B …` and `yusuan audit FILE --with DIR` find each file's partners by themselves and
run the cross-document rules: a department with its unit, a street office with its year before."""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

PDF = Path(__file__).resolve().parents[2] / "samples" / "pdf"
YUSUAN = [sys.executable, "-c", "from yusuan.cli import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "YUSUAN_DEBUG"} | {"COLUMNS": "200"}
    return subprocess.run([*YUSUAN, *args], capture_output=True, text=True, env=env, timeout=300)


def test_several_files_are_each_others_partners():
    r = run("audit", str(PDF / "putuo-govoffice-2025-dept-budget.pdf"), str(PDF / "putuo-govoffice-2025-unit-budget.pdf"))
    assert "跨文件核对：所属单位 2025年单位预算（上海市普陀区人民政府办公室）" in r.stdout, r.stderr[-2000:]
    assert "跨文件核对：所属部门 2025年部门预算（上海市普陀区人民政府办公室）" in r.stdout


def test_with_a_folder_the_year_before_is_found_and_its_rules_run(tmp_path):
    others = tmp_path / "others"
    others.mkdir()
    for name in ("putuo-wanli-2024-dept-budget.pdf", "putuo-govoffice-2025-unit-budget.pdf"):
        shutil.copy(PDF / name, others / name)
    out = tmp_path / "r.json"
    r = run("audit", str(PDF / "putuo-wanli-2025-dept-budget.pdf"), "--with", str(others), "-f", "json", "-o", str(out))
    assert r.returncode in (0, 1), r.stderr[-2000:]
    data = json.loads(out.read_text(encoding="utf-8"))
    ran = {o["rule"] for o in data["outcomes"] if o["status"] == "ran"}
    assert {"across.last_year_claims", "narrative.change_vs_last_year"} <= ran
    assert not [f for f in data["findings"] if f["rule"].startswith("across.") and f["severity"] != "info"]
    alone = tmp_path / "alone.json"
    run("audit", str(PDF / "putuo-wanli-2025-dept-budget.pdf"), "-f", "json", "-o", str(alone))
    assert "across.last_year_claims" not in {o["rule"] for o in json.loads(alone.read_text(encoding="utf-8"))["outcomes"]
                                             if o["status"] == "ran"}

"""`yusuan audit` and `yusuan accept` as a reviewer uses them."""
import json
import os
import subprocess
import sys
from pathlib import Path

YUSUAN = [sys.executable, "-c", "from yusuan.cli import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "YUSUAN_DEBUG"} | {"COLUMNS": "200"}
    return subprocess.run([*YUSUAN, *args], capture_output=True, text=True, env=env, timeout=180)


def test_audit_of_the_reference_exits_1_with_its_real_errors(tmp_path, reference_path):
    doc = tmp_path / "ref.txt"
    doc.write_bytes(reference_path.read_bytes())
    r = run("audit", str(doc), "--format", "json", "-o", str(tmp_path / "r.json"))
    assert r.returncode == 1, r.stderr
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    rules = {f["rule"] for f in data["findings"] if f["severity"] == "error"}
    assert "wording.template_alternative" in rules  # 下降(增长) left in the text


def test_accepting_every_error_turns_the_exit_code_to_0(tmp_path, reference_path):
    doc = tmp_path / "ref.txt"
    doc.write_bytes(reference_path.read_bytes())
    run("audit", str(doc), "--format", "json", "-o", str(tmp_path / "r.json"))
    errors = [f for f in json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["findings"]
              if f["severity"] == "error"]
    for f in errors:
        r = run("accept", str(doc), f["fingerprint"], "--reason", "已核实", "--by", "张审核")
        assert r.returncode == 0, r.stderr
    sidecar = Path(str(doc) + ".yusuan-accepted.json")
    assert len(json.loads(sidecar.read_text(encoding="utf-8"))) == len({f["fingerprint"] for f in errors})
    again = run("audit", str(doc), "--format", "json", "-o", str(tmp_path / "r2.json"))
    assert again.returncode == 0, again.stdout[-2000:]
    data = json.loads((tmp_path / "r2.json").read_text(encoding="utf-8"))
    assert all(f["accepted"] for f in data["findings"] if f["severity"] == "error")


def test_audit_writes_the_checklist_xlsx(tmp_path, reference_path):
    out = tmp_path / "检查表.xlsx"
    r = run("audit", str(reference_path), "--format", "xlsx", "-o", str(out), "--accepted", str(tmp_path / "none.json"))
    assert r.returncode == 1 and out.read_bytes()[:2] == b"PK"


def test_unreadable_input_exits_2(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_bytes(b"%PDF-1.4 broken")
    r = run("audit", str(p))
    assert r.returncode == 2 and "Traceback" not in r.stderr


def test_rules_lists_the_catalog():
    r = run("rules")
    assert r.returncode == 0 and "arith." in r.stdout

"""A batch over a corpus says exactly what reading and auditing each file on its own says; its
open files hold every amount exactly; a file that cannot be read is recorded, not fatal."""
from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

from yusuan.batch.job import AUDITED, UNREADABLE
from yusuan.ingest import read_disclosure
from yusuan.report.json_report import report_to_json
from yusuan.serialize import dumps
from yusuan.store.amounts import amount_rows


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def one_by_one(path: Path):
    """What `yusuan audit FILE -f json` computes for one file."""
    from yusuan.cli.audit_cmd import run_audit
    from yusuan.report.acceptance import exit_code, sidecar_path

    d = read_disclosure(path)
    report = run_audit(d, sidecar_path(path))
    return d, report_to_json(report, d), exit_code(report)


def test_every_format_of_the_corpus_is_read(one_batch):
    summary, _ = one_batch
    by_name = {Path(r.path).name: r for r in summary.results}
    assert summary.files == 10 and summary.skipped == 0
    assert {n for n, r in by_name.items() if r.status == AUDITED} == {
        "yangquan-civil-affairs-2025-dept-budget.txt", "福利院-2024.xlsx", "福利院-2024.docx",
        *(p for p in by_name if p.endswith("-budget.pdf"))}
    assert by_name["福利院-2024.xlsx"].organisation == by_name["putuo-welfare-home-2024-unit-budget.pdf"].organisation


def test_batch_results_equal_one_by_one(one_batch, corpus_master):
    summary, out = one_batch
    for r in (r for r in summary.results if r.status == AUDITED):
        d, report, code = one_by_one(Path(r.path))
        assert (out / "documents" / f"{r.sha256}.json").read_text(encoding="utf-8") == dumps(d, indent=None)
        assert json.loads((out / "reports" / f"{r.sha256}.json").read_text(encoding="utf-8")) == report
        assert r.exit_code == code and r.errors == report["summary"]["error"]


def test_amounts_file_holds_every_printed_amount_exactly(one_batch):
    summary, out = one_batch
    rows = read_csv(out / "amounts.csv")
    ref = next(r for r in summary.results if r.path.endswith(".txt") and r.status == AUDITED)
    mine = [row for row in rows if row["sha256"] == ref.sha256]
    want = amount_rows(read_disclosure(Path(ref.path)))
    assert [(m["table_id"], m["code"], m["column_key"], m["amount"], m["unit"]) for m in mine] == \
           [(w["table_id"], w["code"] or "", w["column_key"], w["value_text"], w["unit"]) for w in want]
    row = next(m for m in mine if m["code"] == "2013299" and m["table_kind"] == "income_summary" and m["column_key"] == "total")
    assert (row["amount"], row["unit"], row["yuan_fen"], row["document"]) == ("1.47", "万元", "1470000",
                                                                              "shanxi/yangquan-civil-affairs-2025-dept-budget.txt")
    assert row["line"] and row["table_title"] and row["column_label"]


def test_parquet_holds_the_same_rows_with_amounts_as_text(one_batch):
    pq = pytest.importorskip("pyarrow.parquet")
    _, out = one_batch
    table = pq.read_table(out / "amounts.parquet")
    assert str(table.schema.field("amount").type) == "string"  # exact decimal text, never float
    rows = read_csv(out / "amounts.csv")
    assert table.num_rows == len(rows)
    assert table.column("amount").to_pylist() == [r["amount"] for r in rows]
    # the reference's 2013299 其他组织事务支出 income total, as printed: 1.47万元 = 1,470,000 分
    (row,) = [r for r in table.to_pylist() if r["document"].endswith("yangquan-civil-affairs-2025-dept-budget.txt")
              and (r["table_kind"], r["code"], r["column_key"]) == ("income_summary", "2013299", "total")]
    assert (row["amount"], row["unit"], row["yuan_fen"]) == ("1.47", "万元", 1470000)
    assert all(Decimal(a).is_finite() and "E" not in a.upper() for a in table.column("amount").to_pylist())
    findings = pq.read_table(out / "findings.parquet")
    assert findings.num_rows == len(read_csv(out / "findings.csv")) > 0


def test_unreadable_files_are_recorded_with_the_chinese_error_and_exit_code(one_batch):
    summary, out = one_batch
    docs = {Path(r["document"]).name: r for r in read_csv(out / "documents.csv")}
    assert docs["truncated.pdf"]["status"] == UNREADABLE and docs["truncated.pdf"]["exit_code"] == "2"
    assert docs["empty.txt"]["exit_code"] == "2" and "空" in docs["empty.txt"]["message"]
    assert summary.unreadable == 2 and summary.exit_code == 2  # the worst file decides the batch's code


def test_findings_file_carries_figures_as_exact_text(one_batch):
    _, out = one_batch
    rows = read_csv(out / "findings.csv")
    figured = [r for r in rows if r["difference"]]
    assert figured and all(Decimal(r["actual"]) - Decimal(r["expected"]) == Decimal(r["difference"]) for r in figured)
    assert {r["severity"] for r in rows} <= {"error", "warning", "info"}


def test_pairs_link_years_and_a_department_with_its_unit_publication(one_batch):
    _, out = one_batch
    pairs = {(p["kind"], Path(p["a_document"]).name, Path(p["b_document"]).name) for p in read_csv(out / "pairs.csv")}
    assert ("years", "putuo-wanli-2024-dept-budget.pdf", "putuo-wanli-2025-dept-budget.pdf") in pairs
    assert ("department_unit", "putuo-govoffice-2025-dept-budget.pdf", "putuo-govoffice-2025-unit-budget.pdf") in pairs
    assert not any(k == "years" and "govoffice" in a and "wanli" in b for k, a, b in pairs)


def test_datapackage_describes_every_file_by_its_columns(one_batch):
    _, out = one_batch
    pkg = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["profile"] == "fiscal-data-package"
    assert pkg["model"]["measures"]["amount"]["source"] == "yuan_fen"
    for res in pkg["resources"]:
        assert (out / res["path"]).exists()
        if res["format"] == "csv":
            with (out / res["path"]).open(encoding="utf-8-sig") as f:
                assert next(csv.reader(f)) == [fld["name"] for fld in res["schema"]["fields"]]

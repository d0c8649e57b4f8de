"""One file's failure never stops a batch: an exception, or a process that dies outright."""
from __future__ import annotations

from pathlib import Path

from yusuan.batch.job import AUDITED, FAILED
from yusuan.batch.run import BatchOptions, run_batch


def test_a_worker_process_dying_on_one_file_fails_that_file_only(corpus, tmp_path):
    from crashing import die_on_docx

    args = [corpus / "office", corpus / "shanxi", corpus / "shanghai" / "putuo-wanli-2025-dept-budget.pdf"]
    summary = run_batch(args, BatchOptions(out=tmp_path / "out", workers=2), job_fn=die_on_docx)
    status = {Path(r.path).name: (r.status, r.error_code) for r in summary.results}
    assert status["福利院-2024.docx"] == (FAILED, "internal.worker_died")
    assert [n for n, (s, _) in status.items() if s == AUDITED] and len(status) == 4
    assert all(s == AUDITED for n, (s, _) in status.items() if not n.endswith(".docx"))
    assert summary.exit_code == 70


def test_a_corrupt_acceptance_sidecar_is_that_files_error(corpus, tmp_path):
    ref = next((corpus / "shanxi").glob("*.txt"))
    Path(str(ref) + ".yusuan-accepted.json").write_text("{not json", encoding="utf-8")
    summary = run_batch([corpus / "shanxi", corpus / "office"], BatchOptions(out=tmp_path / "out", workers=1))
    by = {Path(r.path).name: r for r in summary.results}
    assert by[ref.name].exit_code == 2 and "已接受问题记录文件" in by[ref.name].message
    assert by["福利院-2024.xlsx"].status == AUDITED


def test_accepted_findings_count_as_in_the_single_file_audit(corpus, tmp_path):
    """A sidecar's acceptances apply in a batch as they do to `yusuan audit FILE`."""
    import json

    from yusuan.report.acceptance import accept
    from yusuan.report.json_report import report_from_json

    out = tmp_path / "out"
    first = run_batch([corpus / "shanxi"], BatchOptions(out=out, workers=1)).results[0]
    report = report_from_json(json.loads((out / "reports" / f"{first.sha256}.json").read_text(encoding="utf-8")))
    ref = Path(first.path)
    for f in report.errors:
        accept(Path(str(ref) + ".yusuan-accepted.json"), f, "已核实", "张审核")
    again = run_batch([corpus / "shanxi"], BatchOptions(out=tmp_path / "out2", workers=1)).results[0]
    assert first.errors > 0 and again.errors == 0 and again.exit_code == 0

"""Resuming: what is done (by content) is not read again; an edited file is; a journal line cut
short by a crash is ignored; our own failures are retried."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from yusuan.batch.job import FAILED
from yusuan.batch.run import BatchOptions, run_batch


def small(corpus: Path) -> list[Path]:
    return [corpus / "shanxi", corpus / "bad"]


def run(args, out, **kw):
    seen = []
    summary = run_batch(args, BatchOptions(out=out, workers=2), progress=lambda r: seen.append(Path(r.path).name), **kw)
    return summary, seen


def test_a_second_run_reads_nothing_and_writes_the_same_files(corpus, tmp_path):
    out = tmp_path / "out"
    first, seen = run(small(corpus), out)
    assert len(seen) == 3
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    second, seen = run(small(corpus), out)
    assert seen == [] and second.skipped == 3
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before


def test_moved_files_are_known_by_content_and_edited_ones_read_again(corpus, tmp_path):
    out = tmp_path / "out"
    run(small(corpus), out)
    shutil.move(corpus / "shanxi", corpus / "山西")
    ref = next((corpus / "山西").glob("*.txt"))
    _, seen = run([corpus / "山西", corpus / "bad"], out)
    assert seen == []
    ref.write_text(ref.read_text(encoding="utf-8").replace("市殡仪馆办公设施购置", "市殡仪馆办公设备购置"), encoding="utf-8")
    summary, seen = run([corpus / "山西", corpus / "bad"], out)
    assert seen == [ref.name]
    assert any(r.path == str(ref.resolve()) for r in summary.results)  # exports name files where they are now


def test_a_journal_cut_short_by_a_crash_resumes_from_its_last_whole_line(corpus, tmp_path):
    out = tmp_path / "out"
    run(small(corpus), out)
    journal = out / "results.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines()
    journal.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][: len(lines[-1]) // 2], encoding="utf-8")
    lost = json.loads(lines[-1])["path"]
    _, seen = run(small(corpus), out)
    assert seen == [Path(lost).name]


def test_failures_of_our_own_are_retried_on_resume(corpus, tmp_path):
    from crashing import raise_on_reference

    out = tmp_path / "out"
    summary, _ = run(small(corpus), out, job_fn=raise_on_reference)
    failed = [r for r in summary.results if r.status == FAILED]
    assert [Path(r.path).suffix for r in failed] == [".txt"] and failed[0].exit_code == 70
    assert "MemoryError" in failed[0].message
    _, seen = run(small(corpus), out)
    assert seen == [failed[0].path.rsplit("/", 1)[1]]


def test_the_record_after_a_torn_line_starts_a_line_of_its_own(corpus, tmp_path):
    """The re-read file's record was glued onto the torn line, so every later run read it again."""
    out = tmp_path / "out"
    run(small(corpus), out)
    journal = out / "results.jsonl"
    lines = journal.read_text(encoding="utf-8").splitlines()
    journal.write_text("\n".join(lines[:-1]) + "\n" + lines[-1][: len(lines[-1]) // 2], encoding="utf-8")
    run(small(corpus), out)
    _, seen = run(small(corpus), out)
    assert seen == []
    assert json.loads(journal.read_text(encoding="utf-8").splitlines()[-1])["path"] == json.loads(lines[-1])["path"]

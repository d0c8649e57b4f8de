"""Accepting findings: the sidecar file, re-runs that keep acceptances, and a corrupt file left alone."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from report_sample import sample

from yusuan.errors import InputError
from yusuan.report import accept, apply_accepted, exit_code, load_accepted, sidecar_path


def test_sidecar_sits_next_to_the_document(tmp_path):
    assert sidecar_path(tmp_path / "民政局2025.pdf") == tmp_path / "民政局2025.pdf.yusuan-accepted.json"


def test_accept_then_rerun_shows_the_finding_accepted(tmp_path):
    d, report = sample()
    error = report.findings[0]
    path = sidecar_path(tmp_path / "doc.txt")
    when = datetime(2025, 3, 1, 9, 30, tzinfo=timezone.utc)
    accept(path, error, "合计按单位汇总口径，复核无误", "张三", at=when)
    stored = json.loads(path.read_text("utf-8"))
    assert stored == {error.fingerprint: {
        "rule": "arith.column_total", "message": error.message, "accepted_by": "张三",
        "reason": "合计按单位汇总口径，复核无误", "at": "2025-03-01T09:30:00+00:00"}}

    _, rerun = sample()  # a fresh run knows nothing of the acceptance until it is applied
    assert rerun.summary["error"] == 2 and exit_code(rerun) == 1
    applied = apply_accepted(rerun, load_accepted(path))
    assert applied.accepted == frozenset({error.fingerprint})
    assert (applied.summary["error"], applied.summary["accepted"]) == (1, 1)


def test_accepting_every_error_gives_exit_code_zero(tmp_path):
    d, report = sample()
    path = tmp_path / "accepted.json"
    for f in report.errors:
        accept(path, f, "误报", "李四")
    applied = apply_accepted(report, load_accepted(path))
    assert applied.errors == () and exit_code(applied) == 0
    assert applied.summary["warning"] == 3  # warnings do not decide the exit code


def test_entries_for_findings_no_longer_reported_are_kept(tmp_path):
    d, report = sample()
    path = tmp_path / "accepted.json"
    path.write_text(json.dumps({"0123456789abcdef": {"rule": "arith.gone", "message": "旧问题"}}), "utf-8")
    accept(path, report.findings[2], "名称为简称", "王五")
    kept = load_accepted(path)
    assert set(kept) == {"0123456789abcdef", report.findings[2].fingerprint}
    assert apply_accepted(report, kept).accepted == frozenset({report.findings[2].fingerprint})


@pytest.mark.parametrize("content", [b"{not json", b'["a list"]', b'{"abc": "not an object"}', b"\xff\xfe\x00"])
def test_corrupt_sidecar_is_an_input_error_and_stays_untouched(tmp_path, content):
    d, report = sample()
    path = tmp_path / "doc.txt.yusuan-accepted.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_accepted(path)
    assert "无法读取已接受问题记录文件" in err.value.message and err.value.exit_code == 2
    with pytest.raises(InputError):
        accept(path, report.findings[0], "误报", "张三")
    assert path.read_bytes() == content
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind


def test_missing_sidecar_means_nothing_accepted(tmp_path):
    assert load_accepted(tmp_path / "none.json") == {}

"""The PDF's layout runs in a forked child: results and errors come back as if it ran here."""
from __future__ import annotations

import gc
import os

import pytest

from yusuan.render.isolated import isolated, paused
from yusuan.render.pdf import user_agent_css


def _pid_and_collector(label: str) -> tuple[str, int, bool]:
    return label, os.getpid(), gc.isenabled()


def _refuse(project: str) -> None:
    raise ValueError(f"项目“{project}”缺少年度资金总额")


def _deep(n: int) -> int:
    return 0 if n == 0 else 1 + _deep(n - 1)


def test_the_job_runs_in_a_child_without_the_collector_and_its_result_comes_back():
    label, pid, collecting = isolated(_pid_and_collector, "第 1 页")
    assert label == "第 1 页" and pid != os.getpid() and not collecting
    assert gc.isenabled()  # the caller's collector is left as it was


def test_an_error_in_the_child_is_raised_in_the_caller():
    with pytest.raises(ValueError, match="年度资金总额"):
        isolated(_refuse, "养老机构补助")


def test_a_deep_recursion_runs_in_the_roomy_frame_here_and_there():
    assert isolated(_deep, 800) == 800 and paused(_deep, 800) == 800
    assert gc.isenabled()


def test_the_user_agent_sheet_loses_only_the_per_element_pseudo_element_rules():
    from weasyprint.html import UA

    trimmed = user_agent_css(UA)
    for rule in ("::footnote-call", "::footnote-marker", "::note-call", "::note-marker", "::note-callback"):
        assert f"\n{rule} " in UA and f"\n{rule} " not in trimmed  # a WeasyPrint upgrade that moves them shows here
    assert "\nli::marker {" in trimmed and "\n::marker {" not in trimmed
    removed = set(UA.splitlines()) - set(trimmed.splitlines())
    assert {line.split(" ")[0] for line in removed} == {"::marker", "::footnote-call", "::footnote-marker", "::note-call", "::note-marker", "::note-callback"}

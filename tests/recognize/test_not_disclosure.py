"""A reviewer's 公开情况检查表 (the district's filled checklists in samples/checklists) is no
disclosure: refused with a Chinese message and the not-a-disclosure exit code (2), while the
publication it checks is still read."""
from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.recognize.pipeline import recognize
from yusuan.sources.detect import read_source

CHECKLISTS = Path(__file__).resolve().parents[2] / "samples" / "checklists"


@pytest.mark.parametrize("name", ["putuo-justice-2026-dept-budget.review.xlsx", "putuo-justice-2026-unit-budget.review.xlsx"])
def test_the_bureaus_checklist_is_refused(name):
    with pytest.raises(InputError) as exc:
        recognize(read_source(CHECKLISTS / name))
    assert exc.value.code == "input.not_disclosure" and exc.value.exit_code == 2
    assert "公开情况检查表" in exc.value.message and "不是部门（单位）预算或决算公开文件" in exc.value.message


def test_the_publication_it_checks_is_read():
    d = recognize(read_source(CHECKLISTS / "putuo-justice-2026-unit-budget.pdf"))
    assert len(d.tables) >= 8


def test_a_one_sheet_checklist_by_its_header(tmp_path):
    from yusuan.recognize.not_disclosure import is_checklist

    lines = ["区级部门预算", "检查项目\t内容\t符合要求\t问题截图", "封面\t是"]
    assert is_checklist((), (), lines)
    assert not is_checklist((), (), ["2025年部门预算", "收支总表"])

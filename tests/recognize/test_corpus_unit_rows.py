"""Budget-unit rows of a real project table (the shared corpus; skipped where it is not present)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.model import RowRole, TableKind

CITIES = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities"
ECOLOGY = CITIES / "gd-gz-d34a51d3.pdf"  # 广州市生态环境局 2026


@pytest.mark.skipif(not ECOLOGY.is_file(), reason="shared corpus not present")
def test_the_units_of_pages_45_and_47_head_their_projects_and_none_is_missed():
    d = read_disclosure(ECOLOGY)
    (t,) = [t for t in d.tables if t.kind is TableKind.PROJECTS]
    role = {(r.label, r.provenance.page): r.role for r in t.rows}
    assert role[("广州市环境技术中心（广州市美丽城市建设中心）", 45)] is RowRole.GROUP
    assert role[("广东省广州生态环境监测中心站", 47)] is RowRole.GROUP
    assert role[("广州市生态环境科技协同创新中心", 46)] is RowRole.ITEM  # a project: it prints its target
    groups = [r for r in t.rows if r.role is RowRole.GROUP]
    assert len(groups) == 35  # 局本级, the 监测中心站 the 部门预算构成 names and 33 of the 35 listed (two print no project)
    # every unit's projects add up to it, and the units to the total: no error, no warning of the organisation
    assert not [f for f in audit(d).findings if f.severity.value != "info" and f.rule.startswith(("arith.project", "org."))]

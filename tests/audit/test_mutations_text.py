"""Mutations of the reference text: each planted mistake is found by the right rule at the right place,
and the printed reference does not produce that finding there."""
from __future__ import annotations

from dataclasses import replace

import pytest

from yusuan.audit import Severity, audit
from yusuan.recognize.pipeline import recognize


def _edit(raw, old: str, new: str, *, after: str | None = None, cell: int | None = None):
    """The raw document with the first occurrence of `old` (in the first line holding it, at or
    after the line holding `after`) replaced by `new`; `cell` limits the edit to one cell."""
    start = 0
    if after is not None:
        start = next(i for i, ln in enumerate(raw.lines) if after in ln.text)
    for i in range(start, len(raw.lines)):
        ln = raw.lines[i]
        cells = list(ln.cells)
        idxs = [cell] if cell is not None else range(len(cells))
        for j in idxs:
            if j < len(cells) and old in cells[j]:
                cells[j] = cells[j].replace(old, new, 1)
                lines = list(raw.lines)
                lines[i] = replace(ln, cells=tuple(cells))
                return replace(raw, lines=tuple(lines))
    raise AssertionError(f"{old!r} not found")


def _form_cell(raw, project: str, label: str, new: str, which: int = 1):
    """Replace the `which`-th amount after `label` in the funding line of the form for `project`."""
    start = next(i for i, ln in enumerate(raw.lines) if project in ln.text and "项目名称" in ln.text)
    i = next(k for k in range(start, start + 15) if any(label in c for c in raw.lines[k].cells))
    ln = raw.lines[i]
    cells = list(ln.cells)
    hits = [j for j, c in enumerate(cells) if label in c]
    j = hits[which - 1] + 1
    while not cells[j].strip():
        j += 1
    cells[j] = new
    lines = list(raw.lines)
    lines[i] = replace(ln, cells=tuple(cells))
    return replace(raw, lines=tuple(lines))


# (rule, where the finding must point, the edit) — where: ("section", id) / ("target", id) / ("row", label)
MUTATIONS = {
    "share in the income text": ("narrative.share_recomputed", ("section", "s3.2"), ("占68.20%", "占68.02%")),
    "basic expenditure amount": ("narrative.expenditure_split", ("section", "s3.3"),
                                 ("基本支出1099.45万元", "基本支出1090.45万元")),
    "carry-over in the opening": ("narrative.summary_totals", ("section", "s3.1"),
                                  ("上年结转489.07万元，比上年", "上年结转498.07万元，比上年")),
    "rate of the general budget change": ("narrative.change_implied", ("section", "s3.5.1"), ("增长12.32%", "增长13.32%")),
    "a class in the general structure": ("narrative.general_structure", ("section", "s3.5.2"),
                                         ("卫生健康支出39.06万元，占1.30%", "卫生健康支出39.60万元，占1.30%")),
    "fund appropriation total": ("narrative.fiscal_totals", ("section", "s3.4"),
                                 ("政府性基金预算拨款1,402.82万元", "政府性基金预算拨款1,420.82万元")),
    "personnel funds": ("narrative.basic_split", ("section", "s3.6"), ("人员经费938.80万元", "人员经费983.80万元")),
    "an item the table lacks": ("narrative.basic_items", ("section", "s3.6"), ("主要包括：离休费、", "主要包括：会议补助费、离休费、")),
    "reception expense": ("narrative.three_public", ("section", "s3.7"),
                          ("公务接待费0.80万元，与上年相比", "公务接待费0.90万元，与上年相比")),
    "agency running amount": ("narrative.agency_running", ("section", "s3.8"), ("预算40.68万元", "预算40.86万元")),
    "direction of the running cost change": ("narrative.change_direction", ("section", "s3.8"),
                                             ("减少0.04万元", "增加0.04万元")),
    "procurement services": ("narrative.parts_sum", ("section", "s3.9"), ("服务预算609.71万元", "服务预算690.71万元")),
    "overall target project funds": ("narrative.overall_target", ("section", "s3.10.1"),
                                     ("项目支出2822.97万元", "项目支出2282.97万元")),
    "project target count": ("target.stated_split", ("section", "s3.10.2"), ("二级项目45个", "二级项目43个")),
    "template alternative inserted": ("wording.template_alternative", ("section", "s3.5.1"),
                                      ("比上年增加330.11万元", "比上年增加（减少）330.11万元")),
    "reason cut off": ("wording.truncated_sentence", ("section", "s3.8"),
                       ("原因是人员流动，单位工作人员较上年减少。", "原因是。")),
    "an old year": ("wording.foreign_year", ("section", "s3.3"), ("2025年度阳泉市民政局支出预算", "2023年度阳泉市民政局支出预算")),
    "a unit renamed in 机构设置": ("org.table_units_listed", ("row", "阳泉市救助管理站"), ("阳泉市救助管理站、", "阳泉市救助服务站、")),
    "unit count in 机构设置": ("org.stated_counts", ("section", "s1.2"), ("下属预算单位5个", "下属预算单位6个")),
    "a project renamed in the table": ("target.form_without_project", ("target", "pt19"), ("明天计划", "孤儿助养补助")),
}
FORM_MUTATIONS = {
    "a target's 年度 amount": ("target.amount_matches_project", ("target", "pt03"), ("困难群众救助补助资金（流浪乞讨）", "年度资金总额", "1790000")),
    "a form's source": ("target.funding_sources_sum", ("target", "pt20"), ("困难群众救助补助资金(中央和省)", "中央财政资金", "261000", 2)),
}


def _at(findings, where):
    kind, value = where
    field = {"section": "section", "target": "target", "row": "row_label"}[kind]
    return [f for f in findings if f.severity is not Severity.INFO
            and any(getattr(loc, field) == value for loc in f.locations)]


@pytest.fixture(scope="module")
def baseline(reference):
    return audit(reference)


def _check(rule, where, mutated, baseline):
    found = _at(audit(mutated, only={rule}).by_rule(rule), where)
    assert found, f"{rule} should fire at {where}"
    before = {f.fingerprint for f in _at(baseline.by_rule(rule), where)}
    assert not before, f"the printed reference already has {rule} at {where}"


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_text_mutation_is_found_where_it_was_made(name, reference_raw, baseline):
    rule, where, (old, new) = MUTATIONS[name]
    _check(rule, where, recognize(_edit(reference_raw, old, new)), baseline)


@pytest.mark.parametrize("name", sorted(FORM_MUTATIONS))
def test_form_mutation_is_found_on_its_form(name, reference_raw, baseline):
    rule, where, (project, label, new, *which) = FORM_MUTATIONS[name]
    mutated = recognize(_form_cell(reference_raw, project, label, new, *(which or [1])))
    _check(rule, where, mutated, baseline)


def test_enough_mutations():
    assert len(MUTATIONS) + len(FORM_MUTATIONS) >= 15

"""The audit's narrative, wording and completeness-of-text errors on the Jiangsu files: only real ones.

Every error the narrative (narrative.*), wording (wording.*), organisation (org.*) and text
completeness rules raise on the thirteen Jiangsu files is listed here with the arithmetic that
shows the document is wrong. Anything else they raise is a false alarm and fails the test.
Table-rule findings (arith.*, cross.*, complete.required_tables …) are another test's business.
"""
from __future__ import annotations

import pytest

from yusuan.audit import Severity, audit

TEXT_FAMILIES = ("narrative.", "wording.", "org.", "complete.overview_sections", "complete.explanation_sections",
                 "complete.glossary", "complete.contents_entries", "complete.empty_sections",
                 "complete.project_statement_parts")

# (file, rule, words of the message) -> why the document is wrong. Percentages are checked to the
# printed places: a share or rate off by one in its last place is not a rounding of the amounts
# (the amounts' own rounding moves it by far less than 0.005%).
REAL = {
    ("cppcc-office-2018-narrative", "narrative.change_implied", "说明写为66.69%"):
        "机关运行经费1,115.85万元，比上年减少2,233.13万元：上年3,348.98万元，2233.13÷3348.98=66.68%，印作66.69%",
    ("high-court-2017-full", "narrative.change_implied", "说明写为79.05%"):
        "提租补贴1,959.99万元，增加865.57万元：上年1,094.42万元，865.57÷1094.42=79.09%，印作79.05%",
    ("high-court-2017-full", "narrative.share_recomputed", "说明写为0.64%"):
        "单位预留机动经费182.92÷支出预算28,849.38=0.63%，印作0.64%（是占基本+项目28,666.46的比重）",
    ("high-court-2018-full", "narrative.change_implied", "说明写为5.95%"):
        "一般行政事务管理6,049.97万元，减少392.92万元：上年6,442.89万元，392.92÷6442.89=6.10%，印作5.95%",
    ("npc-office-2018-full", "narrative.share_recomputed", "说明写为10.61%"):
        "单位预留机动经费1,685.72÷15,897.44=10.60%，印作10.61%（三项占比被凑成100%：49.55+39.84+10.61）",
    ("npc-office-2018-full", "wording.template_alternative", "增加（减少）"):
        "“与上年相比增加（减少）0万元”：模板的可选词未按实际选定",
    ("npc-office-2018-full", "wording.template_alternative", "增长（减少）"):
        "“增长（减少）0%”：同上",
    ("npc-office-2018-full", "wording.template_alternative", "增长（降低）"):
        "“增长（降低）”：同上",
    ("party-office-2017-narrative", "narrative.change_implied", "说明写为1.66%"):
        "行政运行6,106.99万元，增加101.48万元：上年6,005.51万元，101.48÷6005.51=1.69%；1.66%是除以本年数",
    ("procuratorate-2018-full", "narrative.change_implied", "说明写为36.58%"):
        "行政运行10,883.36万元，增加2,915.22万元：上年7,968.14万元，2915.22÷7968.14=36.586%，应为36.59%",
    ("procuratorate-2018-full", "narrative.change_implied", "说明写为0.06%"):
        "一般行政管理事务3,666万元，增加21.8万元：上年3,644.2万元，21.8÷3644.2=0.60%，印作0.06%",
    ("procuratorate-2018-full", "narrative.share_recomputed", "说明写为0.06%"):
        "其他资金14.39÷本年收入21,955.35=0.0655%，应为0.07%，印作0.06%（截断）",
    ("procuratorate-2018-full", "narrative.share_recomputed", "说明写为63.75%"):
        "基本支出13,994.31÷21,955.35=63.74%，印作63.75%（各项凑成100%）",
    ("procuratorate-2018-full", "narrative.share_recomputed", "说明写为10.87%"):
        "单位预留机动经费2,388.04÷21,955.35=10.877%，应为10.88%，印作10.87%（截断）",
}
# The template alternatives the 人大 2018 narrative leaves, one finding each.
TEMPLATE_LEFTOVERS = 13


@pytest.fixture(scope="module")
def text_errors(jiangsu_docs):
    out = {}
    for name, d in jiangsu_docs.items():
        out[name] = [f for f in audit(d).findings
                     if f.severity is Severity.ERROR and f.rule.startswith(TEXT_FAMILIES)]
    return out


def _key(name, f):
    return next(((n, r, w) for n, r, w in REAL if n == name and r == f.rule and w in f.message), None)


def test_every_text_error_is_a_real_error_of_the_document(text_errors):
    false_alarms = [(name, f.rule, f.message) for name, found in text_errors.items() for f in found
                    if _key(name, f) is None]
    assert false_alarms == []


def test_every_real_error_is_still_found(text_errors):
    found = {_key(name, f) for name, fs in text_errors.items() for f in fs}
    assert set(REAL) <= found


def test_the_template_leftovers_are_each_reported(text_errors):
    assert sum(f.rule == "wording.template_alternative" for f in text_errors["npc-office-2018-full"]) == TEMPLATE_LEFTOVERS


@pytest.mark.parametrize("name", ["cppcc-office-2018-tables", "party-office-2017-tables", "party-office-2018-tables"])
def test_a_tables_only_half_is_not_said_to_lack_its_narrative(jiangsu_docs, name):
    rep = audit(jiangsu_docs[name])
    assert not [f for f in rep.findings if f.rule in ("complete.overview_sections", "complete.explanation_sections")]


@pytest.mark.parametrize("name", ["cppcc-office-2017-narrative", "cppcc-office-2018-narrative",
                                  "party-office-2017-narrative", "party-office-2018-narrative"])
def test_a_narrative_only_half_is_not_said_to_lack_its_tables(jiangsu_docs, name):
    """The half says once what it holds (ingest.partial_publication); its contents' table entries
    (四、财政拨款收支预算总表 …) and the template's tables are the other file's, not 7 + 12 warnings."""
    d = jiangsu_docs[name]
    assert not [f for f in audit(d).findings if f.rule == "complete.required_tables"]
    assert [i.code for i in d.issues].count("ingest.partial_publication") == 1
    assert not [i for i in d.issues if i.code == "ingest.missing_table"]
    assert not [i for i in d.issues if i.code == "ingest.contents_not_found" and i.text.endswith("表")]
    assert not [f for f in audit(d, only={"complete.contents_entries"}).findings if f.message.endswith("表”在正文中未找到。")]


def test_parallel_parts_stating_the_same_figures_are_not_duplicated_paragraphs(jiangsu_docs):
    """Jiangsu describes 财政拨款支出 and 一般公共预算支出 (and their 基本支出) in two parts; with no
    government fund they print the same items. 35 duplicated-paragraph warnings on 政协 2017 before,
    all of them this; at most two are left over the thirteen files, each where a page number splits
    the block (party 2018; procuratorate 2017, whose 人员经费 paragraph reads whole in both parts since
    the PDF reader tells lines set in one type by their usual character height)."""
    found = [(name, f) for name, d in jiangsu_docs.items()
             for f in audit(d, only={"wording.duplicated_paragraphs"}).findings]
    assert len(found) <= 2, [(n, f.message) for n, f in found]
    assert {n for n, _ in found} <= {"party-office-2018-narrative", "procuratorate-2017-full"}

"""Every document of the shared corpus: the tables it prints, one per printed table however many pages it
spans, each typed to its kind, and every error the audit raises on it with its verdict (issue 17's acceptance,
a test per document).

corpus_errors.json lists, per document, each error the audit raises (rule, the start of its message, how many)
with a verdict checked on the page — real, with the page's arithmetic or the test that holds it, or false, with
the reading problem behind it (kept listed until fixed, so a fix shows as a change here). An error not listed
fails the test: no new error reaches the corpus without a verdict.

The list (corpus_printed.json: page, kind, title per table) is checked against poppler's text of each page
(`pdftotext -layout`, a reader other than ours), three ways:
- each listed title is printed on the page its table starts on;
- each title carries the words its kind cannot do without (KIND_WORDS, written by hand from the national
  table set, not from the reader's vocabulary): a 收支总表 says 收支, a 三公 table says 三公 …;
- no page prints a table title the list leaves out, but where the title repeats the previous table's (a
  continuation page, 西安 prints its title on every page); 绩效目标表 forms are read as targets, and part
  headings (第五部分 部门预算公开报表, 单位预算表) and contents pages are no tables.
Tables no kind of the national set fits stay generic and are listed in GENERIC with why; each of them says
by its own words that it is no budget table (Table.not_budget), so the reading health counts it apart.

The cities folder is not bundled: these run where the shared corpus is (``YUSUAN_CORPUS``).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from yusuan.ingest import read_disclosure
from yusuan.text.folding import fold

CORPUS = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus"))
PRINTED: dict[str, list[list]] = json.loads((Path(__file__).parent / "corpus_printed.json").read_text("utf-8"))
VERDICTS: dict[str, list[dict]] = json.loads((Path(__file__).parent / "corpus_errors.json").read_text("utf-8"))
# Issue 18's census: every warning on a cities document judged on its page (bench/README, “the census”).
PRECISION: dict[str, dict] = json.loads((Path(__file__).parents[2] / "bench" / "precision_verdicts.json").read_text("utf-8"))
pytestmark = pytest.mark.skipif(not (CORPUS / "cities").is_dir(), reason="shared corpus not present")
POPPLER = shutil.which("pdftotext") is not None

# The words a title of each kind cannot do without (folded, spaces removed), and words it cannot have.
KIND_WORDS: dict[str, tuple[str, str | None]] = {
    "income_expenditure_summary": (r"收支|收入支出", r"财政拨款|政府性基金|国有资本|三公"),
    "income_summary": (r"收入", r"支出"),
    "expenditure_summary": (r"支出", r"收入|一般公共|财政拨款|政府性基金|三公"),
    "fiscal_appropriation_summary": (r"财政拨款收入?支出?", r"三公"),
    "general_budget_expenditure": (r"一般公共预算", r"基本支出|三公|经济|机关运行"),
    "general_budget_basic_economic": (r"基本支出", r"功能"),
    "general_budget_economic": (r"一般公共预算.*经济", r"基本支出"),
    "general_budget_basic_function": (r"基本支出.*功能", None),
    "general_budget_project_economic": (r"项目支出.*经济", None),
    "basic_expenditure": (r"基本支出", None),
    "fiscal_expenditure": (r"财政拨款支出", r"基本支出"),
    "fiscal_basic_economic": (r"财政拨款基本支出", None),
    "gov_fund_income": (r"政府性基金.*收入", None),
    "gov_fund_expenditure": (r"政府性基金", r"三公"),
    "gov_fund_summary": (r"政府性基金收支", None),
    "state_capital": (r"国有资本经营", None),
    "state_capital_expenditure": (r"国有资本经营", None),
    "three_public": (r"三公", r"机关运行经费预算"),
    "three_public_and_running": (r"三公.*机关运行|机关运行.*三公", None),
    "agency_running": (r"机关运行", r"三公"),
    "projects": (r"项目|专项业务经费", r"经济分类|采购"),
    "projects_carryover": (r"项目.*结转", None),
    "procurement": (r"采购", None),
    "carryover_expenditure": (r"结转", None),
    "meeting_training": (r"会议费|培训费", r"三公"),
}
# Tables that are not budget tables of the national set, left generic (document: pages, and why).
# 西安 2019's 专项业务经费支出表 (p25) was here until its “** ** ** **” column-mark row was read as one.
# 泉州's 绩效目标表 whose wrapped titles left “目标表” / “标表” were too: with its head the tail names a form.
GENERIC = {
    "cities/central-ca5db9ed.pdf": ({30, 32, 34, 35, 46, 48}, "国家信访局 决算: 项目绩效自评表 and 绩效评价 tables"),
    "yangquan-civil-affairs-2025-dept-budget.txt": ({None}, "山西 reference: a 续表 of the 政府购买服务指导性目录 (no figure)"),
}
_NOT_A_TABLE = re.compile(r"目录|说明|名词解释|附件|绩效目标表|绩效自评表|公开报表|第.部分|(部门|单位)(预算|决算)表$|预算公开表$")
_TITLE = re.compile(r"^[^。，；]{2,70}?表([(][^)]{0,30}[)])?$")
_BUDGET_WORDS = re.compile(r"预算|决算|经费|收支|收入|支出|采购")
_NUMBERING = re.compile(r"^(公开|预算|附)?[0-9一二三四五六七八九十]+[表、.:]?")


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


def _bare(title: str) -> str:
    """A title without its numbering and year, for comparing a page's printed title with a listed one."""
    return re.sub(r"^\d{4}年度?", "", _NUMBERING.sub("", squashed(title)))


@lru_cache(maxsize=None)
def pages(name: str) -> tuple[str, ...]:
    """Poppler's text of each page (index 0 = page 1); a text document is one page."""
    path = CORPUS / name
    if path.suffix != ".pdf":
        return (path.read_text("utf-8"),)
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return tuple(out.stdout.split("\f"))


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_every_printed_table_is_read_once_as_its_kind_and_every_error_has_a_verdict(name):
    from yusuan.audit import Severity, audit

    d = read_disclosure(CORPUS / name)
    assert [[t.provenance.page, t.kind.value] for t in d.tables] == [[p, k] for p, k, _ in PRINTED[name]]
    assert [t.title for t in d.tables if t.kind.value == "generic" and not t.not_budget] == []
    raised = Counter()
    for f in audit(d).findings:
        key = f"{Path(name).name}#{f.fingerprint}"
        if f.severity is Severity.WARNING and name.startswith("cities/"):
            assert key in PRECISION, (f"a warning no one has judged ({f.rule}: {f.message}): check it on the page and "
                                      "give it a verdict in bench/precision_verdicts.json")
        if f.severity is Severity.ERROR:
            entry = next((i for i, v in enumerate(VERDICTS.get(name, ())) if v["rule"] == f.rule
                          and f.message.startswith(v["says"])), None)
            assert entry is not None, f"no verdict for {f.rule}: {f.message}"
            raised[entry] += 1
    assert dict(raised) == {i: v["count"] for i, v in enumerate(VERDICTS.get(name, ()))}


def test_the_cities_census_is_at_least_95_percent_real():
    """Issue 18's bar, kept: of the warnings and errors judged on the cities documents, ≥ 95 % are real."""
    verdicts = [v["verdict"] for v in PRECISION.values()]
    assert all(v["why"] for v in PRECISION.values()) and set(verdicts) <= {"real", "false"}
    assert verdicts.count("real") / len(verdicts) >= 0.95


def test_every_verdict_says_why():
    assert all(v["verdict"] in ("real", "false") and len(v["why"]) > 20 for vs in VERDICTS.values() for v in vs)
    assert set(VERDICTS) <= set(PRINTED)


def test_each_title_carries_the_words_of_its_kind():
    wrong = []
    for name, tables in PRINTED.items():
        for page, kind, title in tables:
            t = squashed(title)
            if kind == "generic":
                if page not in GENERIC.get(name, (set(), ""))[0]:
                    wrong.append((name, page, kind, title))
                continue
            need, never = KIND_WORDS[kind]
            if not re.search(need, t) or (never and re.search(never, t)):
                wrong.append((name, page, kind, title))
    assert wrong == []


@pytest.mark.skipif(not POPPLER, reason="pdftotext (poppler-utils) not installed")
@pytest.mark.parametrize("name", sorted(PRINTED))
def test_each_title_is_printed_on_its_page_and_no_printed_title_is_left_out(name):
    text = pages(name)
    listed = PRINTED[name]
    for page, _, title in listed:
        on_page = squashed(text[(page or 1) - 1])
        assert _bare(title) in on_page, (page, title)
    if not name.endswith(".pdf"):
        return
    starts = {page for page, _, _ in listed}
    left_out = []
    for number, page_text in enumerate(text, 1):
        titles = [t for line in page_text.splitlines() if _is_title(t := _bare(line))]
        parts = len(re.findall(r"第[一二三四五六七八九十]部分", page_text))
        if number in starts or len(titles) > 2 or parts >= 2:  # a contents page (江苏's runs on past page 1)
            continue
        left_out += [(number, t) for t in titles if not _continues(t, number, listed)]
    assert left_out == []


def _is_title(bare: str) -> bool:
    return bool(_TITLE.match(bare) and _BUDGET_WORDS.search(bare) and not _NOT_A_TABLE.search(bare))


def _continues(bare: str, page: int, listed: list[list]) -> bool:
    """Whether a title printed on `page` repeats the title of the table running on over that page."""
    before = [title for p, _, title in listed if p is not None and p < page]
    return bool(before) and (bare in _bare(before[-1]) or _bare(before[-1]) in bare)

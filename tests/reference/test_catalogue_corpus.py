"""The catalogue covers every code the real documents print consistently (issue 18).

The evidence is data/printed.csv: every code–name pair of the coded tables of the 107 documents of
/work/shared/corpus, read with yusuan by ``scripts/rebuild-catalogue`` (≈5 CPU minutes, so committed).
Where the corpus is on the machine, a few documents are read again to show the extract is what
yusuan reads now; the Shanghai PDFs bundled in samples/pdf are audited in any case.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from yusuan.audit import Severity, audit
from yusuan.ingest import read_disclosure
from yusuan.reference import NameVerdict, bundled_catalogue
from yusuan.reference.evidence import Printed, consistent, document_pairs, is_local_item, printed
from yusuan.reference.names import fold_name

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus"))
RULES = {"code.known_code", "code.name_matches_reference"}


def _judge(p: Printed) -> list[tuple[int | None, NameVerdict]]:
    cat = bundled_catalogue()
    if is_local_item(p.code):  # a region's item under an economic 款: judged by its 款
        return [(None, NameVerdict.MATCH if p.code[:5] in cat else NameVerdict.UNKNOWN)]
    return [(y, cat.name_matches(p.code, p.name, y).verdict) for y in {p.first_year, p.last_year}]


def test_no_code_the_corpus_prints_consistently_is_unknown_or_misnamed():
    pairs = list(consistent(printed()))
    assert len(pairs) > 700 and len({p.code for p in pairs}) > 700
    wrong = [(p.code, p.name, y, v.value) for p in pairs for y, v in _judge(p)
             if v in (NameVerdict.UNKNOWN, NameVerdict.MISMATCH)]
    assert wrong == []


def test_the_pairs_left_out_are_the_misprints_and_the_cut_cells():
    everything = printed()
    kept = {(p.code, fold_name(p.name)) for p in consistent(everything)}
    left = {(p.code, p.name) for p in everything if (p.code, fold_name(p.name)) not in kept}
    # the welfare home's 302 lines numbered one after another (samples/pdf/…welfare-home-2024… p.14)
    assert {("30203", "水费"), ("30204", "电费"), ("30207", "工会经费")} <= left
    # Xi'an cells cut short (cities/sn-xa-3f525e76.pdf)
    assert ("2089999", "其他社会保障和就业支") in left
    assert len(left) < 30
    # a renamed subject printed once, in years no other name was printed, is kept
    assert ("2100410", fold_name("突发公共卫生事件应急处理")) in kept


@pytest.mark.parametrize("name", ["pdf/putuo-wanli-2025-dept-budget.pdf", "pdf/putuo-govoffice-2025-unit-budget.pdf",
                                  "checklists/putuo-justice-2026-dept-budget.pdf"])
def test_a_putuo_document_gets_no_catalogue_hint_or_warning(name):
    """Before the dated catalogue every Putuo document had dozens of 不在科目目录中 hints (司法局 2026, not
    in the corpus the catalogue was built from: 15, on 2040601 行政运行, 2040604 基层司法业务 …)."""
    report = audit(read_disclosure(ROOT / "samples" / name), only=RULES)
    assert [f.message for f in report.findings] == []


def test_the_welfare_homes_renumbered_lines_are_the_only_warnings():
    """p.14 prints 30202 咨询费, 30203 水费 … 30213 其他商品和服务支出, 303 离退休人员经费: codes that
    the national catalogue gives other names, so each is a real warning."""
    report = audit(read_disclosure(ROOT / "samples" / "pdf" / "putuo-welfare-home-2024-unit-budget.pdf"), only=RULES)
    warned = {f.locations[0].code for f in report.findings if f.severity is Severity.WARNING}
    assert {"30202", "30203", "30204", "30213", "303", "30301"} <= warned
    assert not warned & {"30201", "30209", "301", "30101", "302"}


needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not on this machine")


@needs_corpus
@pytest.mark.parametrize("relative", ["cities/cq-015b6829.pdf", "jiangsu/js-npc-office-2017-dept-budget-full-520fa5.pdf",
                                      "cities/sh-55b77dc5.pdf"])
def test_the_committed_extract_is_what_yusuan_reads_now(relative):
    path = CORPUS / relative
    if not path.is_file():
        pytest.skip(f"{relative} is not in this corpus")
    year, pairs = document_pairs(path, relative)
    known = {(p.code, fold_name(p.name)) for p in printed()}
    assert pairs and {(c, fold_name(n)) for c, n, _ in pairs} <= known
    report = audit(read_disclosure(path), only=RULES)
    assert [f.message for f in report.findings if f.severity is not Severity.INFO] == []

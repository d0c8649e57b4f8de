"""No false pairs over the whole corpus: every publication of /work/shared/corpus (cities, pdf, jiangsu,
final, the Shanxi reference) and the two 司法局 files of /work/shared/checklists, as the reader names
them (organisation, year, level, stage, region and the units its 机构设置 lists), recorded in
corpus_publications.json by `python tests/audit/corpus_publications.py` — reading the 100+ PDFs
takes minutes, pairing their records none. The partner finder pairs exactly these and no others."""
from __future__ import annotations

import json
from pathlib import Path

from yusuan.audit.partners import Publication
from yusuan.batch.pairs import pairs

RECORDS = Path(__file__).with_name("corpus_publications.json")

EXPECTED = {
    # a department and its own body (本级) published as a unit
    ("department_unit", "cities/fj-qz-568290e6.pdf", "cities/fj-qz-6502fc55.pdf"),  # 泉州市公安局
    ("department_unit", "cities/js-sz-58755d62.pdf", "cities/js-sz-b0ce4e51.pdf"),  # 苏州市自然资源和规划局
    ("department_unit", "cities/js-wx-bdadbce0.pdf", "cities/js-wx-9f207433.pdf"),  # 无锡市教育局
    ("department_unit", "pdf/putuo-govoffice-2025-dept-budget.pdf", "pdf/putuo-govoffice-2025-unit-budget.pdf"),
    ("department_unit", "checklists/putuo-justice-2026-dept-budget.pdf", "checklists/putuo-justice-2026-unit-budget.pdf"),
    # a unit the department's 机构设置 lists: 无锡市应急管理局 → 无锡市应急管理综合行政执法监督局
    ("department_unit", "cities/js-wx-85d838f4.pdf", "cities/js-wx-89d2aca7.pdf"),
    # one organisation, consecutive years (the party office printed three ways)
    ("years", "jiangsu/js-cppcc-office-2017-dept-budget-narrative-cd9ac6.pdf", "jiangsu/js-cppcc-office-2018-dept-budget-narrative-d27f30.pdf"),
    ("years", "jiangsu/js-cppcc-office-2017-dept-budget-narrative-cd9ac6.pdf", "jiangsu/js-cppcc-office-2018-dept-budget-tables-600311.pdf"),
    ("years", "jiangsu/js-high-court-2017-dept-budget-full-324795.pdf", "jiangsu/js-high-court-2018-dept-budget-full-9bb83b.pdf"),
    ("years", "jiangsu/js-npc-office-2017-dept-budget-full-520fa5.pdf", "jiangsu/js-npc-office-2018-dept-budget-full-f113bb.pdf"),
    ("years", "jiangsu/js-party-office-2017-dept-budget-narrative-177eb7.pdf", "jiangsu/js-party-office-2018-dept-budget-narrative-d22abd.pdf"),
    ("years", "jiangsu/js-party-office-2017-dept-budget-narrative-177eb7.pdf", "jiangsu/js-party-office-2018-dept-budget-tables-60f13f.pdf"),
    ("years", "jiangsu/js-party-office-2017-dept-budget-tables-a59d3e.pdf", "jiangsu/js-party-office-2018-dept-budget-narrative-d22abd.pdf"),
    ("years", "jiangsu/js-party-office-2017-dept-budget-tables-a59d3e.pdf", "jiangsu/js-party-office-2018-dept-budget-tables-60f13f.pdf"),
    ("years", "jiangsu/js-procuratorate-2017-dept-budget-full-956e15.pdf", "jiangsu/js-procuratorate-2018-dept-budget-full-b6f855.pdf"),
    ("years", "pdf/putuo-wanli-2024-dept-budget.pdf", "pdf/putuo-wanli-2025-dept-budget.pdf"),
}


def records() -> list[Publication]:
    return [Publication(r["document"], r["organisation"], r["year"], r["level"], r["stage"], tuple(r["units"]), r["region"])
            for r in json.loads(RECORDS.read_text(encoding="utf-8"))]


def test_the_whole_corpus_pairs_exactly_the_true_partners():
    pubs = records()
    assert len(pubs) >= 100
    found = {(p["kind"], p["a_document"], p["b_document"]) for p in pairs(pubs)}
    assert found == EXPECTED


def test_same_named_departments_of_different_cities_never_pair():
    """Nine cities each publish a 公安局, 民政局 … of 2026: printed with their city, never paired."""
    pubs = records()
    cities = [p for p in pubs if p.document.startswith("cities/") and p.level == "department"]
    assert sum(p.organisation.endswith("公安局") for p in cities) >= 2
    assert not [p for p in pairs(cities) if p["kind"] == "years"]


def test_an_organisations_chain_of_publications_survives_its_renaming():
    from yusuan.audit.partners import chains

    chain = chains(records())["江苏省委办公厅"]
    assert [(p.year, p.organisation) for p in chain] == [
        (2017, "江苏省委办公厅"), (2017, "中国共产党江苏省委员会办公厅"), (2018, "江苏省委办公厅"), (2018, "中共江苏省委办公厅")]
    wanli = chains(records())["上海市普陀区人民政府万里街道办事处"]
    assert [(p.year, p.level) for p in wanli] == [(2024, "department"), (2025, "department")]

"""Every corpus document's metadata — organisation, year, stage, level — as its cover prints it.

How the expectations were checked: each PDF's first three pages were printed with
``pdftotext -layout -f 1 -l 3 FILE -`` and the organisation, year, 预算/决算 and 部门/单位 read off the
cover by eye (the cover's title, else its name line and the 预算主管部门/预算单位 label); a file with no
cover (the Jiangsu tables-only files) by its page headers (部门：…) and its table titles' year. The
crawler's labels in cities/manifest.json were not trusted: where they differ the cover is expected
(hn-cs-794e5387 is labelled 2026, its cover says 2025; js-wx-7a2e13fd and js-wx-9ac3540c likewise).
A name is expected without its scope mark (西安市审计局（汇总） → 西安市审计局, 无锡市教育局（本级） →
无锡市教育局); a 本级 file is its own body's 单位预算, a 汇总 file the department's 部门预算; Xi'an's
部门综合预算 is a 部门预算.

Kept fast: metadata is read from the cover, the title and the page headers, so each PDF is cut to its
first pages (pypdf) and read through the pipeline; only a file whose first pages print no title (a
tables-only half, dated by its table titles) is read whole. The bundled folders (samples/) always
run; the cities folder (51 MB, not bundled) where the shared corpus is (``YUSUAN_CORPUS``).
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from yusuan.model import DocumentMeta, Level, Stage
from yusuan.recognize.claims import Context
from yusuan.recognize.pipeline import debug_stages
from yusuan.recognize.prose import detect_meta
from yusuan.sources.detect import read_source

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
CITIES = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities"
COVER_PAGES = 3
STAGES = {"预算": Stage.BUDGET, "决算": Stage.FINAL_ACCOUNTS}
LEVELS = {"部门": Level.DEPARTMENT, "单位": Level.UNIT}

# file: (organisation, year, 预算/决算, 部门/单位), as the cover prints them.
CITIES_EXPECTED = {
    "central-ca5db9ed.pdf": ("国家信访局", 2024, "决算", "部门"),
    "cq-015b6829.pdf": ("重庆市人民政府办公厅", 2026, "预算", "部门"),
    "cq-2f3af749.pdf": ("重庆市规划和自然资源局", 2026, "预算", "部门"),
    "cq-3d4c3ce8.pdf": ("重庆市商务委员会", 2026, "预算", "部门"),
    "cq-52ece7fd.pdf": ("重庆市科学技术局", 2026, "预算", "部门"),
    "cq-54c6fc73.pdf": ("中共重庆市委宣传部", 2026, "预算", "部门"),
    "cq-ed11c309.pdf": ("重庆市水利局", 2026, "预算", "部门"),
    "cq-f9825b9a.pdf": ("重庆市经济和信息化委员会", 2026, "预算", "部门"),
    "fj-qz-09bdaf86.pdf": ("泉州市市场监管综合监测与技术保障中心", 2026, "预算", "单位"),
    "fj-qz-568290e6.pdf": ("泉州市公安局", 2026, "预算", "部门"),
    "fj-qz-6502fc55.pdf": ("泉州市公安局", 2026, "预算", "单位"),
    "fj-qz-b2eebcee.pdf": ("泉州市人民政府办公室", 2026, "预算", "部门"),
    "gd-gz-14641e5b.pdf": ("广州市科学技术局", 2026, "预算", "部门"),
    "gd-gz-2848e358.pdf": ("广州市人民政府国有资产监督管理委员会", 2026, "预算", "部门"),
    "gd-gz-2cbc7738.pdf": ("广州市规划和自然资源局", 2026, "预算", "部门"),
    "gd-gz-2d05a3c6.pdf": ("广州市民政局", 2026, "预算", "部门"),
    "gd-gz-31f741e2.pdf": ("广州市信访局", 2026, "预算", "部门"),
    "gd-gz-3cdc0ad0.pdf": ("广州市司法局", 2026, "预算", "部门"),
    "gd-gz-485c0166.pdf": ("广州市市场监督管理局", 2026, "预算", "部门"),
    "gd-gz-4ff9e9c2.pdf": ("广州市交通运输局", 2026, "预算", "部门"),
    "gd-gz-57f5d6dd.pdf": ("广州市应急管理局", 2026, "预算", "部门"),
    "gd-gz-5bcab7a3.pdf": ("广州市气象局", 2026, "预算", "部门"),
    "gd-gz-6f1bf118.pdf": ("广州市水务局", 2026, "预算", "部门"),
    "gd-gz-7ca93e6d.pdf": ("广州市卫生健康委员会", 2026, "预算", "部门"),
    "gd-gz-7d6593bb.pdf": ("广州市工业和信息化局", 2026, "预算", "部门"),
    "gd-gz-89965807.pdf": ("广州市住房和城乡建设局", 2026, "预算", "部门"),
    "gd-gz-b47e6744.pdf": ("广州市人民政府办公厅", 2026, "预算", "部门"),
    "gd-gz-d16e612b.pdf": ("广州市发展和改革委员会", 2026, "预算", "部门"),
    "gd-gz-d34a51d3.pdf": ("广州市生态环境局", 2026, "预算", "部门"),
    "gd-gz-dc62faaa.pdf": ("广州市商务局", 2026, "预算", "部门"),
    "gd-gz-e742f012.pdf": ("广州市政务服务和数据管理局", 2026, "预算", "部门"),
    "gd-gz-f98cc444.pdf": ("广州市城市管理和综合执法局", 2026, "预算", "部门"),
    "gd-zh-5a7c56a2.pdf": ("珠海市政府投资交通市政项目工务中心", 2026, "预算", "部门"),
    "hn-cs-74cd21a2.pdf": ("长沙职业教育基地综合协调办公室", 2026, "预算", "部门"),
    "hn-cs-794e5387.pdf": ("长沙市公安局", 2025, "预算", "部门"),
    "js-sz-0ace4bb2.pdf": ("苏州市应急管理局", 2026, "预算", "部门"),
    "js-sz-141f031e.pdf": ("苏州市水务局", 2026, "预算", "单位"),
    "js-sz-2b64b779.pdf": ("苏州市数据局", 2026, "预算", "部门"),
    "js-sz-4d535a5b.pdf": ("苏州市科学技术局", 2026, "预算", "单位"),
    "js-sz-58755d62.pdf": ("苏州市自然资源和规划局", 2026, "预算", "部门"),
    "js-sz-8ef659f0.pdf": ("苏州市交通运输局", 2026, "预算", "部门"),
    "js-sz-ac8160cd.pdf": ("苏州市审计局", 2026, "预算", "部门"),
    "js-sz-b0ce4e51.pdf": ("苏州市自然资源和规划局", 2026, "预算", "单位"),
    "js-sz-f234a5a7.pdf": ("苏州市生态环境局", 2026, "预算", "单位"),
    "js-wx-2f4f6092.pdf": ("无锡市人力资源和社会保障局", 2026, "预算", "部门"),
    "js-wx-4de41d2e.pdf": ("无锡市交通运输局", 2026, "预算", "单位"),
    "js-wx-5e4d3b1f.pdf": ("无锡市商务局", 2026, "预算", "部门"),
    "js-wx-7a2e13fd.pdf": ("无锡市发展和改革委员会", 2025, "预算", "部门"),
    "js-wx-85d838f4.pdf": ("无锡市应急管理局", 2026, "预算", "部门"),
    "js-wx-89d2aca7.pdf": ("无锡市应急管理综合行政执法监督局", 2026, "预算", "单位"),
    "js-wx-97723edc.pdf": ("无锡市统计局", 2026, "预算", "部门"),
    "js-wx-9ac3540c.pdf": ("无锡市信访局", 2025, "预算", "部门"),
    "js-wx-9f207433.pdf": ("无锡市教育局", 2026, "预算", "单位"),
    "js-wx-b913f46e.pdf": ("无锡市水利局", 2026, "预算", "部门"),
    "js-wx-bdadbce0.pdf": ("无锡市教育局", 2026, "预算", "部门"),
    "js-wx-f6baddff.pdf": ("无锡市住房和城乡建设局", 2026, "预算", "单位"),
    "sh-55b77dc5.pdf": ("上海市信访办公室", 2026, "预算", "单位"),
    "sh-7cc63e19.pdf": ("上海市职业能力考试院", 2026, "预算", "单位"),
    "sh-8d85a424.pdf": ("上海市域外农场管理办公室", 2026, "预算", "单位"),
    "sh-a4d829c2.pdf": ("上海交通职业技术学院", 2026, "预算", "单位"),
    "sh-a69ac861.pdf": ("上海市住房和城乡建设管理委员会人才开发评价中心", 2026, "预算", "单位"),
    "sh-c34a8089.pdf": ("上海市刑事科学技术研究院", 2026, "预算", "单位"),
    "sh-c987e405.pdf": ("上海市医疗保险事业管理中心", 2026, "预算", "单位"),
    "sh-c9ea3a0d.pdf": ("上海市中医文献馆", 2026, "预算", "单位"),
    "sn-xa-05218864.pdf": ("西安市住房和城乡建设局", 2022, "预算", "部门"),
    "sn-xa-0a2d2c8d.pdf": ("西安市安全生产监督管理局", 2019, "预算", "部门"),
    "sn-xa-18ca0eb5.pdf": ("西安市医疗保障局", 2022, "预算", "部门"),
    "sn-xa-1bfd0c2c.pdf": ("西安市人力资源和社会保障局", 2020, "预算", "部门"),
    "sn-xa-1c078368.pdf": ("西安市交通运输局", 2022, "预算", "部门"),
    "sn-xa-1cf1891a.pdf": ("西安市自然资源和规划局", 2022, "预算", "部门"),
    "sn-xa-1d514d70.pdf": ("西安市生态环境局", 2022, "预算", "部门"),
    "sn-xa-3f525e76.pdf": ("西安市科学技术局", 2022, "预算", "部门"),
    "sn-xa-44854b69.pdf": ("西安市人民政府办公厅", 2026, "预算", "部门"),
    "sn-xa-49e9fb54.pdf": ("西安市民政局", 2021, "预算", "部门"),
    "sn-xa-5a4c42d2.pdf": ("西安市审计局", 2026, "预算", "部门"),
    "sn-xa-7cea2c5a.pdf": ("西安市行政审批服务局", 2025, "预算", "部门"),
    "sn-xa-81d0a923.pdf": ("西安市人民政府国有资产监督管理委员会", 2022, "预算", "部门"),
    "sn-xa-986dbf11.pdf": ("西安市财政局", 2026, "预算", "部门"),
    "sn-xa-a2737c88.pdf": ("西安市气象局", 2022, "预算", "部门"),
    "sn-xa-a2cbd8d1.pdf": ("西安市信访局", 2026, "预算", "部门"),
    "sn-xa-aabb9fed.pdf": ("西安市司法局", 2026, "预算", "部门"),
    "sn-xa-abb39910.pdf": ("中共西安市委宣传部", 2021, "预算", "部门"),
    "sn-xa-affc2505.pdf": ("西安市发展和改革委员会", 2019, "预算", "部门"),
    "sn-xa-ec8af35b.pdf": ("西安市公安局", 2026, "预算", "部门"),
    "sn-xa-f76ac8df.pdf": ("西安市商务局", 2022, "预算", "部门"),
    "sn-xa-fb1854e3.pdf": ("西安市工业和信息化局", 2022, "预算", "部门"),
}
PDF_EXPECTED = {
    "putuo-govoffice-2025-dept-budget.pdf": ("上海市普陀区人民政府办公室", 2025, "预算", "部门"),
    "putuo-govoffice-2025-unit-budget.pdf": ("上海市普陀区人民政府办公室", 2025, "预算", "单位"),
    "putuo-wanli-2024-dept-budget.pdf": ("上海市普陀区人民政府万里街道办事处", 2024, "预算", "部门"),
    "putuo-wanli-2025-dept-budget.pdf": ("上海市普陀区人民政府万里街道办事处", 2025, "预算", "部门"),
    "putuo-welfare-home-2024-unit-budget.pdf": ("上海市普陀区社会福利院", 2024, "预算", "单位"),
}
JIANGSU_EXPECTED = {
    "js-cppcc-office-2017-dept-budget-narrative-cd9ac6.pdf": ("江苏省政协办公厅", 2017, "预算", "部门"),
    "js-cppcc-office-2018-dept-budget-narrative-d27f30.pdf": ("江苏省政协办公厅", 2018, "预算", "部门"),
    "js-cppcc-office-2018-dept-budget-tables-600311.pdf": ("江苏省政协办公厅", 2018, "预算", "部门"),
    "js-high-court-2017-dept-budget-full-324795.pdf": ("江苏省高级人民法院", 2017, "预算", "部门"),
    "js-high-court-2018-dept-budget-full-9bb83b.pdf": ("江苏省高级人民法院", 2018, "预算", "部门"),
    "js-npc-office-2017-dept-budget-full-520fa5.pdf": ("江苏省人大常委会办公厅", 2017, "预算", "部门"),
    "js-npc-office-2018-dept-budget-full-f113bb.pdf": ("江苏省人大常委会办公厅", 2018, "预算", "部门"),
    "js-party-office-2017-dept-budget-narrative-177eb7.pdf": ("江苏省委办公厅", 2017, "预算", "部门"),
    "js-party-office-2017-dept-budget-tables-a59d3e.pdf": ("中国共产党江苏省委员会办公厅", 2017, "预算", "部门"),
    "js-party-office-2018-dept-budget-narrative-d22abd.pdf": ("江苏省委办公厅", 2018, "预算", "部门"),
    "js-party-office-2018-dept-budget-tables-60f13f.pdf": ("中共江苏省委办公厅", 2018, "预算", "部门"),
    "js-procuratorate-2017-dept-budget-full-956e15.pdf": ("江苏省人民检察院", 2017, "预算", "部门"),
    "js-procuratorate-2018-dept-budget-full-b6f855.pdf": ("江苏省人民检察院", 2018, "预算", "部门"),
}
FINAL_EXPECTED = {
    "putuo-planning-2024-final.pdf": ("上海市普陀区规划和自然资源局", 2024, "决算", "部门"),
    "putuo-socialwork-2024-final.pdf": ("中共上海市普陀区委社会工作部", 2024, "决算", "部门"),
}
REFERENCE_EXPECTED = {
    "yangquan-civil-affairs-2025-dept-budget.txt": ("阳泉市民政局", 2025, "预算", "部门"),
}


def _meta(raw) -> DocumentMeta:
    return detect_meta(raw.lines, debug_stages(raw).tables.items, Context(raw.file))


def _first_pages(path: Path) -> bytes:
    writer = PdfWriter()
    for page in PdfReader(path).pages[:COVER_PAGES]:
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def read_meta(path: Path) -> DocumentMeta:
    """The metadata of the pages it needs: the first ones, or all where they print no title."""
    if path.suffix != ".pdf":
        return _meta(read_source(path))
    meta = _meta(read_source(path, data=_first_pages(path)))
    return meta if meta.title else _meta(read_source(path))


def _check(folder: Path, expected: dict, name: str) -> None:
    organisation, year, stage, level = expected[name]
    meta = read_meta(folder / name)
    assert (meta.organisation, meta.year, meta.stage, meta.level) == (
        organisation, year, STAGES[stage], LEVELS[level])


needs_cities = pytest.mark.skipif(not CITIES.is_dir(), reason="the cities corpus is not on this machine")


@needs_cities
def test_every_city_file_is_listed():
    assert sorted(p.name for p in CITIES.glob("*.pdf")) == sorted(CITIES_EXPECTED)


@needs_cities
@pytest.mark.parametrize("name", sorted(CITIES_EXPECTED))
def test_cities(name):
    _check(CITIES, CITIES_EXPECTED, name)


BUNDLED = {"pdf": PDF_EXPECTED, "jiangsu": JIANGSU_EXPECTED, "final": FINAL_EXPECTED}


@pytest.mark.parametrize("folder", sorted(BUNDLED))
def test_every_bundled_file_is_listed(folder):
    assert sorted(p.name for p in (SAMPLES / folder).glob("*.pdf")) == sorted(BUNDLED[folder])


@pytest.mark.parametrize(("folder", "name"), [(f, n) for f, files in sorted(BUNDLED.items()) for n in sorted(files)])
def test_bundled_folders(folder, name):
    _check(SAMPLES / folder, BUNDLED[folder], name)


def test_reference():
    _check(SAMPLES, REFERENCE_EXPECTED, "yangquan-civil-affairs-2025-dept-budget.txt")

"""The 44 项目支出绩效目标表 of the reference document, read through the targets recogniser.

The expected list below was written by reading the source text form by form (title line,
项目名称, 实施单位, 实施期资金总额, 年度资金总额 as printed); it is not generated from the code.
"""
from __future__ import annotations

import time
from decimal import Decimal

import pytest

from yusuan.model import MoneyUnit
from yusuan.recognize.claims import Context
from yusuan.recognize.targets import read_forms, recognize_targets

RESCUE = "阳泉市救助管理站"
WELFARE = "阳泉市社会福利院"
BUREAU = "阳泉市民政局"

# (title line, 项目名称, 实施单位, 实施期资金总额, 年度资金总额) as printed; None = not printed.
EXPECTED = [
    (607, "救助站未成年人保护、流浪乞讨人员救助服务保障及机构运转经费", RESCUE, "500,000", "300000"),
    (650, "救助站未成年人保护、流浪乞讨人员救助服务保障及机构运转经费", RESCUE, "500,000", "300000"),
    (675, "困难群众救助补助资金（流浪乞讨）", RESCUE, "1970000", "1970000"),
    (715, "遗属补助", RESCUE, "19,240", "19,240"),
    (748, "救助人员生活费", RESCUE, "201,680", "104000"),
    (785, "阳泉市救助管理站安保服务", RESCUE, "221000", "213800"),
    (820, "中央专项彩票公益金支持残疾人事业发展补助资金", WELFARE, "9,600", "9,600"),
    (852, "院内水电气经费", WELFARE, "205000", "205000"),
    (886, "遗属补助", WELFARE, "10000", "10000"),
    (918, "养老公益苑建设项目偿还贷款本息", WELFARE, "940,000", "422,128.01"),
    (952, "阳泉市养老公益二期护坡、道路及管网对接工程项目", WELFARE, "3,048,500", "3,048,500"),
    (986, "阳泉市社会福利院阳光楼屋顶防水及保温改造工程", WELFARE, "260,000", "260,000"),
    (1019, "阳泉市社会福利院孤残儿童活动中心消防隐患改造工程", WELFARE, "1,000,000", "1,000,000"),
    (1053, "阳泉市社会福利院东北部挡墙边坡加固治理项目尾款", WELFARE, None, None),
    (1084, "幸福家园运行经费", WELFARE, "100000", "100,000"),
    (1118, "市社会福利院大门西侧危旧围墙隐患改造工程", WELFARE, "430,000", "430,000"),
    (1152, "省级残疾人事业发展补助资金", WELFARE, "22,400", "22,400"),
    (1188, "三无人员生活费", WELFARE, "7200", "7200"),
    (1222, "明天计划", WELFARE, "65,900", "65,900"),
    (1254, "困难群众救助补助资金(中央和省)", WELFARE, "408,000", "408,000"),
    (1292, "困难群众救助补助资金（市级）", WELFARE, "540,000", "540,000"),
    (1324, "公建民营养老服务单位基本运行保障经费及院内生活环境提升和公共服务建设项目", WELFARE, "500,000", "500,000"),
    (1356, "福彩圆梦孤儿助学", WELFARE, "10,000", "10,000"),
    (1388, "儿童阳光综合楼运行经费", WELFARE, "300,000", "250,000"),
    (1420, "阳泉市社会福利院儿童福利设施设备配套项目", WELFARE, "264,288.5", "200,000"),
    (1452, "市低保中心单位运转办公、核对工作经费", "阳泉市城乡居民最低生活保障管理中心", "390,000", "80,000"),
    (1498, "救助管理站污水管网维修项目", RESCUE, "230,000", "230,000"),
    (1532, "殡仪馆缴纳非法占地和林业草原罚款", BUREAU, "200,000", "200,000"),
    (1569, "殡葬惠民补助金", BUREAU, "2,313,500", "1,666,000"),
    (1603, "访贫问寒专项经费", BUREAU, "400,000", "400,000"),
    (1639, "各项工作经费", BUREAU, "345,000", None),
    (1683, "购买殡葬服务", BUREAU, "5,970,000", "2,950,000"),
    (1728, "购买阳泉市老年颐养中心养老服务", BUREAU, "2,010,000", "1,600,000"),
    (1763, "老年颐养中心取暖费", BUREAU, "210,000", "199,500"),
    (1798, "市殡仪馆办公设施购置", BUREAU, "2,000,000", "1,000,000"),
    (1832, "阳泉市殡仪馆迁建", BUREAU, "1,810,600", "1,810,600"),
    (1865, "阳泉市殡葬服务中心冰棺购置项目", BUREAU, "104,000", "104,000"),
    (1899, "阳泉市老年颐养中心维修改造及购置安全防护系统", BUREAU, "1,620,000", "1,620,000"),
    (1938, "阳泉市民政局困境儿童和留守儿童关爱服务项目", BUREAU, "700,000", "700,000"),
    (1976, "阳泉市养老护理员和失能老年人家庭的稳定照护者培训", BUREAU, "630,000", "630,000"),
    (2012, "养老服务从业人员一次性入职奖励", BUREAU, "19,500", "19,500"),
    (2046, "政府购买居家养老服务专项经费", BUREAU, "1,260,000", "1,248,000"),
    (2081, "智慧养老服务平台运营费", BUREAU, "210,000", "197,600"),
    (2122, "中央集中彩票公益金支持社会福利事业资金", BUREAU, "1,010,000", "1,010,000"),
]
# 填报日期 of each form's footer, pt01 … pt44 ("" for pt01, printed without footer; pt40's date wrapped
# onto the line below its label, pt35's has 8 digits, pt42's shares its cell with the label).
FILLED_ON = """
    - 20250122174018 20250110103212 20250122171414 20250122175916 20250122172604 20250103110943 20250116185424
    20250123095019 20250205083835 20250120162259 20250114161505 20250115173308 20250205093135 20250123112911
    20250120160035 20250103101708 20250123092705 20250114111326 20241230174451 20250213152827 20250208114547
    20250114113023 20250123105844 20250210113104 20250122162004 20250116172059 20250126095225 20250123155112
    20250123152854 20250123151357 20250210145344 20250210150026 20250124092918 20250124162615 20250108
    20250116102221 20250114174653 20250116094309 20250116092945 20250116094311 20250210145614 20250124094321
    20241231171112
""".split()
# pt14 (line 1059-1064): `项目资金(元)¦¦201943.3¦财政拨款¦201943.3` …, each line printed once with the amount
# of both columns; no 资金总额 and none of the standard five sources.
PT14_LINES = [
    ("财政拨款", "201943.3", 1060), ("其他小类财政拨款", "0", 1061), ("财政专户收入", "0", 1062),
    ("其他(非)财政专户", "201943.3", 1063), ("债券(债务)", "0", 1064),
]
NO_LABELLED_FUNDING = {"pt14"}  # the 财政拨款/财政专户 variant: no 实施期/年度 labels at all
NO_YEAR_AMOUNTS = {"pt31"}  # 各项工作经费: the 年度 column prints labels but no amounts


@pytest.fixture(scope="module")
def claim(reference_raw):
    return recognize_targets(reference_raw.lines, Context(reference_raw.file))


@pytest.fixture(scope="module")
def targets(claim):
    return claim.items


def _printed(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text.replace(",", ""))


def test_all_44_forms_found_in_reading_order(targets):
    assert len(targets) == 44
    assert [t.id for t in targets] == [f"pt{n:02d}" for n in range(1, 45)]


@pytest.mark.parametrize("index, expected", list(enumerate(EXPECTED)), ids=[f"pt{n:02d}" for n in range(1, 45)])
def test_form_name_unit_and_totals_as_printed(targets, index, expected):
    line, name, unit, period_total, year_total = expected
    target = targets[index]
    assert target.provenance.line == line
    assert target.project_name == name
    assert target.implementing_unit == unit
    got_period = target.funding_period.total
    got_year = target.funding_year.total
    assert (got_period.value if got_period else None) == _printed(period_total)
    assert (got_year.value if got_year else None) == _printed(year_total)


def test_every_form_has_funding_and_indicators_for_both_scopes(targets):
    for t in targets:
        assert t.indicators_for("period") and t.indicators_for("year"), t.id
        if t.id in NO_LABELLED_FUNDING:
            continue
        assert t.funding_period.total is not None, t.id
        assert all(a is not None for name, a in t.funding_period.sources() if name != "other"), t.id
        if t.id not in NO_YEAR_AMOUNTS:
            assert t.funding_year.total is not None, t.id
            assert all(a is not None for name, a in t.funding_year.sources() if name != "other"), t.id


def test_funding_sources_as_printed(targets):
    def sources(funding):
        return [a.value if a is not None else None for _, a in funding.sources()]

    # 困难群众救助补助资金(中央和省): `其中:中央财政资金¦216,000`, `省级财政资金¦192,000`
    assert sources(targets[19].funding_period) == [216000, 192000, 0, 0, None]
    assert sources(targets[19].funding_year) == [216000, 192000, 0, 0, None]
    assert sources(targets[2].funding_year) == [1970000, 0, 0, 0, None]  # 中央 only
    assert sources(targets[10].funding_period) == [0, 3048500, 0, 0, None]  # 省级 only
    assert sources(targets[0].funding_year) == [0, 0, 300000, 0, None]  # `市县（区）财政资金¦300000`


def test_pt14_funding_printed_under_its_own_labels(targets):
    variant = targets[13]
    assert (variant.attribute, variant.period) == ("201-一般公共服务 101-民政", "1年")
    for funding in (variant.funding_period, variant.funding_year):
        assert funding.total is None and all(a is None for _, a in funding.sources())
        assert [(ln.label, ln.amount.value, ln.provenance.line) for ln in funding.lines] == [
            (label, Decimal(amount), line) for label, amount, line in PT14_LINES]
        assert all(ln.amount.unit is MoneyUnit.YUAN for ln in funding.lines)


def test_filled_on_as_printed_in_every_footer(targets):
    assert [t.filled_on for t in targets] == ["" if d == "-" else d for d in FILLED_ON]


def test_funding_sources_add_up_to_their_totals(targets):
    """Holds for every form of the reference; a misread cell would break it."""
    for t in targets:
        for funding in (t.funding_period, t.funding_year):
            if funding.total is not None:
                assert sum(a.value for _, a in funding.sources() if a) == funding.total.value, t.id


def test_amounts_are_yuan_with_printed_places(targets):
    loan = targets[9]  # 养老公益苑建设项目偿还贷款本息: 422,128.01
    assert loan.funding_year.total.unit is MoneyUnit.YUAN
    assert loan.funding_year.total.places == 2
    assert loan.funding_year.local.value == Decimal("422128.01")
    assert targets[0].funding_period.total.places == 0


def test_every_line_of_every_form_is_consumed_into_a_field_or_reported(reference_raw, claim):
    forms = read_forms(reference_raw.lines, Context(reference_raw.file))
    for form in forms:
        placed = dict(form.placements)
        reported = {i.provenance.line for i in form.issues}
        for line in form.region.lines:
            if line.is_blank:
                continue
            assert line.line in placed, (form.target.id, line.line)
            assert line.line in claim.consumed
            if placed[line.line] == "unplaced":
                assert line.line in reported, (form.target.id, line.line)
    parts = {part for form in forms for _, part in form.placements}
    assert {"title", "year", "head", "funding", "text", "goal", "grid_header", "indicator", "footer"} <= parts
    # the reference needs no line given up: every line found its part of the form
    assert "unplaced" not in parts


def test_claim_covers_exactly_the_forms(claim, targets):
    first, last = targets[0].provenance.line, targets[-1].end_line
    assert all(first <= n <= last for n in claim.consumed)
    assert {i.provenance.line for i in claim.issues} <= claim.consumed


def test_narrative_after_the_last_form_is_not_claimed(claim, reference_raw):
    after = next(ln for ln in reference_raw.lines if ln.text.startswith("十一、国有资产占有使用情况"))
    assert after.line not in claim.consumed
    assert max(claim.consumed) == 2152  # the last form's 负责人 footer


def test_department_code_split(targets):
    assert (targets[0].department_code, targets[0].competent_department) == ("064", "阳泉市民政局")
    assert (targets[2].department_code, targets[2].competent_department) == ("906", "社保科")
    assert (targets[10].department_code, targets[10].competent_department) == ("908", "综合科")


def test_provenance_points_at_the_form(targets):
    t = targets[3]  # 遗属补助 of the 救助管理站
    assert t.provenance.file == "yangquan-civil-affairs-2025-dept-budget.txt"
    assert t.provenance.table == "pt04"
    assert t.end_line == 746
    assert all(715 < i.provenance.line < 746 and i.provenance.table == "pt04" for i in t.indicators)
    assert t.funding_period.provenance.line == 722


def test_recognising_all_forms_is_fast(reference_raw):
    """Well under 0.1 s of CPU (process time, best of five: other work on the machine is not ours)."""
    ctx = Context(reference_raw.file)
    best = min(_cpu_time(lambda: recognize_targets(reference_raw.lines, ctx)) for _ in range(5))
    assert best < 0.1


def _cpu_time(run) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start

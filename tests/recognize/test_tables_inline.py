"""Small inline documents: how each table shape is read. Cells are written `a|b|c` (tabs in the file)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from yusuan.model import ColumnKind, MoneyUnit, RowRole, TableKind
from yusuan.recognize.claims import Context
from yusuan.recognize.tables import recognize_tables
from yusuan.recognize.tables.roles import Hints, is_unit_name
from yusuan.sources.text import read_text


def read(*lines: str):
    """Recognise the tables of a small text document (one string per line)."""
    text = "\n".join(ln.replace("|", "\t") for ln in lines) + "\n"
    raw = read_text(Path("inline.txt"), data=text.encode("utf-8"))
    return recognize_tables(raw.lines, Context(raw.file))


def only(claim):
    assert len(claim.items) == 1, [t.title for t in claim.items]
    return claim.items[0]


def test_a_three_line_fund_income_table():
    t = only(read("2025年政府性基金预算收入表", "收入科目编码|科目名称|政府性基金收入预算", "合计||913.75", "", "单位：万元"))
    # the unit line after the grid is not this table's: its unit is missing and reported
    assert t.kind is TableKind.FUND_INCOME
    assert [(r.role, r.label, r.number("amount")) for r in t.rows] == [(RowRole.TOTAL, "合计", Decimal("913.75"))]


def test_unit_and_entity_are_read_per_table():
    claim = read(
        "2025年预算收入总表", "部门名称：阳泉|市民政局", "单位：元",
        "科目编码|科目名称|合计|一般公共预算", "201|一般公共服务支出|14,700.00|14,700.00",
        "2025年预算支出总表", "部门名称：阳泉市民政局|单位：万元",
        "科目编码|科目名称|合计|基本支出|项目支出", "201|一般公共服务支出|1.47|1.47|",
    )
    income, spending = claim.items
    assert (income.entity, income.unit, spending.entity, spending.unit) == (
        "阳泉市民政局", MoneyUnit.YUAN, "阳泉市民政局", MoneyUnit.WAN_YUAN)
    assert income.rows[0].amount("total").unit is MoneyUnit.YUAN
    assert income.rows[0].amount("total").value == Decimal("14700.00")
    assert spending.rows[0].amount("total").unit is MoneyUnit.WAN_YUAN
    assert [t.id for t in claim.items] == ["t01", "t02"]


def test_a_table_without_unit_is_read_in_the_template_unit_and_reported():
    claim = read("2025年政府性基金预算支出表", "科目编码|科目名称|合计|基本支出|项目支出", "合计||913.75||913.75")
    assert only(claim).unit is MoneyUnit.WAN_YUAN
    assert [i.code for i in claim.issues] == ["ingest.table_unit_missing"]
    assert claim.issues[0].provenance.line == 1


def test_empty_table_keeps_its_note():
    t = only(read(
        "部门公开表9", "", "2025年国有资本经营预算收支预算表（不含上年结转）", "", "单位：万元", "",
        "国有资本经营预算收入|||国有资本经营预算支出||||",
        "项目||国有资本经营收入预算|科目编码|科目名称|合计|基本支出|项目支出",
        "收入科目编码|科目名称||||||", "合计|||||||", "", "注：本表无数据",
    ))
    assert (t.kind, t.caption, t.notes) == (TableKind.STATE_CAPITAL, "部门公开表9", ("注：本表无数据",))
    assert [(r.role, r.side, r.label, r.values) for r in t.rows] == [(RowRole.TOTAL, "income", "合计", ())]
    assert [c.label for c in t.columns] == [
        "国有资本经营预算收入/国有资本经营收入预算", "国有资本经营预算支出/合计",
        "国有资本经营预算支出/基本支出", "国有资本经营预算支出/项目支出",
    ]


def test_wrapped_label_is_squashed_and_two_sides_are_two_rows():
    t = only(read(
        "2025年预算收支总表", "单位：万元", "收入||支出|||", "项目|2025年|项目|2025年合计|当年预算安排|上年结转安排",
        "一、一般公共预算|3008.67|二十二、国有资本经营 预算支出|||",
        "上年结转|489.07|年终结转|||",
    ))
    assert [(r.side, r.label, r.provenance.line) for r in t.rows] == [
        ("income", "一、一般公共预算", 5), ("expenditure", "二十二、国有资本经营预算支出", 5),
        ("income", "上年结转", 6), ("expenditure", "年终结转", 6),
    ]
    assert t.rows[0].value("amount").provenance.column == "amount"


def test_table_continues_across_a_page_break_and_ends_at_prose():
    claim = read(
        "2025年一般公共预算支出预算表", "单位：万元", "科目编码|科目名称|合计|基本支出|项目支出",
        "208|社会保障和就业支出|2895.74|986.52|1909.22", "", "", "20802|民政管理事务|470.32|380.94|89.38",
        "", "三、支出预算情况说明",
    )
    t = only(claim)
    assert [r.code for r in t.rows] == ["208", "20802"]
    assert 9 not in claim.consumed and {1, 2, 3, 4, 7} <= claim.consumed


def test_multi_row_header_labels_are_header_paths():
    t = only(read(
        "2025年预算收入总表", "单位：万元", "项目||本年收入||||||上年结转",
        "科目编码|科目名称|合计|一般公共预算|政府性基金|国有资本经营预算|财政专户管理资金|单位资金|",
        "合计||3922.42|3008.67|913.75||||489.07",
    ))
    assert [(c.key, c.label) for c in t.columns] == [
        ("total", "本年收入/合计"), ("general_public", "本年收入/一般公共预算"), ("gov_fund", "本年收入/政府性基金"),
        ("state_capital", "本年收入/国有资本经营预算"), ("special_account", "本年收入/财政专户管理资金"),
        ("unit_funds", "本年收入/单位资金"), ("carry_over", "上年结转"),
    ]
    assert t.rows[0].number("carry_over") == Decimal("489.07")


def test_column_number_row_is_a_header_and_units_head_their_projects():
    t = only(read(
        "2025年项目支出预算表（上年结转）", "部门名称：阳泉市民政局", "单位：万元",
        "项目名称|合计|2025年财政拨款||", "||一般公共预算|政府性基金 预算|国有资本 经营预算", "1|2|3|4|5",
        "阳泉市民政局|489.07||489.07|", "阳泉市社会福利院|999.99||999.99|", "福彩圆梦助学工程|0.50||0.50|",
    ))
    assert t.columns[2].label == "2025年财政拨款/政府性基金预算"
    # the unit's subtotal is wrong on purpose: its role must not depend on the numbers
    assert [(r.label, r.role) for r in t.rows] == [
        ("阳泉市民政局", RowRole.TOTAL), ("阳泉市社会福利院", RowRole.GROUP), ("福彩圆梦助学工程", RowRole.ITEM),
    ]


def test_budget_unit_names_versus_project_names():
    hints = Hints(entities=frozenset({"阳泉市民政局"}), units=frozenset({"阳泉市慈善总会"}))
    assert is_unit_name("阳泉市救助管理站", hints)
    assert is_unit_name("阳泉市慈善总会", hints)
    assert not is_unit_name("阳泉市救助管理站安保服务", hints)
    assert not is_unit_name("阳泉市殡葬服务中心冰棺购置项目", hints)
    assert not is_unit_name("老年失能失智康养介入中心（市级福彩）", hints)


def test_three_public_sub_items_sit_under_vehicle_costs():
    t = only(read(
        "预算公开表10", "2025年财政拨款安排“三公”经费支出预算表", "单位：万元",
        "项目|2025年预算数|||", "|合计|一般公共预算|政府性基金预算|国有资本经营预算",
        "因公出国（境）费||||", "公务用车购置及运行费|18.50|18.50||", "①公务用车购置费||||",
        "②公务用车运行维护费|18.50|18.50||", "合计|18.50|18.50||",
    ))
    assert t.caption == "预算公开表10"
    assert [r.role for r in t.rows] == [RowRole.ITEM, RowRole.GROUP, RowRole.ITEM, RowRole.ITEM, RowRole.TOTAL]


def test_basic_economic_table_keeps_the_government_name_as_text():
    t = only(read(
        "2025年一般公共预算安排基本支出分经济科目表（不含上年结转）", "单位：万元",
        "部门预算支出经济科目名称|政府预算支出经济科目名称|2025年预算数||", "||合计|人员经费|公用经费",
        "工资福利支出||823.79|823.79|", "基本工资|工资奖金津补贴|106.17|106.17|",
    ))
    assert t.column("gov_economic_name").kind is ColumnKind.TEXT
    assert [(r.role, r.label, r.text("gov_economic_name")) for r in t.rows] == [
        (RowRole.GROUP, "工资福利支出", ""), (RowRole.ITEM, "基本工资", "工资奖金津补贴"),
    ]


def test_printed_number_forms():
    t = only(read(
        "2025年预算支出总表", "单位：万元", "科目编码|科目名称|合计|基本支出|项目支出",
        "合计||4411. 49|1,099.45|3312.04",
    ))
    row = t.rows[0]
    assert [(v.text, v.amount.value, v.amount.places) for v in row.values] == [
        ("4411. 49", Decimal("4411.49"), 2), ("1,099.45", Decimal("1099.45"), 2), ("3312.04", Decimal("3312.04"), 2),
    ]


def test_a_titled_grid_that_fits_no_template_is_kept_as_generic_and_reported():
    claim = read("续表", "单位：万元", "科目|金额|说明", "一、办公|12.00|", "二、印刷|3.00|")
    t = only(claim)
    assert t.kind is TableKind.GENERIC and t.title == "续表" and t.not_budget == ""
    assert [(i.code, i.provenance.line) for i in claim.issues] == [("ingest.table_generic", 1)]
    assert "不符合任何已知模板" in claim.issues[0].message


def test_a_list_printing_no_figure_is_kept_as_no_budget_table():
    """山西's 政府购买服务指导性目录 printed as a grid (代码, 一级目录 …): no money, so no budget table the
    reader failed to type; it says so, as a note (提示), not as a table not understood."""
    claim = read("续表", "", "代码|一级目录|二级目录", "A|公共服务|", "A03||就业公共服务")
    t = only(claim)
    assert t.kind is TableKind.GENERIC and t.title == "续表" and t.not_budget == "不含金额的列表"
    assert [(r.label, r.text("col2"), r.text("col3")) for r in t.rows] == [("A", "公共服务", ""), ("A03", "", "就业公共服务")]
    assert [(i.code, i.severity, i.provenance.line) for i in claim.issues] == [("ingest.table_not_budget", "info", 1)]
    assert "不是预算表" in claim.issues[0].message


def test_a_performance_form_is_kept_as_no_budget_table():
    """A 决算's 项目绩效自评表 (国家信访局 p30) prints 年初预算数 … 分值 得分 beside its indicators: figures,
    but of a project's self-evaluation, not budget amounts."""
    claim = read("信访干部培训专项项目绩效自评表", "", "项目名称|信访干部培训专项|",
                 "项目资金（万元）|年初预算数|全年预算数|全年执行数|分值|执行率|得分",
                 "年度资金总额：|180.61|180.03|180.03|10.0|100.00%|10")
    t = only(claim)
    assert t.kind is TableKind.GENERIC and t.not_budget == "项目绩效表"
    assert [i.code for i in claim.issues] == ["ingest.table_not_budget"]


def test_a_cell_outside_every_column_is_reported_with_its_line():
    claim = read("2025年政府性基金预算收入表", "单位：万元", "收入科目编码|科目名称|政府性基金收入预算", "合计||913.75|12.00")
    assert only(claim).rows[0].values[0].text == "913.75"
    (issue,) = claim.issues
    assert (issue.code, issue.provenance.line, issue.text) == ("ingest.cell_unplaced", 4, "合计\t\t913.75\t12.00")
    assert "12.00" in issue.message


def test_contents_lines_and_target_forms_are_not_tables():
    claim = read(
        "目 录", "表一2025年预算收支总表|2", "表二2025年预算收入总表|4", "",
        "阳泉市市级预算部门（单位）项目支出绩效目标表", "", "项目名称|||地名标志牌管理工作经费",
        "主管部门及代码|||064-阳泉市民政局|实施单位|阳泉市民政事务中心",
    )
    assert claim.items == () and claim.consumed == frozenset()


def test_a_title_without_a_grid_is_not_a_table():
    claim = read("2025年预算收支总表", "", "本年收支总体情况见下文。")
    assert claim.items == ()


def test_a_header_repeated_after_a_page_break_is_not_data():
    t = only(read(
        "2025年政府性基金预算支出表", "单位：万元", "科目编码|科目名称|合计|基本支出|项目支出",
        "229|其他支出|913.75||913.75", "", "科目编码|科目名称|合计|基本支出|项目支出",
        "22960|彩票公益金安排的支出|913.75||913.75",
    ))
    assert [r.code for r in t.rows] == ["229", "22960"]
    assert [r.role for r in t.rows] == [RowRole.GROUP, RowRole.ITEM]


def test_every_template_names_known_rules_and_distinct_kinds():
    from yusuan.recognize.tables.roles import RULES
    from yusuan.recognize.tables.templates import TEMPLATE_SETS

    for ts in TEMPLATE_SETS:
        assert len({t.kind for t in ts.templates}) == len(ts.templates)
        for t in ts.templates:
            assert set(t.rules) <= set(RULES), (ts.name, t.kind)


def test_column_marks_row_and_a_bare_year_header():
    t = only(read(
        "2025年财政拨款安排机关运行经费预算表", "单位：万元", "单位名称|2025||", "|合计|一般公共预算|政府性基金预算",
        "栏次|1|2|3", "部门合计|40.68|40.68|",
    ))
    assert [c.label for c in t.columns][:2] == ["2025/合计", "2025/一般公共预算"]
    assert [(r.role, r.label) for r in t.rows] == [(RowRole.TOTAL, "部门合计")]


def test_three_public_and_running_is_not_taken_for_agency_running():
    claim = read("2025年部门“三公”经费和机关运行经费预算表", "单位：万元", "项目|合计", "合计|59.98")
    assert only(claim).kind is TableKind.THREE_PUBLIC_AND_RUNNING  # the national set names it


def test_a_title_whose_header_does_not_fit_its_template_is_kept_as_generic():
    claim = read(
        "2025年财政拨款安排机关运行经费预算表", "单位：万元",
        "因公出国（境）费|公务用车购置费|公务用车运行费|公务接待费|机关运行经费", "||18.50|0.80|40.68",
    )
    t = only(claim)
    assert t.kind is TableKind.GENERIC
    assert [i.code for i in claim.issues] == ["ingest.table_header_misfit", "ingest.row_unlabelled"]
    assert "机关运行经费表" in claim.issues[0].message
    assert t.rows[0].amount("col3").value == Decimal("18.50")


def test_compiling_department_line_gives_entity_and_unit():
    t = only(read("2025年预算支出总表", "编制部门：上海市普陀区人民政府万里街道办事处|单位：元",
                  "科目编码|科目名称|合计|基本支出|项目支出", "合计||189,767,551|101,341,746|88,425,805"))
    assert (t.entity, t.unit) == ("上海市普陀区人民政府万里街道办事处", MoneyUnit.YUAN)
    assert t.rows[0].amount("total").value == Decimal(189767551)


def test_a_project_table_without_department_row_has_no_total():
    t = only(read(
        "2025年项目支出预算表（本年预算）", "部门名称：阳泉市民政局", "单位：万元", "项目名称|合计|一般公共预算",
        "访贫问寒专项经费|12.00|12.00", "殡葬惠民补助金|40.00|40.00",
    ))
    assert [r.role for r in t.rows] == [RowRole.ITEM, RowRole.ITEM]


def test_a_name_ending_in_danwei_is_a_budget_unit():
    """A budget book's project table with its units named “…第1单位” (the synthetic books of bench_batch,
    written by `yusuan build`): read as projects, the department row summed each one twice — a false
    arith.project_total error on 8 of 20 clean books. “…单位” names a unit like “…站” or “…中心”."""
    hints = Hints(entities=frozenset({"合成部门280"}))
    assert is_unit_name("合成部门280第1单位", hints)
    assert is_unit_name("阳泉市民政局所属预算单位", Hints(entities=frozenset({"阳泉市民政局"})))
    assert not is_unit_name("合成项目1", hints)


def test_a_unit_under_its_other_name_or_its_province_heads_its_projects_and_a_project_named_like_a_unit_does_not():
    """gd-gz-d34a51d3.pdf (广州市生态环境局) pages 44-47: the unit rows print no 绩效目标, the projects one each.
    “广州市环境技术中心（广州市美丽城市建设中心）” (its other name in brackets) and “广东省广州生态环境监测中心站”
    (the city under its province) were read as projects; “广州市生态环境科技协同创新中心” is a project that
    prints its target (it was read as a unit over the next unit's projects)."""
    target = "通过聘请编外人员协助开展广州市美丽城市建设相关的生态环境技术支持工作，保障工作正常运作。"
    t = only(read(
        "部门预算项目支出及其他支出预算表", "单位名称：广州市生态环境局", "单位：万元",
        "支出项目类别（资金使用单位）|总计|一般公共预算|其他资金|绩效目标",
        "合计|5,816.10|4,769.69|51.56|", "广州市生态环境局|0.00|0.00|0.00|",
        "广州市环境技术中心（广州市美丽城市建设中心）|811.59|798.19|13.40|", f"机构运行辅助经费|63.00|63.00|0.00|{target}",
        f"广州市生态环境科技协同创新中心|13.40|0.00|13.40|{target}",
        "广东省广州生态环境监测中心站|4,991.11|4,758.27|38.16|", f"业务用房物业管理费|183.47|183.47|0.00|{target}",
    ))
    assert [r.role for r in t.rows] == [RowRole.TOTAL, RowRole.GROUP, RowRole.GROUP, RowRole.ITEM, RowRole.ITEM,
                                        RowRole.GROUP, RowRole.ITEM]
    hints = Hints(entities=frozenset({"广州市生态环境局"}))
    assert not is_unit_name("广东省深圳生态环境监测中心站", hints)  # another city's

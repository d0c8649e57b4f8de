"""The book's sheets as data: one spec serves the XLSX template, its loader and the folder form.

A table sheet has a header row and one record per row; a key-value sheet has two columns
(项目, 内容) with the keys listed here. The folder form keeps key-value sheets in book.yaml and
each table sheet in a CSV file with the same Chinese headers.
"""
from __future__ import annotations

from dataclasses import dataclass

from .book import LEVELS, NATURES, PERIODS, PRESENTATION_UNITS, PROJECT_CATEGORIES, SOURCES, TEMPLATE_CHOICES, UNIT_KINDS


@dataclass(frozen=True)
class Col:
    header: str
    required: bool = True
    choices: tuple[str, ...] = ()
    money: bool = False  # 元, up to two decimals
    hint: str = ""


@dataclass(frozen=True)
class SheetSpec:
    name: str  # Chinese sheet name
    file: str  # CSV file name in the folder form ("" for key-value sheets kept in book.yaml)
    columns: tuple[Col, ...]
    keyvalue: bool = False
    required: bool = True
    purpose: str = ""


_FUNDING = tuple(
    Col(f"{scope}{src}（元）", required=False, money=True)
    for scope in ("实施期", "年度") for src in ("中央", "省级", "市县", "自筹", "其他")
)
TEXT_KEYS = (
    "本部门职责", "收支变动原因", "三公经费变动原因", "因公出国（境）费变动原因", "公务接待费变动原因",
    "公务用车购置及运行费变动原因", "公务用车购置费变动原因", "公务用车运行维护费变动原因", "机关运行经费变动原因",
    "政府购买服务指导性目录", "其他说明",
)
LAST_YEAR_KEYS = (
    "收支总计", "一般公共预算当年支出", "三公经费", "因公出国（境）费", "公务接待费", "公务用车购置及运行费",
    "公务用车购置费", "公务用车运行维护费", "机关运行经费",
    # Shanghai's 编制说明 compares 财政拨款 and each fund's appropriation with last year
    "财政拨款收入", "政府性基金预算支出", "国有资本经营预算支出",
)
VEHICLE_KINDS = ("领导用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车", "事业单位业务用车", "其他公务用车")
ASSET_KEYS = ("截至日期", "公务用车编制", "公务用车实有", *VEHICLE_KINDS, "办公用房建筑面积（平方米）",
              "50万元以上通用设备（台套）", "100万元以上通用设备（台套）")
DEPARTMENT_KEYS = ("部门名称", "主管部门代码", "年度", "模板", "金额单位", "地区", "内设机构", "公开层级")

SHEETS = (
    SheetSpec("部门", "", (Col("项目"), Col("内容")), keyvalue=True,
              purpose=f"部门名称、主管部门代码、年度、模板（{'或'.join(TEMPLATE_CHOICES)}）、金额单位（万元/元）、内设机构（用“、”分隔）、"
                      "公开层级（部门/单位，可不填，默认部门）"),
    SheetSpec("单位", "units.csv", (Col("单位名称"), Col("单位类型", choices=UNIT_KINDS)),
              purpose="每个预算单位一行；单位类型为行政、参公或事业（机关运行经费按行政、参公单位计算）"),
    SheetSpec("收入", "income.csv", (
        Col("资金来源", choices=SOURCES), Col("年度属性", choices=PERIODS),
        Col("收入科目编码", required=False, hint="政府性基金收入填7位收入科目编码"), Col("金额（元）", money=True)),
        purpose="按资金来源填写本年收入和上年结转；每个来源的合计须与支出相等"),
    SheetSpec("支出", "lines.csv", (
        Col("单位"), Col("功能分类科目编码", hint="7位项级科目"), Col("支出类型", choices=NATURES),
        Col("部门经济科目编码", hint="5位款级科目，如30101"), Col("政府经济科目编码", hint="5位款级科目，如50101"),
        Col("资金来源", choices=SOURCES), Col("年度属性", choices=PERIODS),
        Col("项目编号", required=False, hint="项目支出必填"), Col("金额（元）", money=True)),
        purpose="每笔预算支出一行：单位、功能科目、基本支出（人员/公用）或项目支出、经济科目、资金来源"),
    SheetSpec("项目", "projects.csv", (
        Col("项目编号"), Col("单位"), Col("项目名称"), Col("项目类别", choices=PROJECT_CATEGORIES)),
        purpose="项目支出表每行一个项目，按填写顺序列出；同名项目可分行"),
    SheetSpec("绩效目标", "targets.csv", (
        Col("单位"), Col("项目名称"), Col("主管部门及代码"), Col("项目属性"), Col("项目期"), *_FUNDING,
        Col("项目概况", required=False), Col("立项依据", required=False), Col("项目设立必要性", required=False),
        Col("保证项目实施的制度、措施", required=False), Col("项目实施计划", required=False),
        Col("实施期总体目标"), Col("年度总体目标")), required=False,
        purpose="每个公开绩效目标的项目一行；年度资金各来源之和须等于该单位同名项目本年预算"),
    SheetSpec("绩效指标", "indicators.csv", (
        Col("单位"), Col("项目名称"), Col("范围", choices=("实施期", "年度")), Col("一级指标"), Col("二级指标"),
        Col("三级指标", required=False), Col("指标值", required=False)), required=False,
        purpose="绩效目标表的指标，每个三级指标一行"),
    SheetSpec("说明文字", "", (Col("项目"), Col("内容")), keyvalue=True,
              purpose="只能由人填写的文字：职责（每段一行）、增减变动原因、其他说明"),
    SheetSpec("上年数", "", (Col("项目"), Col("金额（元）", money=True)), keyvalue=True,
              purpose="上年预算数（元），用于计算增减变动"),
    SheetSpec("政府采购", "", (Col("项目"), Col("金额（元）", money=True)), keyvalue=True, required=False,
              purpose="货物、工程、服务的政府采购预算（元）"),
    SheetSpec("国有资产", "", (Col("项目"), Col("内容")), keyvalue=True, required=False,
              purpose="车辆、房屋、设备的占有使用情况"),
    SheetSpec("科目说明", "items.csv", (
        Col("功能分类科目编码", hint="7位项级科目"), Col("主要用途"), Col("上年执行数（元）", required=False, money=True)),
        required=False,
        purpose="上海模板：编制说明逐项列出财政拨款支出科目，每个项级科目一行写明主要用途（“主要用于”之后的文字）和上年当年预算执行数"),
    SheetSpec("名词解释", "glossary.csv", (Col("术语"), Col("解释")), required=False,
              purpose="第四部分名词解释，每个术语一行"),
)
KEYS_OF = {"部门": DEPARTMENT_KEYS, "说明文字": TEXT_KEYS, "上年数": LAST_YEAR_KEYS,
           "政府采购": ("货物", "工程", "服务"), "国有资产": ASSET_KEYS}
SHEET = {s.name: s for s in SHEETS}
CHOICES_OF_DEPARTMENT = {"模板": TEMPLATE_CHOICES, "金额单位": PRESENTATION_UNITS, "公开层级": LEVELS}

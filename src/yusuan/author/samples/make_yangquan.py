"""Rebuild the 阳泉市民政局 2025 book from its publication (run once by a developer; the output,
yangquan-2025/ and yangquan-2025.xlsx, is committed data and is never re-derived at run time).

    python -m yusuan.author.samples.make_yangquan

Where the publication does not print a figure the book needs (which unit spends which basic
item on which function code), the lines are placed by a north-west-corner fill that keeps every
printed margin; see tests/author/test_sample.py for the differences this entails. Two things are
not as printed, so that the sample builds clean: a unit is added to the figure of two reasons
(“0.38万元公务用车运行维护费”), and seven projects printed without a 绩效目标表 get one
(yangquan_forms.py).
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from yusuan.ingest import read_disclosure
from yusuan.samples import REFERENCE_DISCLOSURE

from .yangquan_forms import added_forms
from .yangquan_lines import FORM_NAMES, UNITS, basic_lines, fit_amounts, form_amounts, project_lines, projects_of, yuan

REFERENCE = REFERENCE_DISCLOSURE  # the publication the book is rebuilt from
HERE = Path(__file__).resolve().parent


def main() -> None:
    d = read_disclosure(REFERENCE)
    t = {tb.kind: tb for tb in d.tables}
    projects = projects_of(t)
    fit = fit_amounts(t, projects, form_amounts(d, projects))
    lines = basic_lines(fit) + project_lines(fit, projects)
    sheets = {
        "部门": _kv({"部门名称": "阳泉市民政局", "主管部门代码": "064", "年度": "2025", "模板": "山西13表",
                    "金额单位": "万元", "地区": "山西", "内设机构": "、".join(d.organisation.offices if d.organisation else ())}),
        "单位": [{"单位名称": n, "单位类型": k} for n, k in UNITS],
        "收入": _income(lines),
        "支出": lines,
        "项目": [{k: v for k, v in p.items() if not k.startswith("_")} for p in projects],
        **_targets(d, projects, lines),
        "说明文字": _texts(d),
        "上年数": _kv({k: str(yuan(Decimal(v))) for k, v in LAST_YEAR.items()}, "金额（元）"),
        "政府采购": _kv({"货物": "672900", "工程": "230000", "服务": "6097100"}, "金额（元）"),
        "国有资产": _kv(_assets(d)),
        "名词解释": [{"术语": g.term, "解释": g.definition} for g in d.glossary],
    }
    from yusuan.author.folder_book import write_folder
    from yusuan.author.xlsx_book import write_workbook

    write_folder(sheets, HERE / "yangquan-2025")
    write_workbook(sheets, HERE / "yangquan-2025.xlsx")


# Last year's figures (万元) as the text quotes them: this year's figure less the stated change.
LAST_YEAR = {"收支总计": "3477.16", "一般公共预算当年支出": "2678.56", "三公经费": "18.12", "因公出国（境）费": "0",
             "公务接待费": "0", "公务用车购置及运行费": "18.12", "公务用车购置费": "0", "公务用车运行维护费": "18.12",
             "机关运行经费": "40.72"}
REASON_CARS = "2025年按照市级财政预算安排，批复民政事务中心0.38万元公务用车运行维护费"


def _kv(mapping: dict, value_col: str = "内容") -> list[dict]:
    return [{"项目": k, value_col: v} for k, v in mapping.items()]


def _income(lines: list[dict]) -> list[dict]:
    sums: dict[tuple, Decimal] = {}
    for ln in lines:
        key = (ln["资金来源"], ln["年度属性"])
        sums[key] = sums.get(key, Decimal(0)) + Decimal(ln["金额（元）"])
    return [{"资金来源": s, "年度属性": p, "收入科目编码": "1030155" if (s, p) == ("政府性基金预算", "本年") else "",
             "金额（元）": str(v)} for (s, p), v in sums.items()]


def _texts(d) -> list[dict]:
    duties = [{"项目": "本部门职责", "内容": p.text} for p in d.section("s1.1").paragraphs]
    return duties + _kv({
        "收支变动原因": "一是2025年上年结转纳入年初预算，二是上级提前下达资金纳入年初预算",
        "三公经费变动原因": "2025年按照市级财政预算安排，批复民政局机关公务接待费0.8万元，民政事务中心0.38万元公务用车运行维护费",
        "公务接待费变动原因": "2025年按照市级财政预算安排，批复民政局机关公务接待费0.8万元",
        "公务用车购置及运行费变动原因": REASON_CARS, "公务用车运行维护费变动原因": REASON_CARS,
        "机关运行经费变动原因": "人员流动，单位工作人员较上年减少",
        "政府购买服务指导性目录": d.section("s3.12.1").text, "其他说明": d.section("s3.12.2").text,
    })


def _assets(d) -> dict:
    a = d.assets
    out = {"截至日期": a.as_of, "公务用车编制": str(a.vehicles_quota), "公务用车实有": str(a.vehicles_actual)}
    out.update({c.label: str(c.count) for c in a.vehicles})
    out["办公用房建筑面积（平方米）"] = str(a.office_area_m2)
    out["50万元以上通用设备（台套）"], out["100万元以上通用设备（台套）"] = (str(c.count) for c in a.equipment)
    return out


def _targets(d, projects: list[dict], lines: list[dict]) -> dict:
    """One form per (unit, name) of the current-year projects; 年度资金 made to agree with the lines."""
    current: dict[str, Decimal] = {}
    for ln in lines:
        if ln["项目编号"]:  # 年度资金: this year's spending, carried-over funds included
            current[ln["项目编号"]] = current.get(ln["项目编号"], Decimal(0)) + Decimal(ln["金额（元）"])
    forms, indicators, seen = [], [], set()
    for f in d.targets:
        key = (f.implementing_unit, FORM_NAMES.get(f.project_name, f.project_name))
        ids = [p["项目编号"] for p in projects if (p["单位"], p["项目名称"]) == key and p["项目编号"] in current]
        if not ids or key in seen:
            continue  # a form for no current project, or a second copy of one (see the differences test)
        seen.add(key)
        amount = sum((current[i] for i in ids), Decimal(0))
        row = {"单位": key[0], "项目名称": key[1], "主管部门及代码": f"{f.department_code}-{f.competent_department}",
               "项目属性": f.attribute or "一次性项目（1年结束）", "项目期": f.period or "1年",
               "实施期总体目标": f.goal_period or f.goal_year or key[1], "年度总体目标": f.goal_year or f.goal_period or key[1]}
        row.update({label: f.text(label) for label in ("项目概况", "立项依据", "项目设立必要性", "保证项目实施的制度、措施", "项目实施计划")})
        year = _split(f.funding_year, amount)
        period = _split(f.funding_period, None)
        if sum(period.values()) < amount:
            period = year
        row.update({f"年度{k}（元）": str(v) for k, v in year.items()})
        row.update({f"实施期{k}（元）": str(v) for k, v in period.items()})
        forms.append(row)
        for i in f.indicators:
            indicators.append({"单位": key[0], "项目名称": key[1], "范围": "实施期" if i.scope == "period" else "年度",
                               "一级指标": i.level1, "二级指标": i.level2, "三级指标": i.name, "指标值": i.value})
    more_forms, more_indicators = added_forms(current, projects)
    return {"绩效目标": forms + more_forms, "绩效指标": indicators + more_indicators}


def _split(funding, amount: Decimal | None) -> dict[str, Decimal]:
    names = ("中央", "省级", "市县", "自筹", "其他")
    values = {n: (a.value if a else Decimal(0)) for n, (_, a) in zip(names, funding.sources())}
    if amount is None or sum(values.values()) == amount:
        return values
    main = max(values, key=lambda n: values[n]) if any(values.values()) else "市县"
    return {n: (amount if n == main else Decimal(0)) for n in names}




if __name__ == "__main__":
    main()

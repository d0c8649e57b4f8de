"""The 阳泉市民政局 sample's expenditure lines, placed so that every printed total rounds right.

Where the publication does not print what the book needs (which unit spends which basic item on
which function code), lines are placed by a north-west-corner fill that keeps every printed
margin; exact 元 amounts come from `fit.py`. A developer's tool: see make_yangquan.py.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable, Sequence

from yusuan.model import RowRole, TableKind as K

from .fit import Leaf, Problem

Pred = Callable[[Leaf], bool]

W = Decimal(10000)
UNITS = (("阳泉市民政局", "行政"), ("阳泉市社会福利院", "事业"), ("阳泉市救助管理站", "事业"),
         ("阳泉市城乡居民最低生活保障管理中心", "参公"), ("阳泉市民政事务中心", "事业"))
DEPT_ECON = {"基本工资": "30101", "津贴补贴": "30102", "奖金": "30103", "绩效工资": "30107",
             "机关事业单位基本养老保险缴费": "30108", "职业年金缴费": "30109", "职工基本医疗保险缴费": "30110",
             "其他社会保障缴费": "30112", "住房公积金": "30113", "办公费": "30201", "印刷费": "30202", "水费": "30205",
             "电费": "30206", "邮电费": "30207", "取暖费": "30208", "物业管理费": "30209", "差旅费": "30211",
             "会议费": "30215", "培训费": "30216", "公务接待费": "30217", "工会经费": "30228", "福利费": "30229",
             "公务用车运行维护费": "30231", "其他交通费用": "30239", "其他商品和服务支出": "30299", "离休费": "30301",
             "退休费": "30302", "奖励金": "30309"}
GOV_ECON = {"工资奖金津补贴": "50101", "社会保障缴费": "50102", "住房公积金": "50103", "办公经费": "50201",
            "会议费": "50202", "培训费": "50203", "公务接待费": "50206", "公务用车运行维护费": "50208",
            "其他商品和服务支出": "50299", "工资福利支出": "50501", "商品和服务支出": "50502", "社会福利和救助": "50901",
            "离退休费": "50905"}
# Forms whose project name differs from the project table's (the book names a project once).
FORM_NAMES = {"阳泉市社会福利院孤残儿童活动中心消防隐患改造工程": "阳泉市社会福利院孤儿儿童活动中心消防隐患改造工程",
              "困难群众救助补助资金(中央和省)": "困难群众救助补助资金（中央和省）",
              "阳泉市殡仪馆迁建": "阳泉市殡仪馆迁建项目缴纳耕地占用税"}
# Function codes of the project rows, derived from the 项 totals of the expenditure tables.
PROJECT_CODES = {"访贫问寒专项经费": "2080202", "各项工作经费": "2080202", "殡葬惠民补助金": "2081004",
                 "阳泉市殡仪馆迁建项目缴纳耕地占用税": "2081004", "市殡仪馆办公设施购置": "2081004",
                 "殡仪馆缴纳非法占地和林业草原罚款": "2081004", "购买殡葬服务": "2081004",
                 "政府购买居家养老服务专项经费": "2081006", "智慧养老服务平台运营费": "2081006",
                 "购买阳泉市老年颐养中心养老服务": "2081005", "老年颐养中心取暖费": "2081005",
                 "困难群众救助补助资金（中央和省）": "2081001", "困难群众救助补助资金（市级）": "2081001",
                 "省级残疾人事业发展补助资金": "2081104", "中央专项彩票公益金支持残疾人事业发展补助资金": "2296006"}
UNIT_CODES = {"阳泉市社会福利院": "2081005", "阳泉市救助管理站": "2082002",
              "阳泉市城乡居民最低生活保障管理中心": "2080299", "阳泉市民政事务中心": "2080299"}
RUNNING_COST_SPLIT = ("阳泉市民政事务中心", "办案经费清明及十月一超量服务费和弥补基本经费不足", Decimal(5000))
RUNNING = (("阳泉市民政局", Decimal("27.56")), ("阳泉市城乡居民最低生活保障管理中心", Decimal("13.12")))
RUNNING_CATEGORY = ("运行", "运转", "经费", "工资", "生活费", "补助", "补贴", "水电", "取暖", "遗属")


def yuan(v: Decimal) -> Decimal:
    return (v * W).quantize(Decimal("0.01"))


def northwest(*margins: Sequence[tuple[Any, Decimal | int]]) -> list[tuple[tuple[Any, ...], Any]]:
    """Cells that keep every margin (all margins must have the same total)."""
    rest: list[list[list[Any]]] = [[list(x) for x in m] for m in margins]
    idx = [0] * len(margins)
    out = []
    while all(i < len(m) for i, m in zip(idx, rest)):
        take = min(m[i][1] for i, m in zip(idx, rest))
        if take:
            out.append((tuple(m[i][0] for i, m in zip(idx, rest)), take))
        for k, m in enumerate(rest):
            m[idx[k]][1] -= take
            if m[idx[k]][1] == 0:
                idx[k] += 1
    return out


def projects_of(t) -> list[dict]:
    """One project per printed row of the two project tables, in their order (P001 …)."""
    out: list[dict] = []
    for kind, period in ((K.PROJECTS, "本年"), (K.PROJECTS_CARRYOVER, "上年结转")):
        unit = ""
        for r in t[kind].rows:
            if r.role is RowRole.GROUP:
                unit = r.label
            if r.role is RowRole.ITEM:
                category = "其他运转类" if any(w in r.label for w in RUNNING_CATEGORY) else "特定目标类"
                out.append({"项目编号": f"P{len(out) + 1:03d}", "单位": unit, "项目名称": r.label, "项目类别": category,
                            "_row": r, "_period": period})
    return out


def form_amounts(d, projects: list[dict]) -> dict[tuple, Decimal | None]:
    """年度资金 (元) of the forms by (unit, project name as the table prints it); None if unread."""
    out: dict[tuple, Decimal | None] = {}
    for f in d.targets:
        key = (f.implementing_unit, FORM_NAMES.get(f.project_name, f.project_name))
        out.setdefault(key, f.funding_year.total.value if f.funding_year.total else None)
    return out


def fit_amounts(t, projects: list[dict], forms: dict[tuple, Decimal | None]) -> Problem:
    """Leaves (basic by function, basic by economic item, project by source) fitted to the totals."""
    pb = Problem()
    for r in t[K.GENERAL_EXPENDITURE].rows:
        if r.role is RowRole.ITEM and r.number("basic"):
            pb.add("F", r.number("basic"), code=r.code, source="一般公共预算", period="本年")
    cls = ""
    for r in t[K.GENERAL_BASIC_ECONOMIC].rows:
        if r.role is RowRole.GROUP:
            cls = r.label
        elif r.role is RowRole.ITEM:
            nature = "人员经费" if r.number("personnel") else "公用经费"
            pb.add("E", r.number("total"), cls=cls, nature=nature,
                   pair=(DEPT_ECON[r.label], GOV_ECON[r.text("gov_economic_name")]))
    for p in projects:
        r = p["_row"]
        key_ = (p["单位"], p["项目名称"])
        rows = sum(1 for q in projects if (q["单位"], q["项目名称"]) == key_ and q["_period"] == "本年")
        for key, source in (("general_public", "一般公共预算"), ("gov_fund", "政府性基金预算")):
            if r.number(key):
                code = PROJECT_CODES.get(r.label) or ("2296002" if key == "gov_fund" else UNIT_CODES[p["单位"]])
                i = pb.add("P", r.number(key), code=code, source=source, period=p["_period"], unit=p["单位"],
                           pid=p["项目编号"], pinned=key_ in forms and p["_period"] == "本年")
                # a form prints the exact 元 of a one-row project: take it where it rounds to the table
                exact = forms.get(key_)
                if exact is not None and rows == 1 and r.number("total") == r.number(key) and p["_period"] == "本年" \
                        and abs(exact - yuan(r.number(key))) < 50:
                    pb.leaves[i].base = int(exact)
    _printed_totals(pb, t)
    pb.solve(only=lambda lf: lf.kind != "E" and not lf.attrs.get("pinned"))  # function side and projects first
    pb.equal(lambda lf: lf.kind == "E", lambda lf: lf.kind == "F", "基本支出按功能与按经济分类合计相等")
    pb.solve(only=lambda lf: lf.kind == "E")  # then the economic items, to the same basic total
    return pb


def _all(*preds: Pred) -> Pred:
    return lambda lf: all(p(lf) for p in preds)


def _attr(key: str, value: str | None) -> Pred:
    """The leaves whose attribute `key` is `value` (None: every leaf)."""
    return lambda lf: value is None or lf.attrs[key] == value


def _printed_totals(pb: Problem, t) -> None:
    def under(code: str | None) -> Pred:
        return lambda lf: code is None or lf.attrs.get("code", "").startswith(code)

    fp = lambda lf: lf.kind in "FP"  # noqa: E731 - function-coded leaves
    for kind, extra in ((K.EXPENDITURE_SUMMARY, lambda lf: True),
                        (K.GENERAL_EXPENDITURE, lambda lf: lf.attrs["source"] == "一般公共预算" and lf.attrs["period"] == "本年"),
                        (K.FUND_EXPENDITURE, lambda lf: lf.attrs["source"] == "政府性基金预算" and lf.attrs["period"] == "本年")):
        for r in t[kind].rows:
            for col, pick in (("total", fp), ("basic", lambda lf: lf.kind == "F"), ("project", lambda lf: lf.kind == "P")):
                if r.number(col):
                    pb.printed(_all(pick, under(r.code), extra), r.number(col), f"{kind.value} {r.label} {col}")
    for r in t[K.INCOME_SUMMARY].rows:
        for col, pick in (("total", lambda lf: lf.attrs["period"] == "本年"),
                          ("general_public", lambda lf: lf.attrs["period"] == "本年" and lf.attrs["source"] == "一般公共预算"),
                          ("carry_over", lambda lf: lf.attrs["period"] == "上年结转")):
            if r.number(col):
                pb.printed(_all(fp, under(r.code), pick), r.number(col), f"收入总表 {r.label} {col}")
    for r in t[K.GENERAL_BASIC_ECONOMIC].rows:
        if r.role is RowRole.ITEM:
            continue
        for col, nature in (("total", None), ("personnel", "人员经费"), ("operating", "公用经费")):
            if r.number(col):
                group = r.label if r.role is RowRole.GROUP else None
                pb.printed(_all(lambda lf: lf.kind == "E", _attr("cls", group), _attr("nature", nature)),
                           r.number(col), f"经济科目 {r.label} {col}")
    for kind, period in ((K.PROJECTS, "本年"), (K.PROJECTS_CARRYOVER, "上年结转")):
        for r in t[kind].rows:
            if r.role is RowRole.ITEM:
                continue
            for col, source in (("total", None), ("general_public", "一般公共预算"), ("gov_fund", "政府性基金预算")):
                if r.number(col):
                    group = r.label if r.role is RowRole.GROUP else None
                    pb.printed(_all(lambda lf: lf.kind == "P", _attr("period", period), _attr("unit", group),
                                    _attr("source", source)), r.number(col), f"{kind.value} {r.label} {col}")
    # The economic side caps the basic total below 1099.45 万元 + 50 元: 人员 < 938.805, 公用 < 160.645.
    e = t[K.GENERAL_BASIC_ECONOMIC].rows[0]
    cap = int(yuan(e.number("personnel") + e.number("operating"))) + 100
    pb.interval(lambda lf: lf.kind == "F", int(yuan(e.number("total"))) - 50, min(cap, int(yuan(e.number("total"))) + 50),
                "基本支出合计")


def _row(unit, code, nature, dept, gov, source, period, amount, project="") -> dict:
    return {"单位": unit, "功能分类科目编码": code, "支出类型": nature, "部门经济科目编码": dept, "政府经济科目编码": gov,
            "资金来源": source, "年度属性": period, "项目编号": project, "金额（元）": str(Decimal(amount).quantize(Decimal("0.01")))}


def basic_lines(pb: Problem) -> list[dict]:
    """Basic lines by a north-west-corner fill: 公用经费 of the 行政/参公 units first (机关运行经费)."""
    econ = {n: [(lf.attrs["pair"], lf.value) for lf in pb.leaves if lf.kind == "E" and lf.attrs["nature"] == n]
            for n in ("人员经费", "公用经费")}
    func = {lf.attrs["code"]: lf.value for lf in pb.leaves if lf.kind == "F"}
    op_total = sum(a for _, a in econ["公用经费"])
    op_func = {"2080201": func["2080201"], "2080299": op_total - func["2080201"]}
    pers_func = [(c, a - op_func.get(c, 0)) for c, a in func.items() if a - op_func.get(c, 0)]
    running = [(u, int(yuan(v))) for u, v in RUNNING]
    op_units = running + [("阳泉市社会福利院", op_total - sum(a for _, a in running))]
    out = [_row(unit, code, "公用经费", pair[0], pair[1], "一般公共预算", "本年", amount)
           for (pair, code, unit), amount in northwest(econ["公用经费"], list(op_func.items()), op_units)]
    for (pair, code), amount in northwest(econ["人员经费"], pers_func):
        unit = "阳泉市民政局" if pair[1].startswith("501") else "阳泉市社会福利院"
        out.append(_row(unit, code, "人员经费", pair[0], pair[1], "一般公共预算", "本年", amount))
    return out


def project_lines(pb: Problem, projects: list[dict]) -> list[dict]:
    admin = {n for n, k in UNITS if k != "事业"}
    out = []
    for lf in (lf for lf in pb.leaves if lf.kind == "P"):
        a, amount = lf.attrs, lf.value
        gov = "50299" if a["unit"] in admin else "50502"
        name = next(p["项目名称"] for p in projects if p["项目编号"] == a["pid"])
        if (a["unit"], name, a["period"]) == (*RUNNING_COST_SPLIT[:2], "本年") and amount > RUNNING_COST_SPLIT[2]:
            out.append(_row(a["unit"], a["code"], "项目支出", "30231", gov, a["source"], a["period"], RUNNING_COST_SPLIT[2], a["pid"]))
            amount -= int(RUNNING_COST_SPLIT[2])
        out.append(_row(a["unit"], a["code"], "项目支出", "30299", gov, a["source"], a["period"], amount, a["pid"]))
    return out


"""Tiny builders for inline disclosures that read like the domain.

    t = table(INCOME, "total general_public gov_fund", [
        total("合计", "3.00", "2.00", "1.00"),
        item("208", "社会保障和就业支出", "3.00", "2.00", "1.00"),
    ])
    d = disclosure(t)

Cells are printed texts ("4411. 49", "", "-"), parsed as the recogniser would. Each row gets its
own source line (100, 101 …) so tests can assert where a finding points.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from yusuan.model import (
    Column, ColumnKind, ContentsEntry, Disclosure, DocumentMeta, GlossaryEntry, Level, MoneyUnit,
    Organisation, Paragraph, Provenance, Row, RowRole, Section, SourceInfo, Stage, Table, TableKind, Value,
)
from yusuan.recognize.numbers import parse_amount

FILE = "inline.txt"
K = TableKind
LABELS = {
    "total": "合计", "general_public": "一般公共预算", "gov_fund": "政府性基金预算",
    "state_capital": "国有资本经营预算", "special_account": "财政专户管理资金", "unit_funds": "单位资金",
    "carry_over": "上年结转", "basic": "基本支出", "project": "项目支出", "personnel": "人员经费",
    "operating": "公用经费", "current_year": "当年预算安排", "amount": "金额", "gov_economic_name": "政府预算支出经济科目名称",
}
TEXT_KEYS = {"gov_economic_name"}


@dataclass(frozen=True)
class RowSpec:
    role: RowRole
    code: str | None
    label: str
    cells: tuple[str, ...]
    side: str | None = None


def _spec(role: RowRole, code_or_label: str, rest: tuple[str, ...], side: str | None) -> RowSpec:
    if code_or_label.isdigit():  # item("208", "社会保障和就业支出", "1.00", …)
        return RowSpec(role, code_or_label, rest[0], tuple(rest[1:]), side)
    return RowSpec(role, None, code_or_label, tuple(rest), side)


def item(code_or_label: str, *rest: str, side: str | None = None) -> RowSpec:
    return _spec(RowRole.ITEM, code_or_label, rest, side)


def total(label: str, *cells: str, side: str | None = None) -> RowSpec:
    return RowSpec(RowRole.TOTAL, None, label, cells, side)


def subtotal(label: str, *cells: str, side: str | None = None) -> RowSpec:
    return RowSpec(RowRole.SUBTOTAL, None, label, cells, side)


def group(code_or_label: str, *rest: str, side: str | None = None) -> RowSpec:
    """A heading row that sums the rows under it; like `item`, it may start with a code."""
    return _spec(RowRole.GROUP, code_or_label, rest, side)


def section_row(label: str, *cells: str, side: str | None = None) -> RowSpec:
    return RowSpec(RowRole.SECTION, None, label, cells, side)


def columns(spec: str | tuple, side: str | None = None) -> tuple[Column, ...]:
    """"total general_public" or (("total", "2025年合计"), …) to Columns."""
    pairs = [(k, LABELS.get(k, k)) for k in spec.split()] if isinstance(spec, str) else list(spec)
    return tuple(Column(k, lbl, ColumnKind.TEXT if k in TEXT_KEYS else ColumnKind.AMOUNT, side) for k, lbl in pairs)



def _row(index: int, spec: RowSpec, cols: tuple[Column, ...], table_id: str, unit: MoneyUnit, line: int) -> Row:
    prov = Provenance(file=FILE, line=line, table=table_id, row=index)
    values = []
    for col, text in zip(cols, spec.cells):
        if text == "":
            continue
        amount = parse_amount(text, unit) if col.kind is ColumnKind.AMOUNT else None
        values.append(Value(col.key, text, amount, prov.at(column=col.key)))
    return Row(index, spec.role, spec.label, spec.code, tuple(values), prov, spec.side, (line,))


def table(kind: TableKind, cols: str | tuple | tuple[Column, ...], rows: list[RowSpec], *, id: str = "t01",
          title: str | None = None, unit: MoneyUnit = MoneyUnit.WAN_YUAN, notes: tuple[str, ...] = (),
          first_line: int = 100, entity: str | None = "阳泉市民政局") -> Table:
    """A table; for two-sided tables pass Columns built with `columns(…, side=…)`; a row's cells
    then fill the columns of its side in order."""
    cols_t = cols if isinstance(cols, tuple) and cols and isinstance(cols[0], Column) else columns(cols)
    built = []
    for i, spec in enumerate(rows):
        mine = tuple(c for c in cols_t if spec.side is None or c.side in (None, spec.side))
        built.append(_row(i, spec, mine, id, unit, first_line + i))
    prov = Provenance(file=FILE, line=first_line - 2, table=id)
    return Table(id, kind, title or kind.title_zh, unit, cols_t, tuple(built), prov, entity=entity, notes=notes)


def two_sided(kind: TableKind, income: str | tuple, expenditure: str | tuple, income_rows: list[RowSpec],
              expenditure_rows: list[RowSpec], **kw) -> Table:
    """收支总表-like: income rows and expenditure rows, each on its own side."""
    cols = columns(income, "income") + columns(expenditure, "expenditure")
    rows = [replace(r, side="income") for r in income_rows] + [replace(r, side="expenditure") for r in expenditure_rows]
    return table(kind, cols, rows, **kw)


def section(id: str, title: str, *paragraphs: str, level: int = 2, part: str = "第三部分") -> Section:
    prov = Provenance(file=FILE, line=10)
    return Section(id, part, "", level, title, tuple(Paragraph(p, prov) for p in paragraphs), prov)


def contents(*titles: str) -> tuple[ContentsEntry, ...]:
    return tuple(ContentsEntry(t, None, Provenance(file=FILE, line=5 + i)) for i, t in enumerate(titles))


def glossary(*terms: str) -> tuple[GlossaryEntry, ...]:
    return tuple(GlossaryEntry(t, "释义", Provenance(file=FILE, line=900 + i)) for i, t in enumerate(terms))


def disclosure(*tables: Table, template: str = "shanxi-13", level: Level = Level.DEPARTMENT, **fields) -> Disclosure:
    """A disclosure of these tables; table ids renumbered t01… in order when they clash."""
    ids = [t.id for t in tables]
    if len(set(ids)) != len(ids):
        tables = tuple(replace(t, id=f"t{i + 1:02d}") for i, t in enumerate(tables))
    meta = DocumentMeta(title="2025年部门预算公开", organisation="阳泉市民政局", level=level,
                        stage=Stage.BUDGET, year=2025, template=template, region=None)
    source = SourceInfo(file=FILE, format="txt", sha256="0" * 64, size=0)
    return Disclosure(meta=meta, source=source, tables=tuple(tables), **fields)


def organisation(*units: str) -> Organisation:
    from yusuan.model import BudgetUnit

    prov = Provenance(file=FILE, line=70)
    return Organisation("", (), tuple(BudgetUnit(u, prov) for u in units), prov)


# --- A miniature department that passes every table rule: the reference's shape, small figures ---

IN_, EX_ = "income", "expenditure"


def mini_department() -> Disclosure:
    """阳泉市民政局 in miniature: 13 tables whose every identity holds, sections, contents, glossary.

    一般公共预算 30.00 (208: 基本 20.00 + 项目 8.00; 221: 基本 2.00), 政府性基金 10.00 (229, 项目),
    上年结转 5.00 (政府性基金, 项目).
    """
    t = [
        two_sided(K.INCOME_EXPENDITURE_SUMMARY, (("amount", "收入/2025年"),), "total current_year carry_over", [
            item("一、一般公共预算", "30.00"), item("二、政府性基金预算", "10.00"), item("三、国有资本经营预算", ""),
            item("四、财政专户管理资金", ""), item("五、单位资金", ""), subtotal("本年收入合计", "40.00"),
            item("上年结转", "5.00"), total("收入总计", "45.00"),
        ], [
            item("一、一般公共服务支出", "", "", ""), item("八、社会保障和就业支出", "28.00", "28.00", ""),
            item("二十、住房保障支出", "2.00", "2.00", ""), item("二十五、其他支出", "15.00", "10.00", "5.00"),
            subtotal("本年支出合计", "45.00", "40.00", "5.00"), item("年终结转", "", "", ""),
            total("支出总计", "45.00", "40.00", "5.00"),
        ], id="t01", title="2025年预算收支总表", first_line=100),
        table(K.INCOME_SUMMARY, "total general_public gov_fund state_capital special_account unit_funds carry_over", [
            total("合计", "40.00", "30.00", "10.00", "", "", "", "5.00"),
            item("208", "社会保障和就业支出", "28.00", "28.00"), item("20802", "民政管理事务", "28.00", "28.00"),
            item("2080201", "行政运行", "20.00", "20.00"), item("2080202", "一般行政管理事务", "8.00", "8.00"),
            item("221", "住房保障支出", "2.00", "2.00"), item("22102", "住房改革支出", "2.00", "2.00"),
            item("2210201", "住房公积金", "2.00", "2.00"),
            item("229", "其他支出", "10.00", "", "10.00", "", "", "", "5.00"),
            item("22960", "彩票公益金安排的支出", "10.00", "", "10.00", "", "", "", "5.00"),
            item("2296002", "用于社会福利的彩票公益金支出", "10.00", "", "10.00", "", "", "", "5.00"),
        ], id="t02", title="2025年预算收入总表", first_line=200),
        table(K.EXPENDITURE_SUMMARY, "total basic project", [
            total("合计", "45.00", "22.00", "23.00"),
            item("208", "社会保障和就业支出", "28.00", "20.00", "8.00"), item("20802", "民政管理事务", "28.00", "20.00", "8.00"),
            item("2080201", "行政运行", "20.00", "20.00", ""), item("2080202", "一般行政管理事务", "8.00", "", "8.00"),
            item("221", "住房保障支出", "2.00", "2.00", ""), item("22102", "住房改革支出", "2.00", "2.00", ""),
            item("2210201", "住房公积金", "2.00", "2.00", ""),
            item("229", "其他支出", "15.00", "", "15.00"), item("22960", "彩票公益金安排的支出", "15.00", "", "15.00"),
            item("2296002", "用于社会福利的彩票公益金支出", "15.00", "", "15.00"),
        ], id="t03", title="2025年预算支出总表", first_line=300),
        two_sided(K.FISCAL_SUMMARY, (("amount", "收入/金额"),), (
            ("total", "支出/金额/小计"), ("general_public", "支出/金额/一般公共预算"),
            ("gov_fund", "支出/金额/政府性基金预算"), ("state_capital", "支出/金额/国有资本经营预算")), [
            item("一、一般公共预算", "30.00"), item("二、政府性基金预算", "10.00"), item("三、国有资本经营预算", ""),
            subtotal("本年收入合计", "40.00"), group("上年财政拨款结转", "5.00"), item("一、一般公共预算", ""),
            item("二、政府性基金预算", "5.00"), item("三、国有资本经营预算", ""), total("收入总计", "45.00"),
        ], [
            item("一、一般公共服务支出", "", "", "", ""), item("八、社会保障和就业支出", "28.00", "28.00", "", ""),
            item("二十、住房保障支出", "2.00", "2.00", "", ""), item("二十五、其他支出", "15.00", "", "15.00", ""),
            subtotal("本年支出合计", "45.00", "30.00", "15.00", ""), item("年终结转", "", "", "", ""),
            total("支出总计", "45.00", "30.00", "15.00", ""),
        ], id="t04", title="2025年财政拨款收支总表", first_line=400),
        table(K.GENERAL_EXPENDITURE, "total basic project", [
            total("合计", "30.00", "22.00", "8.00"),
            item("208", "社会保障和就业支出", "28.00", "20.00", "8.00"), item("20802", "民政管理事务", "28.00", "20.00", "8.00"),
            item("2080201", "行政运行", "20.00", "20.00", ""), item("2080202", "一般行政管理事务", "8.00", "", "8.00"),
            item("221", "住房保障支出", "2.00", "2.00", ""), item("22102", "住房改革支出", "2.00", "2.00", ""),
            item("2210201", "住房公积金", "2.00", "2.00", ""),
        ], id="t05", title="2025年一般公共预算支出预算表（不含上年结转）", first_line=500),
        table(K.GENERAL_BASIC_ECONOMIC, "gov_economic_name total personnel operating", [
            total("合计", "", "22.00", "18.00", "4.00"),
            group("工资福利支出", "", "18.00", "18.00", ""), item("基本工资", "工资奖金津补贴", "16.00", "16.00", ""),
            item("住房公积金", "住房公积金", "2.00", "2.00", ""),
            group("商品和服务支出", "", "4.00", "", "4.00"), item("办公费", "办公经费", "2.20", "", "2.20"),
            item("公务接待费", "公务接待费", "0.30", "", "0.30"),
            item("公务用车运行维护费", "公务用车运行维护费", "1.50", "", "1.50"),
        ], id="t06", title="2025年一般公共预算安排基本支出分经济科目表（不含上年结转）", first_line=600),
        table(K.FUND_INCOME, "amount", [
            total("合计", "10.00"), item("103", "非税收入", "10.00"), item("10301", "政府性基金收入", "10.00"),
            item("1030155", "彩票公益金收入", "10.00"),
        ], id="t07", title="2025年政府性基金预算收入表（不含上年结转）", first_line=700),
        table(K.FUND_EXPENDITURE, "total basic project", [
            total("合计", "10.00", "", "10.00"), item("229", "其他支出", "10.00", "", "10.00"),
            item("22960", "彩票公益金安排的支出", "10.00", "", "10.00"),
            item("2296002", "用于社会福利的彩票公益金支出", "10.00", "", "10.00"),
        ], id="t08", title="2025年政府性基金预算支出表（不含上年结转）", first_line=800),
        table(K.STATE_CAPITAL, columns((("amount", "国有资本经营收入预算"),), "income")
              + columns("total basic project", "expenditure"), [total("合计", side="income")],
              id="t09", title="2025年国有资本经营预算收支预算表（不含上年结转）", notes=("注：本表无数据",), first_line=900),
        table(K.THREE_PUBLIC, "total general_public gov_fund state_capital", [
            item("因公出国（境）费"), item("公务接待费", "0.30", "0.30"), group("公务用车购置及运行费", "1.50", "1.50"),
            item("①公务用车购置费"), item("②公务用车运行维护费", "1.50", "1.50"), total("合计", "1.80", "1.80"),
        ], id="t10", title="2025年财政拨款安排“三公”经费支出预算表", first_line=1000),
        table(K.AGENCY_RUNNING, "total general_public gov_fund state_capital", [
            total("部门合计", "3.00", "3.00"), item("阳泉市民政局", "3.00", "3.00"),
        ], id="t11", title="2025年财政拨款安排机关运行经费预算表", first_line=1100),
        table(K.PROJECTS, "total general_public gov_fund state_capital special_account unit_funds", [
            total("阳泉市民政局", "18.00", "8.00", "10.00"), group("阳泉市民政局", "18.00", "8.00", "10.00"),
            item("一般行政管理事务经费", "8.00", "8.00", ""), item("福彩公益项目", "10.00", "", "10.00"),
        ], id="t12", title="2025年项目支出预算表（本年预算）", first_line=1200),
        table(K.PROJECTS_CARRYOVER, "total general_public gov_fund state_capital", [
            total("阳泉市民政局", "5.00", "", "5.00"), group("阳泉市社会福利院", "5.00", "", "5.00"),
            item("福彩结转项目", "5.00", "", "5.00"),
        ], id="t13", title="2025年项目支出预算表（上年结转）", first_line=1300),
    ]
    sections = (
        section("s1.1", "本部门职责", "（一）组织实施民政事业的法律、法规和方针、政策。", part="第一部分"),
        section("s1.2", "机构设置情况", "民政局机关设置6个科室。", part="第一部分"),
        section("s3.1", "部门预算收支数据变动情况及原因", "预算收入总计45.00万元。"),
        section("s3.2", "收入预算情况说明", "预算收入45.00万元。"), section("s3.3", "支出预算情况说明", "支出预算45.00万元。"),
        section("s3.4", "财政拨款收支预算总体情况说明", "财政拨款收支总预算45.00万元。"),
        section("s3.5", "一般公共预算支出情况说明", "一般公共预算当年支出30.00万元。"),
        section("s3.6", "一般公共预算基本支出情况说明", "基本支出22.00万元。"),
        section("s3.7", "“三公”经费增减变动原因说明", "“三公”经费预算1.80万元。"),
        section("s3.8", "机关运行经费增减变动原因说明", "机关运行经费3.00万元。"),
        section("s3.9", "政府采购情况", "政府采购预算总额0万元。"), section("s3.10", "绩效管理情况", "编报绩效目标。"),
        section("s3.11", "国有资产占有使用情况", "车辆2辆。"),
    )
    return disclosure(*t, sections=sections, glossary=glossary("基本支出", "项目支出"),
                      contents=contents("一、本部门职责", "表一2025年预算收支总表", "九、政府采购情况"))


def _find_table(d: Disclosure, kind: TableKind) -> Table:
    return next(t for t in d.tables if t.kind is kind)


def row_of(d: Disclosure, kind: TableKind, ref: str, side: str | None = None, nth: int = 0) -> Row:
    """A row by code or printed label (the nth match, on a side)."""
    t = _find_table(d, kind)
    hits = [r for r in t.rows if (r.code == ref or r.label == ref) and (side is None or r.side == side)]
    return hits[nth]


def _replace_table(d: Disclosure, new: Table) -> Disclosure:
    return replace(d, tables=tuple(new if t.id == new.id else t for t in d.tables))


def edit(d: Disclosure, kind: TableKind, ref: str, column: str, text: str, side: str | None = None,
         nth: int = 0) -> Disclosure:
    """The disclosure with one cell reprinted (text "" empties it); `nth` picks among rows printed alike."""
    t = _find_table(d, kind)
    r = row_of(d, kind, ref, side, nth)
    col = t.column(column) if side is None else next(c for c in t.columns if c.key == column and c.side == side)
    old = r.value(column)
    prov = old.provenance if old else r.provenance.at(column=column)
    values = [v for v in r.values if v.column != column]
    if text:
        amount = parse_amount(text, t.unit) if col.kind is ColumnKind.AMOUNT else None
        values.append(Value(column, text, amount, prov))
    new_row = replace(r, values=tuple(values))
    return _replace_table(d, replace(t, rows=tuple(new_row if x is r else x for x in t.rows)))


def relabel(d: Disclosure, kind: TableKind, ref: str, label: str, *, code: str | None = None) -> Disclosure:
    t = _find_table(d, kind)
    r = row_of(d, kind, ref)
    new_row = replace(r, label=label, code=code if code is not None else r.code)
    return _replace_table(d, replace(t, rows=tuple(new_row if x is r else x for x in t.rows)))


def drop_row(d: Disclosure, kind: TableKind, ref: str, side: str | None = None) -> Disclosure:
    t = _find_table(d, kind)
    r = row_of(d, kind, ref, side)
    rows = [x for x in t.rows if x is not r]
    return _replace_table(d, replace(t, rows=tuple(replace(x, index=i) for i, x in enumerate(rows))))


def drop_table(d: Disclosure, kind: TableKind) -> Disclosure:
    return replace(d, tables=tuple(t for t in d.tables if t.kind is not kind))


def with_table(d: Disclosure, kind: TableKind, **changes) -> Disclosure:
    return _replace_table(d, replace(_find_table(d, kind), **changes))

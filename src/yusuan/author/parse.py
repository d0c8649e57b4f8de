"""Records of the sheets → a Book; every unreadable cell becomes a Problem naming its place."""
from __future__ import annotations

from decimal import Decimal

from .book import (
    Book, Department, ExpenditureLine, FundingSplit, IncomeLine, IndicatorLine, Project, TargetForm, Unit, Where,
    template_code,
)
from .cells import BookError, Problem, Record, to_money
from .sheets import CHOICES_OF_DEPARTMENT, KEYS_OF, SHEETS, SHEET
from .template_extras import CODE_COLUMNS, code_of
from .validate import FILLED_SHEETS, empty_sheets

TARGET_TEXTS = ("项目概况", "立项依据", "项目设立必要性", "保证项目实施的制度、措施", "项目实施计划")


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.blank: dict[tuple[str, str], Record] = {}  # (sheet, key) → the row of a key left empty

    def cell(self, rec: Record, column: str) -> str:
        spec = next(c for c in SHEET[rec.sheet].columns if c.header == column)
        text = rec.text(column)
        if column in CODE_COLUMNS:
            text = code_of(text)
        if not text and spec.required:
            self.problems.append(Problem(rec.where(column), "必填项为空"))
        elif text and spec.choices and text not in spec.choices:
            self.problems.append(Problem(rec.where(column), f"“{text}”不是可选值（{'、'.join(spec.choices)}）"))
        return text

    def money(self, rec: Record, column: str, required: bool = True) -> Decimal:
        raw = rec.values.get(column)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.problems.append(Problem(rec.where(column), "金额为空"))
            return Decimal(0)
        try:
            return to_money(raw)
        except ValueError as exc:
            self.problems.append(Problem(rec.where(column), str(exc)))
            return Decimal(0)

    def keyvalues(self, records: list[Record], sheet: str) -> dict[str, tuple[Record, str]]:
        """Key → (record, value column text); a repeated key adds a paragraph (本部门职责). A key whose
        value is left empty (the template lists every key) is not given: the compiler asks for it where
        the publication needs it, and `blank` keeps its row to point at."""
        out: dict[str, tuple[Record, str]] = {}
        known = KEYS_OF.get(sheet, ())
        value_col = SHEET[sheet].columns[1].header
        for rec in records:
            key = rec.text("项目")
            if not key:
                continue
            if key not in known:
                self.problems.append(Problem(rec.where("项目"), f"“{key}”不是本表的栏目（可填：{'、'.join(known)}）"))
                continue
            text = rec.text(value_col)
            if not text:
                self.blank.setdefault((sheet, key), rec)
                continue
            prev = out.get(key)
            out[key] = (rec, f"{prev[1]}\n{text}" if prev else text)
        return out


def parse_records(sheets: dict[str, list[Record]]) -> Book:
    """The book read from its sheets; raises BookError listing every problem found."""
    r = _Reader()
    for spec in SHEETS:
        if spec.required and spec.name not in sheets:
            where = f"工作表/文件“{spec.name}”" + (f"（{spec.file}）" if spec.file else "")
            r.problems.append(Problem(Where(spec.name), f"缺少{where}"))
    if r.problems:
        raise BookError(r.problems)
    dept = _department(r, sheets["部门"])
    units = tuple(Unit(r.cell(x, "单位名称"), r.cell(x, "单位类型"), x.where()) for x in sheets["单位"])
    income = tuple(
        IncomeLine(r.cell(x, "资金来源"), r.cell(x, "年度属性"), r.money(x, "金额（元）"), x.where(),
                   r.cell(x, "收入科目编码"))
        for x in sheets["收入"]
    )
    lines = tuple(_line(r, x) for x in sheets["支出"])
    projects = tuple(
        Project(r.cell(x, "项目编号"), r.cell(x, "单位"), r.cell(x, "项目名称"), r.cell(x, "项目类别"), x.where())
        for x in sheets.get("项目", [])
    )
    indicators = sheets.get("绩效指标", [])
    targets = tuple(_target(r, x, indicators) for x in sheets.get("绩效目标", []))
    for x in indicators:
        r.cell(x, "范围")
    texts = {k: v for k, (_, v) in r.keyvalues(sheets["说明文字"], "说明文字").items()}
    last_year = {k: r.money(x, "金额（元）") for k, (x, _) in r.keyvalues(sheets["上年数"], "上年数").items()}
    procurement = {k: r.money(x, "金额（元）") for k, (x, _) in r.keyvalues(sheets.get("政府采购", []), "政府采购").items()}
    assets = {k: v for k, (_, v) in r.keyvalues(sheets.get("国有资产", []), "国有资产").items()}
    glossary = tuple((r.cell(x, "术语"), r.cell(x, "解释")) for x in sheets.get("名词解释", []))
    items = sheets.get("科目说明", [])
    purposes = {r.cell(x, "功能分类科目编码"): r.cell(x, "主要用途") for x in items}
    executed = {code_of(x.text("功能分类科目编码")): r.money(x, "上年执行数（元）") for x in items
                if x.text("上年执行数（元）")}
    if r.problems:
        raise BookError(r.problems + empty_sheets({name: len(sheets[name]) for name in FILLED_SHEETS}))
    return Book(dept, units, income, lines, projects, targets, texts, last_year, procurement, assets, glossary,
                purposes, executed)


def _department(r: _Reader, records: list[Record]) -> Department:
    kv = r.keyvalues(records, "部门")

    def get(key: str) -> str:
        rec, text = kv.get(key, (None, ""))
        if not text and key not in ("地区", "内设机构", "公开层级"):
            blank = r.blank.get(("部门", key))
            where = blank.where("内容") if blank else Where("部门")
            r.problems.append(Problem(where, f"必填项“{key}”尚未填写" if blank else f"缺少必填项“{key}”（请加一行）"))
        choices = CHOICES_OF_DEPARTMENT.get(key)
        if rec and choices and text not in choices and not (key == "模板" and template_code(text)):
            r.problems.append(Problem(rec.where("内容"), f"“{text}”不是可选值（{'、'.join(choices)}）"))
        return text

    name, code, year_text = get("部门名称"), get("主管部门代码"), get("年度")
    year = int(year_text) if year_text.isdigit() else 0
    if year_text and not year:
        r.problems.append(Problem(kv["年度"][0].where("内容"), f"年度“{year_text}”应为四位数字"))
    offices = tuple(o for o in get("内设机构").replace("，", "、").split("、") if o)
    template = get("模板")
    return Department(name, code, year, template_code(template) or template, get("金额单位"), get("地区"), offices,
                      get("公开层级") or "部门")


def _line(r: _Reader, x: Record) -> ExpenditureLine:
    return ExpenditureLine(
        r.cell(x, "单位"), r.cell(x, "功能分类科目编码"), r.cell(x, "支出类型"), r.cell(x, "部门经济科目编码"),
        r.cell(x, "政府经济科目编码"), r.cell(x, "资金来源"), r.cell(x, "年度属性"), r.money(x, "金额（元）"),
        x.where(), r.cell(x, "项目编号"),
    )


def _split(r: _Reader, x: Record, scope: str) -> FundingSplit:
    return FundingSplit(*(r.money(x, f"{scope}{s}（元）", required=False) for s in ("中央", "省级", "市县", "自筹", "其他")))


def _target(r: _Reader, x: Record, indicators: list[Record]) -> TargetForm:
    unit, name = r.cell(x, "单位"), r.cell(x, "项目名称")
    mine = tuple(
        IndicatorLine(i.text("范围"), i.text("一级指标"), i.text("二级指标"), i.text("三级指标"), i.text("指标值"))
        for i in indicators if i.text("单位") == unit and i.text("项目名称") == name
    )
    return TargetForm(
        unit, name, r.cell(x, "主管部门及代码"), r.cell(x, "项目属性"), r.cell(x, "项目期"),
        _split(r, x, "实施期"), _split(r, x, "年度"),
        tuple((t, x.text(t)) for t in TARGET_TEXTS if x.text(t)),
        r.cell(x, "实施期总体目标"), r.cell(x, "年度总体目标"), mine, x.where(),
    )

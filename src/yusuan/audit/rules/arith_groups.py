"""Grouped tables: each group row = Σ its rows, the total = Σ the groups (economic, project, agency)."""
from __future__ import annotations

from ...model import Disclosure, Row, RowRole, Table
from ..catalog import NotApplicable, rule
from ..findings import Severity
from ..project_units import units
from ..tablekit import ECONOMIC, K, children, members, sum_columns, tables


def _groups(t: Table, by_unit: bool) -> list[tuple[Row, list[Row]]]:
    """Each group row and the rows it sums: a coded group the level just below it (301 = Σ 30101…, not the
    3010201… under 30102); a project table's unit its projects, a project named like a unit among them."""
    if by_unit:
        return [(g, children(t, g)) for g in t.rows_by_role(RowRole.GROUP) if g.code] + units(t)
    return [(g, (children(t, g) if g.code else []) or members(t, g)) for g in t.rows_by_role(RowRole.GROUP)]


def _group_rule(id: str, title: str, kinds: tuple, doc: str, by_unit: bool = False):
    def check(d: Disclosure, ctx):
        seen = False
        for t in tables(d, kinds):
            for g, parts in _groups(t, by_unit):
                if not parts:
                    continue
                seen = True
                yield from sum_columns(id, t, g, parts, f"其下各行（{len(parts)}行）之和")
        if not seen:
            raise NotApplicable("没有带分组行的表格")

    check.__doc__, check.__name__ = doc, id.split(".")[1]
    return rule(id, family="arith", title=title, severity=Severity.ERROR)(check)


def _top_groups(groups: list) -> list:
    """The outermost groups: coded groups at their shortest code (301, 302 …, not 30102 above 3010201)."""
    coded = [len(g.code) for g in groups if g.code]
    top = min(coded, default=0)
    return [g for g in groups if not g.code or len(g.code) == top]


def _outermost(pairs: list[tuple[Row, list[Row]]]) -> list[Row]:
    """The groups no other group sums (a department over its units: the department)."""
    inner = {r.index for _, parts in pairs for r in parts}
    return [g for g, _ in pairs if g.index not in inner]


def _total_rule(id: str, title: str, kinds: tuple, doc: str, by_unit: bool = False):
    def check(d: Disclosure, ctx):
        seen = False
        for t in tables(d, kinds):
            total = t.total_row()
            groups = _top_groups(_outermost(_groups(t, by_unit)) if by_unit else list(t.rows_by_role(RowRole.GROUP)))
            parts = groups or list(t.rows_by_role(RowRole.ITEM))
            if total is None or not parts:
                continue  # a table without its total row: not applicable for that table only
            seen = True
            what = "各分组" if groups else "各行"
            yield from sum_columns(id, t, total, parts, f"{what}（{len(parts)}行）之和")
        if not seen:
            raise NotApplicable("没有带合计行的表格")

    check.__doc__, check.__name__ = doc, id.split(".")[1]
    return rule(id, family="arith", title=title, severity=Severity.ERROR)(check)


_group_rule("arith.economic_group_sum", "经济科目表：类的金额不等于其下各款之和", ECONOMIC,
            """一般公共预算基本支出分经济科目表中，每个经济分类“类”级行（工资福利支出、商品和服务支出、
            对个人和家庭的补助 …）的每一金额列，应等于其下各“款”级行之和。容差：印刷数四舍五入误差之和，
            以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：“商品和服务支出”160.64 应等于办公费、印刷费 … 其他商品和服务支出各行之和。
            地区增设的七位子目未印其所属的款时（西安：301下直接印3010201津贴补贴、3010202改革性补贴），计入类。""")
_total_rule("arith.economic_total", "经济科目表：合计不等于各类之和", ECONOMIC,
            """一般公共预算基本支出分经济科目表“合计”行每一金额列，应等于各经济分类“类”级行之和。
            容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：合计1099.45 = 工资福利支出823.79 + 商品和服务支出160.64 + 对个人和家庭的补助115.01 = 1099.44，
            相差0.01万元，属尾差，记为提示。""")
_group_rule("arith.project_unit_sum", "项目支出表：单位小计不等于其项目之和", (K.PROJECTS, K.PROJECTS_CARRYOVER),
            """项目支出表（本年、上年结转）中每个预算单位的小计行，每一金额列应等于其下各项目之和。
            容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：“阳泉市救助管理站”283.70 = 20.00 + 177.00 + 23.00 + 1.50 + 8.90 + 5.00 + 7.00 + 1.92 + 16.38 + 23.00。
            以单位命名的项目（广州：“广州市规划和自然资源局”下的项目“广州市城市规划展览中心”1,250.00）读作单位时，
            若上一单位恰好等于连同它及其后各行之和，按原文把它算作该单位的项目。单位下的项目分类行与项目同样印出时
            （西安：通用项目 → 专项购置 → 项目），每个分类行恰好等于其下各行、单位恰好等于最上层各行的，按这一层次核对。""", by_unit=True)
_total_rule("arith.project_total", "项目支出表：合计不等于各单位之和", (K.PROJECTS, K.PROJECTS_CARRYOVER),
            """项目支出表（本年、上年结转）的合计行（常以部门名称为行名），每一金额列应等于各预算单位小计之和；
            表中没有单位分组时应等于各项目之和。合计行缺失时该表不适用。容差：印刷数四舍五入误差之和，
            以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：（上年结转）合计489.07 = 阳泉市民政局84.21 + 阳泉市社会福利院376.81 + 阳泉市救助管理站28.05。
            以单位命名的项目不算作单位（见“项目支出表：单位小计不等于其项目之和”）。""", by_unit=True)
_total_rule("arith.agency_running_total", "机关运行经费表：部门合计不等于各单位之和", (K.AGENCY_RUNNING,),
            """机关运行经费表“部门合计”行每一金额列应等于各单位行之和。容差：印刷数四舍五入误差之和，
            以内为尾差提示，超出上限为错误（见文首“容差”）。
            例：部门合计40.68 = 阳泉市民政局27.56 + 阳泉市城乡居民最低生活保障管理中心13.12。""")

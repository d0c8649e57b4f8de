"""绩效目标表 the sample book adds: the publication prints none for seven of its current-year projects
(the audit warns of each, target.project_without_form), so a sample built from it would teach a
finance officer to leave them out. These forms are written for the sample; their figures are the
projects' own amounts, their texts and indicators ordinary ones for such projects, not the bureau's.
"""
from __future__ import annotations

from decimal import Decimal

_SATISFIED = ("满意度指标", "服务对象满意度")
# (unit, project name, 项目概况, 年度总体目标, indicators (一级, 二级, 三级, 指标值))
ADDED_FORMS = (
    ("阳泉市社会福利院", "遗属补贴", "按规定向已故职工遗属按月发放生活困难补助。", "按时足额发放遗属生活困难补助，保障遗属基本生活。",
     (("产出指标", "数量指标", "补助人数", "1人"), ("产出指标", "时效指标", "发放时间", "按月发放"),
      ("效益指标", "社会效益", "遗属基本生活", "得到保障"), (*_SATISFIED, "遗属满意度", "≥95%"))),
    ("阳泉市社会福利院", "聘用人员工资及社保缴费", "支付院内聘用护理、后勤人员的工资并缴纳社会保险费。",
     "按时足额发放聘用人员工资、缴纳社会保险费，保障院内护理和后勤服务正常开展。",
     (("产出指标", "数量指标", "聘用人员人数", "≥40人"), ("产出指标", "时效指标", "工资发放时间", "按月发放"),
      ("效益指标", "社会效益", "院内服务正常运转", "得到保障"), (*_SATISFIED, "院民满意度", "≥95%"))),
    ("阳泉市社会福利院", "幸福家庭聘用家庭提标经费", "提高幸福家庭聘用家庭的补助标准。", "按新标准按月发放聘用家庭补助，稳定家庭养育队伍。",
     (("产出指标", "数量指标", "聘用家庭户数", "≥2户"), ("产出指标", "时效指标", "发放时间", "按月发放"),
      ("效益指标", "社会效益", "家庭养育队伍", "保持稳定"), (*_SATISFIED, "聘用家庭满意度", "≥95%"))),
    ("阳泉市社会福利院", "幸福家园聘用家庭工资提标经费", "提高幸福家园聘用家庭的工资标准。", "按新标准按月发放聘用家庭工资，稳定家庭养育队伍。",
     (("产出指标", "数量指标", "聘用家庭户数", "≥8户"), ("产出指标", "时效指标", "发放时间", "按月发放"),
      ("效益指标", "社会效益", "家庭养育队伍", "保持稳定"), (*_SATISFIED, "聘用家庭满意度", "≥95%"))),
    ("阳泉市民政事务中心", "办案经费清明及十月一超量服务费和弥补基本经费不足",
     "保障清明节、寒衣节祭扫高峰期的超量服务和中心日常运转。", "保障祭扫高峰期服务安全有序，中心日常工作正常运转。",
     (("产出指标", "数量指标", "祭扫高峰服务天数", "≥10天"), ("产出指标", "时效指标", "完成时间", "2025年12月前"),
      ("效益指标", "社会效益", "祭扫秩序", "安全有序"), (*_SATISFIED, "祭扫群众满意度", "≥90%"))),
    ("阳泉市民政事务中心", "办案经费、清明及十月一超量服务费和弥补基本经费不足",
     "补足祭扫高峰期超量服务的经费。", "保障祭扫高峰期超量服务的支出。",
     (("产出指标", "数量指标", "超量服务次数", "≥2次"), ("产出指标", "时效指标", "完成时间", "2025年12月前"),
      ("效益指标", "社会效益", "祭扫秩序", "安全有序"), (*_SATISFIED, "祭扫群众满意度", "≥90%"))),
    ("阳泉市民政事务中心", "地名标志牌管理工作经费", "维护、更换市区地名标志牌。", "完成市区地名标志牌的巡查、维护和更换，方便群众出行。",
     (("产出指标", "数量指标", "维护更换标志牌", "≥100块"), ("产出指标", "质量指标", "标志牌设置规范率", "100%"),
      ("效益指标", "社会效益", "群众出行", "更加便利"), (*_SATISFIED, "群众满意度", "≥90%"))),
    ("阳泉市民政事务中心", "社会组织管理培训工作会议费", "举办社会组织负责人和财务人员培训。", "提高社会组织规范化管理水平。",
     (("产出指标", "数量指标", "培训人次", "≥200人次"), ("产出指标", "时效指标", "完成时间", "2025年12月前"),
      ("效益指标", "社会效益", "社会组织规范化水平", "有所提高"), (*_SATISFIED, "参训人员满意度", "≥90%"))),
)


def added_forms(current: dict[str, Decimal], projects: list[dict]) -> tuple[list[dict], list[dict]]:
    """The forms and indicator rows, 年度 and 实施期 funding from the projects' own lines (市县)."""
    forms, indicators = [], []
    for unit, name, overview, goal, lines in ADDED_FORMS:
        ids = [p["项目编号"] for p in projects if (p["单位"], p["项目名称"]) == (unit, name)]
        amount = sum((current[i] for i in ids if i in current), Decimal(0))
        money = {f"{scope}{s}（元）": (str(amount) if s == "市县" else "0")
                 for scope in ("实施期", "年度") for s in ("中央", "省级", "市县", "自筹", "其他")}
        forms.append({"单位": unit, "项目名称": name, "主管部门及代码": "064-阳泉市民政局", "项目属性": "经常性项目",
                      "项目期": "1年", **money, "项目概况": overview, "实施期总体目标": goal, "年度总体目标": goal})
        indicators += [{"单位": unit, "项目名称": name, "范围": scope, "一级指标": a, "二级指标": b, "三级指标": c, "指标值": v}
                       for scope in ("实施期", "年度") for a, b, c, v in lines]
    return forms, indicators

"""docs/rules.md, generated from the catalog: `python -m yusuan.audit.docs > docs/rules.md`."""
from __future__ import annotations

import sys

from .catalog import Catalog, default_catalog
from .runner import CRASH_RULE, INGEST_RULE, MISDECLARED_RULE

FAMILY_ZH = {
    "arith": "表内勾稽（合计与分项）", "cross": "表间勾稽", "narrative": "情况说明与报表一致",
    "target": "绩效目标表", "complete": "完整性", "wording": "文字与格式", "code": "科目编码",
    "org": "机构与单位", "final": "决算", "review": "审核人员关注的文字问题",
    "across": "跨文件核对（部门与单位、本年与上年、决算与预算）",
}

BUILT_IN = (
    (INGEST_RULE, "识别时未能归位的内容", "warning",
     "读取与识别时未能放入任何表格或章节的行、或放入时存疑的内容，逐条作为“读取提示”单独列出"
     "（本工具未能完全读懂之处，不是文件的错误，请对照原文核对），保证没有内容被悄悄丢弃；"
     "只有印出的页面本身可见的问题（空白页、文字超出页面或被裁剪遮住）作为警告。"),
    (CRASH_RULE, "审核规则运行出错", "warning",
     "某条审核规则运行时出错：该规则的检查未完成，其余规则照常运行。"),
    (MISDECLARED_RULE, "审核规则的发现与目录登记不符", "warning",
     "某条审核规则报告的发现用了别的规则编号，或比目录登记的最高严重程度更严重：发现照常列出，"
     "并以此条提醒开发人员核对（测试中直接失败）。"),
)


def render(catalog: Catalog | None = None) -> str:
    catalog = catalog if catalog is not None else default_catalog()
    out = ["# 审核规则目录", "",
           "本文件由 `python -m yusuan.audit.docs > docs/rules.md` 从规则目录生成，请勿手工修改。", "",
           f"共 {len(catalog)} 条规则。", "",
           "## 容差", "",
           "印刷的金额只精确到最后一位的一半（两位小数的万元数为±0.005）。合计与分项之和的差额：",
           "不超过通常的尾差范围（各印刷数舍入误差的三倍标准差，h·√(3m)）记为提示（尾差）；",
           "超出通常范围但未超出理论上限（各印刷数舍入误差之和）记为警告，请人工核对；",
           "超出理论上限记为错误。同一数额在两处以相同格式印刷时不允许差异；两张表以不同加总方式得到的合计，",
           "还计入其背后各明细数的舍入误差。", ""]
    for family, rules in catalog.families().items():
        out += [f"## {family} — {FAMILY_ZH.get(family, family)}", ""]
        for r in rules:
            out += [f"### `{r.id}` {r.title}", "", f"最高严重程度：{r.severity.value}", "", r.doc.strip(), ""]
    out += ["## 内置", ""]
    for id_, title, sev, doc in BUILT_IN:
        out += [f"### `{id_}` {title}", "", f"最高严重程度：{sev}", "", doc, ""]
    return "\n".join(out)


def main() -> None:
    sys.stdout.write(render())


if __name__ == "__main__":
    main()

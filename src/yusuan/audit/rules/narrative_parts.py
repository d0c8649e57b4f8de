"""A stated total against the stated parts it is made of (本年收入 + 上年结转 = 收入总计 …)."""
from __future__ import annotations

from ..catalog import rule
from ..claims import narrative
from ..claims.checks import parts_sum
from ..findings import Severity

# head -> its parts, all stated in the same section; each identity is a definition of the budget
IDENTITIES = (
    ("收入总计", ("本年收入", "上年结转"), "收入总计=本年收入+上年结转"),
    ("支出总计", ("本年支出", "上年结转"), "支出总计=本年预算安排+上年结转"),
    ("支出预算", ("基本支出", "项目支出"), "支出=基本支出+项目支出"),
    ("部门预算资金", ("基本支出", "项目支出"), "部门预算资金=基本支出+项目支出"),
    ("基本支出", ("人员经费", "公用经费"), "基本支出=人员经费+公用经费"),
    ("财政拨款收支总预算", ("一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"),
     "财政拨款=一般公共预算+政府性基金预算+国有资本经营预算"),
    ("财政拨款收支总预算", ("当年拨款收入", "上年结转"), "财政拨款=当年拨款+上年结转"),
    ("三公经费", ("因公出国（境）费", "公务接待费", "公务用车购置及运行费"), "“三公”经费=因公出国（境）费+公务接待费+公务用车购置及运行费"),
    ("公务用车购置及运行费", ("公务用车购置费", "公务用车运行维护费"), "公务用车购置及运行费=购置费+运行维护费"),
    ("政府采购", ("政府采购货物", "政府采购工程", "政府采购服务"), "政府采购=货物+工程+服务"),
)


# Parts some provinces add to an identity, counted when the section states them right after the
# head: Jiangsu's 支出 = 基本支出 + 项目支出 + 单位预留机动经费 (+ 结转下年资金).
OPTIONAL_PARTS = {"支出=基本支出+项目支出": ("单位预留机动经费", "结转下年")}


def find_identities(sf):
    """(head, parts, name) for every identity whose head and parts the section states: each part
    is the first one stated after the head (an optional part only before the next head)."""
    stated = list(sf.amounts())
    for head_key, keys, name in IDENTITIES:
        for i, head in enumerate(stated):
            if head.key != head_key:
                continue
            after = stated[i + 1:]
            parts = [next((a for a in after if a.key == k), None) for k in keys]
            if all(parts):
                yield head, [*parts, *_optional(name, after)], _named(name, after)
            break


def _optional(name: str, after) -> list:
    until = next((n for n, a in enumerate(after) if a.key in ("支出预算", "收入总计", "支出总计")), len(after))
    return [a for k in OPTIONAL_PARTS.get(name, ()) if (a := next((x for x in after[:until] if x.key == k), None))]


def _named(name: str, after) -> str:
    extra = [a.label for a in _optional(name, after)]
    return name + "".join(f"+{e}" for e in extra)


@rule("narrative.parts_sum", family="narrative", title="说明中的总额不等于所列分项之和", severity=Severity.ERROR)
def check(d, ctx):
    """说明同一节中既说了总额又说了全部分项时，分项之和应等于总额：收入总计=本年收入+上年结转；
    支出=基本支出+项目支出；基本支出=人员经费+公用经费；财政拨款=一般公共预算+政府性基金+国有资本经营预算；
    “三公”经费=因公出国（境）费+公务接待费+公务用车购置及运行费；政府采购=货物+工程+服务；等等。

    为什么：这些是预算的定义式，说明自身前后矛盾时无须查表即可发现。
    容差：n个分项各有末位半个单位的舍入，合计容差为各项容差之和；以内为尾差（提示），超出为错误。
    例：“基本支出1,099.45万元，其中：人员经费938.80万元……公用经费160.64万元”：938.80+160.64=1099.44，
    相差0.01万元，在容差以内，属尾差。
    """
    for sf in narrative(d):
        for head, parts, name in find_identities(sf):
            yield parts_sum("narrative.parts_sum", head, parts, name)

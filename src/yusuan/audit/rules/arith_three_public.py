"""“三公”经费表: 合计 = 因公出国(境) + 公务接待 + 公务用车购置及运行; 车 = ①购置 + ②运行维护."""
from __future__ import annotations

from ...model import Disclosure, Row, Table
from ..catalog import NotApplicable, rule
from ..findings import Severity
from ..tablekit import K, key, sum_columns

KINDS = (K.THREE_PUBLIC, K.THREE_PUBLIC_AND_RUNNING)


def three_public_rows(t: Table) -> dict[str, Row]:
    """The 三公 rows by item: abroad, reception, vehicles, purchase, running, total."""
    out: dict[str, Row] = {}
    for r in t.rows:
        k = key(r.label)
        name = None
        if "出国" in k:
            name = "abroad"
        elif "接待" in k:
            name = "reception"
        elif "购置及运行" in k or "购置和运行" in k:
            name = "vehicles"
        elif "公务用车" in k and "购置" in k:
            name = "purchase"
        elif "公务用车" in k and "运行" in k:
            name = "running"
        elif "三公" in k or k in ("合计", "总计"):
            name = "total"
        if name and name not in out:
            out[name] = r
    return out


def _sum_rule(id: str, title: str, whole: str, parts: tuple[str, ...], doc: str):
    def check(d: Disclosure, ctx):
        seen = False
        for t in (t for t in d.tables if t.kind in KINDS):
            rows = three_public_rows(t)
            if whole not in rows or not any(p in rows for p in parts):
                continue
            seen = True
            head, present = rows[whole], [rows[p] for p in parts if p in rows]
            yield from sum_columns(id, t, head, present, " + ".join(r.label for r in present))
        if not seen:
            raise NotApplicable("没有“三公”经费表或其合计行")

    check.__doc__, check.__name__ = doc, id.split(".")[1]
    return rule(id, family="arith", title=title, severity=Severity.ERROR)(check)


_sum_rule("arith.three_public_total", "“三公”经费：合计 = 出国 + 接待 + 公务用车", "total",
          ("abroad", "reception", "vehicles"),
          """“三公”经费表“合计”每一金额列应等于因公出国（境）费、公务接待费、公务用车购置及运行费之和
          （①②是公务用车的分项，不重复计入）。容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：合计19.30 = 因公出国（境）费0 + 公务接待费0.80 + 公务用车购置及运行费18.50。""")
_sum_rule("arith.three_public_vehicles", "“三公”经费：公务用车 = ①购置 + ②运行维护", "vehicles",
          ("purchase", "running"),
          """“三公”经费表“公务用车购置及运行费”每一金额列应等于“①公务用车购置费”与“②公务用车运行维护费”之和。
          容差：印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误（见文首“容差”）。
          例：公务用车购置及运行费18.50 = ①公务用车购置费0 + ②公务用车运行维护费18.50。""")

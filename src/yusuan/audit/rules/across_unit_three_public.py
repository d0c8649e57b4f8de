"""部门 = Σ 单位 for the 三公 items and the 机关运行经费."""
from __future__ import annotations

from ..across_kit import THREE_PUBLIC_NAMES, agency_running_cell, require_all_units, three_public_cells, which
from ..catalog import NotApplicable, rule
from ..compare import check_sum, money
from ..findings import Severity
from ..tablekit import cell, where


def _cells(d):
    out = dict(three_public_cells(d))
    if (c := agency_running_cell(d)) is not None:
        out["agency_running"] = c
    return out


@rule("across.unit_three_public", family="across", title="部门“三公”经费和机关运行经费等于所属单位之和", severity=Severity.ERROR)
def check(d, ctx):
    """所属预算单位（含本部/本级）全部公开时，部门的“三公”经费合计、因公出国（境）费、公务用车购置及运行费
    （购置费、运行费）、公务接待费和机关运行经费，应分别等于各单位公开的同一数之和。

    为什么：“三公”经费和机关运行经费是单独公开的控制数，部门数是各单位数的汇总。
    容差：各印刷数四舍五入误差之和，以内为尾差提示，超出上限为错误。
    例：普陀区人民政府办公室2025年部门“三公”经费合计867.50万元，唯一单列预算的本部867.50万元，一致；
    机关运行经费213.28万元 = 本部213.28万元。
    """
    units = require_all_units(ctx)
    mine = _cells(d)
    theirs = [(u, _cells(u)) for u in units]
    names = [n for n in mine if all(n in c for _, c in theirs)]
    if not names:
        raise NotApplicable("部门与所属单位没有共同的“三公”经费或机关运行经费数")
    for name in names:
        t, r, col = mine[name]
        parts = [c[name] for _, c in theirs]
        amounts = [pr.amount(pc) for _, pr, pc in parts]
        what = THREE_PUBLIC_NAMES.get(name, "机关运行经费")
        shown = " + ".join(f"{which(u)}{money(a.value) if a else '0'}" for (u, _), a in zip(theirs, amounts))
        f = check_sum("across.unit_three_public", total=r.amount(col), parts=amounts, unit=t.unit,
                      subject=f"{which(d)}的{what}（{where(t, r, col)}）应等于所属单位之和（{shown}）",
                      locations=[cell(t, r, col), *(cell(pt, pr, pc) for pt, pr, pc in parts)])
        if f:
            yield f

"""Rebuild the 上海市普陀区人民政府办公室 2025 book from its publication (run once by a developer from the
repository root; the output, putuo-govoffice-2025/ and putuo-govoffice-2025.xlsx, is committed data):

    python -m yusuan.author.samples.make_putuo

The publication (samples/pdf/putuo-govoffice-2025-dept-budget.pdf) prints every 项 by 基本/项目 and
every 部门预算经济分类 款 by 人员/公用, but not which 款 each 项 spends: the basic lines are placed by a
north-west-corner fill (in the order below, so the 款 that obviously belong to a 项 — 养老保险缴费,
职业年金, 医疗, 公积金 — fall on it) that keeps every printed total. It names no projects but one (区政府
督查及建议提案工作业务经费), nor their 经济科目: the projects below, their amounts within each 项 and
their 款 (因公出国 and 公务接待 from the 三公 table) are written for the sample. The 政府预算经济分类
of each line (never printed in Shanghai's tables) is the usual counterpart in the bundled catalogue.
Last year's 机关运行经费 is not printed either; the book takes this year's (the text then says 持平), and the
主管部门代码 (101) is a placeholder.
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from yusuan.ingest import read_disclosure
from yusuan.model import TableKind as K

HERE = Path(__file__).resolve().parent
PUBLICATION = HERE.parents[3] / "samples" / "pdf" / "putuo-govoffice-2025-dept-budget.pdf"
UNIT = "上海市普陀区人民政府办公室"
# Function 项 and 部门经济 款 in the order the fill pairs them.
FUNCTION_ORDER = ("2080505", "2080506", "2101101", "2101102", "2210201", "2080501", "2080599", "2210203", "2010350",
                  "2010301")  # 行政运行 last: the 机关's 公用经费
ECONOMIC_ORDER = ("30108", "30109", "30110", "30113", "30301", "30302", "30112", "30199", "30101", "30102", "30107")
GOV = {"301": "50101", "30108": "50102", "30109": "50102", "30110": "50102", "30112": "50102", "30113": "50103",
       "30199": "50199", "302": "50201", "30215": "50202", "30216": "50203", "30217": "50206", "30226": "50299",
       "30228": "50299", "30229": "50299", "30239": "50299", "30299": "50299", "303": "50905", "310": "50299",
       "30212": "50299"}
# (id, function 项, 部门经济 款, name, category, 元) — written for the sample; the 项 totals are printed.
PROJECTS = (
    ("P001", "2010301", "30299", "机关办公设备运维经费", "其他运转类", "110000.00"),
    ("P002", "2010302", "30299", "区政府督查及建议提案工作业务经费", "特定目标类", "340000.00"),
    ("P003", "2010302", "30299", "区政府重点工作综合保障经费", "特定目标类", "45800000.00"),
    ("P004", "2010350", "30299", "交流服务中心业务经费", "其他运转类", "40000.00"),
    ("P005", "2010399", "30212", "因公出国（境）团组经费", "特定目标类", "8390000.00"),
    ("P006", "2010399", "30217", "外事接待经费", "特定目标类", "100000.00"),
    ("P007", "2010399", "30299", "合作交流工作经费", "特定目标类", "11630000.00"),
)


def main() -> None:
    from yusuan.author.folder_book import write_folder
    from yusuan.author.xlsx_book import write_workbook

    d = read_disclosure(PUBLICATION)
    duties = d.section("s1")
    assert duties is not None, "the publication's 主要职能 was not read"
    lines = _basic_lines(d) + [_line(f, e, "项目支出", Decimal(a), pid) for pid, f, e, _, _, a in PROJECTS]
    total = sum((Decimal(ln["金额（元）"]) for ln in lines), Decimal(0))
    sheets = {
        "部门": _kv({"部门名称": UNIT, "主管部门代码": "101", "年度": "2025", "模板": "上海9表", "金额单位": "元",
                    "地区": "上海", "公开层级": "部门"}),
        "单位": [{"单位名称": UNIT, "单位类型": "行政"}],
        "收入": [{"资金来源": "一般公共预算", "年度属性": "本年", "金额（元）": str(total)}],
        "支出": lines,
        "项目": [{"项目编号": pid, "单位": UNIT, "项目名称": n, "项目类别": c} for pid, _, _, n, c, _ in PROJECTS],
        "说明文字": [{"项目": "本部门职责", "内容": p.text} for p in duties.paragraphs]
        + _kv({"收支变动原因": "项目调整"}),
        "上年数": _kv({"收支总计": "114912000.00", "财政拨款收入": "114912000.00", "一般公共预算当年支出": "114912000.00",
                       "政府性基金预算支出": "0", "国有资本经营预算支出": "0", "三公经费": "8675000.00",
                       "因公出国（境）费": "8390000.00", "公务接待费": "285000.00", "公务用车购置及运行费": "0",
                       "公务用车购置费": "0", "公务用车运行维护费": "0", "机关运行经费": "2132777.54"}, "金额（元）"),
        "政府采购": _kv({"货物": "0", "工程": "0", "服务": "340000"}, "金额（元）"),
        "国有资产": _kv({"截至日期": "2024年8月31日", "公务用车编制": "0", "公务用车实有": "0",
                        **{k: "0" for k in ("领导用车", "机要通信用车", "应急保障用车", "执法执勤用车", "特种专业技术用车",
                                            "事业单位业务用车", "其他公务用车")},
                        "50万元以上通用设备（台套）": "0", "100万元以上通用设备（台套）": "0"}),
        "科目说明": _items(d),
        "名词解释": _glossary(d),
    }
    write_folder(sheets, HERE / "putuo-govoffice-2025")
    write_workbook(sheets, HERE / "putuo-govoffice-2025.xlsx")


def _kv(mapping: dict, value_col: str = "内容") -> list[dict]:
    return [{"项目": k, value_col: v} for k, v in mapping.items()]


def _line(function: str, economic: str, nature: str, amount: Decimal, project: str = "") -> dict:
    gov = GOV.get(economic) or GOV[economic[:3]]
    return {"单位": UNIT, "功能分类科目编码": function, "支出类型": nature, "部门经济科目编码": economic,
            "政府经济科目编码": gov, "资金来源": "一般公共预算", "年度属性": "本年", "项目编号": project,
            "金额（元）": f"{amount:.2f}"}


def _basic_lines(d) -> list[dict]:
    functions = {r.code: r.number("basic") for r in d.table(K.GENERAL_EXPENDITURE).rows
                 if r.code and len(r.code) == 7 and r.number("basic")}
    economic = {r.code: (r.number("personnel") or Decimal(0), r.number("operating") or Decimal(0))
                for r in d.table(K.GENERAL_BASIC_ECONOMIC).rows if r.code and len(r.code) == 5}
    rows = [*FUNCTION_ORDER, *(c for c in functions if c not in FUNCTION_ORDER)]
    cols = [*ECONOMIC_ORDER, *(c for c in economic if c not in ECONOMIC_ORDER)]
    need = [functions[c] for c in rows]
    have = [sum(economic[c], Decimal(0)) for c in cols]
    lines = []
    for (i, j), amount in north_west(need, have):
        personnel, _ = economic[cols[j]]
        lines.append(_line(rows[i], cols[j], "人员经费" if personnel else "公用经费", amount))
    return lines


def north_west(need: list[Decimal], have: list[Decimal]) -> list[tuple[tuple[int, int], Decimal]]:
    """The north-west-corner fill of a transport table: row i takes need[i], column j gives have[j]."""
    need, have, out, i, j = list(need), list(have), [], 0, 0
    while i < len(need) and j < len(have):
        amount = min(need[i], have[j])
        if amount:
            out.append(((i, j), amount))
        need[i] -= amount
        have[j] -= amount
        if not need[i]:
            i += 1
        if j < len(have) and not have[j]:
            j += 1
    assert not any(need) and not any(have), "the printed totals do not agree"
    return out


_ITEM = re.compile(r"“[^”]*-([^”-]+)”科目[\d,.]+万元，主要用于(.+?)。")


def _items(d) -> list[dict]:
    """科目说明: each 项 of the 编制说明 with its use, in the order printed (the codes by name)."""
    codes = {r.label: r.code for r in d.table(K.GENERAL_EXPENDITURE).rows if r.code and len(r.code) == 7}
    out = []
    for p in d.section("s4").paragraphs:
        m = _ITEM.search(p.text)
        if m and m.group(1) in codes:
            out.append({"功能分类科目编码": codes[m.group(1)], "主要用途": m.group(2)})
    return out


def _glossary(d) -> list[dict]:
    out = []
    for p in d.section("s3").paragraphs:
        m = re.match(r"（[一二三四五六七八九十]+）(.+?)：(.+)", p.text)
        if m:
            out.append({"术语": m.group(1), "解释": m.group(2)})
    return out


if __name__ == "__main__":
    main()

"""What the blank workbook adds for a newcomer: a 填写示例 sheet and drop-downs of classification codes.

The examples are rows of the bundled 阳泉市民政局 book, on a sheet of their own that the loader never
reads (so nothing needs deleting before use). The code lists come from the classification catalogue
(`yusuan.reference`), one column per code system on a hidden sheet, offered as “2080201 行政运行”;
a cell may also hold the code alone, and the loader keeps only the digits in front (`code_of`).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..reference import CodeLevel, CodeSystem, bundled_catalogue, level_of, system_of

EXAMPLES = "填写示例"
CODES = "科目代码"
SAMPLE_BOOK = Path(__file__).resolve().parent / "samples" / "yangquan-2025"
# Column header → (code system, level) of the codes it takes.
CODE_COLUMNS = {
    "功能分类科目编码": (CodeSystem.FUNCTION, CodeLevel.ITEM),
    "部门经济科目编码": (CodeSystem.DEPT_ECONOMIC, CodeLevel.SECTION),
    "政府经济科目编码": (CodeSystem.GOV_ECONOMIC, CodeLevel.SECTION),
    "收入科目编码": (CodeSystem.REVENUE, CodeLevel.ITEM),
}
_CODE_WITH_NAME = re.compile(r"(\d{3,9})(?:[\s\u3000]+\S.*)?")
_EXAMPLE_ROWS = 3


def code_of(text: str) -> str:
    """The code of a code cell: “2080201 行政运行” (as the drop-down offers it) → 2080201."""
    m = _CODE_WITH_NAME.fullmatch(text.strip())
    return m.group(1) if m else text


def code_choices(system: CodeSystem, level: CodeLevel) -> list[str]:
    """“code name” for every code of the system at the level, in code order."""
    cat = bundled_catalogue()
    return [f"{c} {cat.name(c) or ''}".strip() for c in sorted(cat.codes())
            if system_of(c) is system and level_of(c) is level]


def write_code_lists(wb) -> dict[str, str]:
    """The hidden sheet of codes; column header → the range its drop-down lists."""
    ws = wb.add_worksheet(CODES)
    ranges: dict[str, str] = {}
    for j, (header, (system, level)) in enumerate(CODE_COLUMNS.items()):
        choices = code_choices(system, level)
        ws.write_string(0, j, header)
        for i, text in enumerate(choices, 1):
            ws.write_string(i, j, text)
        if choices:
            col = chr(ord("A") + j)
            ranges[header] = f"='{CODES}'!${col}$2:${col}${len(choices) + 1}"
    ws.hide()
    return ranges


def code_validation(header: str, source: str) -> dict:
    """A drop-down that suggests codes but accepts any typed value (the book check judges it)."""
    return {"validate": "list", "source": source, "error_type": "information",
            "error_title": "不在下拉列表中", "error_message": f"{header}可直接填写编码（如列表中的数字部分）；检查编制簿时会核对是否在科目目录中。"}


def write_examples(wb, sheets, head, grey) -> None:
    """The 填写示例 sheet: for each sheet, its header and a few rows of the sample book, greyed."""
    from .folder_book import read_folder

    sample = read_folder(SAMPLE_BOOK)
    ws = wb.add_worksheet(EXAMPLES)
    ws.set_column(0, 12, 20)
    ws.write_string(0, 0, "以下是阳泉市民政局2025年预算编制簿的部分内容，仅供参照填写。本页不会被读取，无须删除；"
                          "请在各工作表中填写本部门的数据。", head)
    row = 2
    for spec in sheets:
        records = _examples(spec, sample.get(spec.name, []))
        if not records:
            continue
        ws.write_string(row, 0, f"“{spec.name}”工作表示例", head)
        row += 1
        for j, col in enumerate(spec.columns):
            ws.write_string(row, j, col.header, head)
        for rec in records:
            row += 1
            for j, col in enumerate(spec.columns):
                text = rec.text(col.header)
                ws.write_string(row, j, text if len(text) <= 40 else text[:40] + "……", grey)
        row += 2


def _examples(spec, records) -> list:
    """A few rows; for 支出 one of each 支出类型, so 人员经费, 公用经费 and 项目支出 are all shown."""
    if spec.name == "支出":
        firsts = {r.text("支出类型"): r for r in reversed(records)}
        return [firsts[k] for k in sorted(firsts, key=lambda k: records.index(firsts[k]))]
    return records[:_EXAMPLE_ROWS if not spec.keyvalue else 6]

"""The XLSX form of a book: the template finance staff fill in (instructions, one sheet per part,
drop-down lists for kinds, natures, sources and periods) and its loader."""
from __future__ import annotations

from pathlib import Path
from typing import Mapping, Sequence

from .book import Where
from .cells import BookError, Problem, Record
from .rounding import RULE_ZH
from .sheets import CHOICES_OF_DEPARTMENT, KEYS_OF, SHEETS

INSTRUCTIONS = "填写说明"
_MAX_ROWS = 5000  # rows the template's drop-down lists cover
_MAX_READ_ROWS, _MAX_READ_COLS = 20_000, 200  # what a book sheet may hold (a department's has hundreds of rows)


def write_workbook(sheets: Mapping[str, Sequence[Mapping[str, object]]], path: Path, examples: bool = False) -> Path:
    """A workbook with the instructions and every sheet, filled with `sheets` rows (dicts by header);
    `examples` adds the 填写示例 sheet after the instructions."""
    import xlsxwriter

    from .template_extras import code_validation, write_code_lists, write_examples

    path.parent.mkdir(parents=True, exist_ok=True)
    wb = xlsxwriter.Workbook(str(path))
    head = wb.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
    money = wb.add_format({"num_format": "#,##0.00"})
    wrap = wb.add_format({"text_wrap": True, "valign": "top"})
    _instructions(wb, wrap)
    if examples:
        write_examples(wb, SHEETS, head, wb.add_format({"font_color": "#808080", "italic": True}))
    data_sheets = [(spec, wb.add_worksheet(spec.name)) for spec in SHEETS]
    code_lists = write_code_lists(wb)
    for spec, ws in data_sheets:
        for j, col in enumerate(spec.columns):
            ws.write(0, j, col.header, head)
            ws.set_column(j, j, 14 if col.money else 24, money if col.money else None)
            if col.header in code_lists:
                ws.data_validation(1, j, _MAX_ROWS, j, code_validation(col.header, code_lists[col.header]))
            elif col.choices:
                ws.data_validation(1, j, _MAX_ROWS, j, {
                    "validate": "list", "source": list(col.choices),
                    "error_message": f"请从列表中选择：{'、'.join(col.choices)}"})
            elif col.money:
                ws.data_validation(1, j, _MAX_ROWS, j, {
                    "validate": "decimal", "criteria": ">=", "value": 0, "error_message": "金额应为不小于0的数，以元为单位"})
            if col.hint:
                ws.write_comment(0, j, col.hint)
        if spec.keyvalue and spec.name in KEYS_OF:
            ws.data_validation(1, 0, _MAX_ROWS, 0, {"validate": "list", "source": list(KEYS_OF[spec.name])})
        ws.freeze_panes(1, 0)
        for i, row in enumerate(sheets.get(spec.name, []), 1):
            choices = CHOICES_OF_DEPARTMENT.get(str(row.get("项目"))) if spec.name == "部门" else None
            if choices:  # 模板, 金额单位, 公开层级: a drop-down on the value's own cell
                ws.data_validation(i, 1, i, 1, {"validate": "list", "source": list(choices),
                                                "error_message": f"请从列表中选择：{'、'.join(choices)}"})
            for j, col in enumerate(spec.columns):
                v = row.get(col.header)
                if v is None or v == "":
                    continue
                if col.money:
                    ws.write_number(i, j, float(str(v)), money)  # money cells hold at most two decimals
                else:
                    ws.write_string(i, j, str(v))
    wb.close()
    return path


def _instructions(wb, wrap) -> None:
    ws = wb.add_worksheet(INSTRUCTIONS)
    ws.set_column(0, 0, 18)
    ws.set_column(1, 1, 100, wrap)
    lines = [("预算编制簿", "填写各工作表后运行 yusuan build 本文件，生成全部公开表格和情况说明。金额一律以元为单位，精确到分。"),
             ("填写示例", "“填写示例”工作表列出一个真实部门的部分数据，供参照，不会被读取。"),
             ("科目编码", "科目编码列可从下拉列表选择（如“2080201 行政运行”），也可直接填写编码。"),
             ("可不填的栏目", "“上年数”“政府采购”“国有资产”中的栏目可以留空；生成说明时确需的数字，检查时会逐项指出。")]
    lines += [(s.name, s.purpose + ("" if s.required else "（可选）")) for s in SHEETS]
    for name, keys in KEYS_OF.items():
        lines.append((f"{name}的栏目", "、".join(keys)))
    lines.append(("舍入规则", RULE_ZH))
    for i, (a, b) in enumerate(lines):
        ws.write_string(i, 0, a)
        ws.write_string(i, 1, b, wrap)


def write_template(path: Path) -> Path:
    """The empty workbook; 部门 and 上年数 list their keys so staff only fill in the values."""
    keys = {name: [{"项目": k} for k in ks] for name, ks in KEYS_OF.items() if name != "说明文字"}
    return write_workbook(keys, path, examples=True)


def read_workbook(path: Path) -> dict[str, list[Record]]:
    """Records per sheet; numbers stay floats here and are converted exactly by `cells.to_money`."""
    import io

    from openpyxl import load_workbook

    from ..sources.ooxml import open_package

    data = path.read_bytes()
    open_package(data, "Excel(XLSX)").close()  # a damaged or bomb-like package: a Chinese InputError
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable file is the user's problem to fix
        raise BookError([Problem(Where(path.name), f"无法读取工作簿：{exc}")]) from None
    sheets: dict[str, list[Record]] = {}
    try:
        for spec in SHEETS:
            if spec.name in wb.sheetnames:
                sheets[spec.name] = _sheet_records(wb, spec.name)
    finally:
        wb.close()
    return sheets


def _sheet_records(wb, name: str) -> list[Record]:
    """The sheet's rows with a value, by header. openpyxl reads lazily, so damage inside a sheet
    (a cell reference of 400 digits, broken XML) surfaces here, as whatever error it raises."""
    try:
        # Bounded: openpyxl pads every row to the widest and fills the gaps up to the last row, so a
        # damaged cell reference (row 10⁹, column XFD) would otherwise run for hours.
        rows = wb[name].iter_rows(values_only=True, max_row=_MAX_READ_ROWS + 1, max_col=_MAX_READ_COLS)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        records = []
        for i, values in enumerate(rows, 2):
            if i > _MAX_READ_ROWS:
                raise BookError([Problem(Where(name), f"工作表超过 {_MAX_READ_ROWS} 行，不像一份预算编制簿")])
            cells = {h: v for h, v in zip(header, values) if h}
            if any(v is not None and str(v).strip() for v in cells.values()):
                records.append(Record(name, i, cells))
        return records
    except BookError:
        raise
    except Exception as exc:  # noqa: BLE001 - openpyxl has no common error type for a damaged sheet
        raise BookError([Problem(Where(name), f"工作表已损坏，无法读取：{type(exc).__name__}: {exc}"[:300])]) from None

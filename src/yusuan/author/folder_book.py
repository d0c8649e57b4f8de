"""The folder form of a book (for version control): book.yaml for the key-value sheets and one
CSV per table sheet, with the same Chinese headers as the workbook.

Files are read in the encoding their bytes show (UTF-8, UTF-16 with or without a mark, or GBK as
Excel on Chinese Windows saves CSV); a file in none of them is refused, naming its sheet."""
from __future__ import annotations

import csv
import io
import itertools
from pathlib import Path

import yaml

from ..sources.encoding import guess_encoding
from .book import Where
from .cells import BookError, Problem, Record
from .sheets import SHEETS

YAML_FILE = "book.yaml"
# A book.yaml holds some hundred values; aliases (&a … *a) may repeat a list, and nested ones repeat
# it exponentially ("billion laughs": 9 lines become 10⁹ strings). The document as it would be
# expanded is counted before it is built, and refused past this many values.
MAX_YAML_VALUES = 100_000
# A department's book has hundreds of lines a table, a few thousand at most (indicators).
MAX_CSV_ROWS = 50_000
MAX_CSV_BYTES = 32 * 1024 * 1024


class _BookLoader(yaml.SafeLoader):
    """The safe loader, refusing a document whose aliases expand past MAX_YAML_VALUES values."""

    def construct_document(self, node):
        if _expanded(node, {}) > MAX_YAML_VALUES:
            raise BookError([Problem(Where(YAML_FILE), f"book.yaml 中的别名（& 与 *）展开后超过 {MAX_YAML_VALUES} 个值，"
                                                       "疑似恶意构造的文件，已拒绝读取；请直接写出各项内容，不要使用别名")])
        return super().construct_document(node)


def _expanded(node, memo: dict[int, int]) -> int:
    """Values in the node once every alias is written out (a shared node counted each time it is used)."""
    if id(node) in memo:
        return memo[id(node)]
    memo[id(node)] = MAX_YAML_VALUES + 1  # a node containing itself expands without end
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_expanded(n, memo) for n in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_expanded(k, memo) + _expanded(v, memo) for k, v in node.value)
    else:
        size = 1
    memo[id(node)] = min(size, MAX_YAML_VALUES + 1)
    return memo[id(node)]


def read_folder(folder: Path) -> dict[str, list[Record]]:
    """Records per sheet name; a missing file simply leaves its sheet out (checked by the parser)."""
    sheets: dict[str, list[Record]] = {}
    data = _read_yaml(folder / YAML_FILE) if (folder / YAML_FILE).is_file() else {}
    for spec in SHEETS:
        if spec.keyvalue:
            if spec.name in data:
                sheets[spec.name] = _keyvalue_records(spec, data[spec.name])
        elif (folder / spec.file).is_file():
            sheets[spec.name] = _csv_records(spec, folder / spec.file)
    return sheets


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.load(_decoded(path, "book.yaml"), Loader=_BookLoader) or {}
    except (yaml.YAMLError, RecursionError) as exc:
        raise BookError([Problem(Where(YAML_FILE), f"YAML格式有误：{exc}")]) from None
    if not isinstance(data, dict):
        raise BookError([Problem(Where(YAML_FILE), "book.yaml 应由“工作表名: 内容”组成（例如“基本信息:”），而不是单个值或列表")])
    return data


def _csv_records(spec, path: Path) -> list[Record]:
    if path.stat().st_size > MAX_CSV_BYTES:
        raise BookError([Problem(Where(spec.name), f"{path.name} 有 {path.stat().st_size // 1048576} MB，超过上限 "
                                                   f"{MAX_CSV_BYTES // 1048576} MB，不像一张编制簿的表")])
    try:
        rows = list(itertools.islice(csv.DictReader(io.StringIO(_decoded(path, spec.name), newline="")), MAX_CSV_ROWS + 1))
    except csv.Error as exc:
        raise BookError([Problem(Where(spec.name), f"{path.name} 不是有效的 CSV 文件：{exc}")]) from None
    if len(rows) > MAX_CSV_ROWS:
        raise BookError([Problem(Where(spec.name), f"{path.name} 超过 {MAX_CSV_ROWS} 行，不像一张编制簿的表（一个部门的"
                                                   "预算编制簿每张表不过数千行），已拒绝读取")])
    return [Record(spec.name, i, {k: (v if v != "" else None) for k, v in row.items() if isinstance(k, str) and k})
            for i, row in enumerate(rows, 2)]


def _decoded(path: Path, sheet: str) -> str:
    """The file's text in the encoding its bytes show; a Chinese BookError naming the sheet if none fits."""
    data = path.read_bytes()
    encoding = guess_encoding(data)
    if encoding is None:
        raise BookError([Problem(Where(sheet), f"{path.name} 的编码无法识别（不是 UTF-8、UTF-16 或 GBK），"
                                               "请在 Excel 或记事本中另存为“UTF-8”编码后再试")])
    return data.decode(encoding).removeprefix("\ufeff")


def _keyvalue_records(spec, mapping) -> list[Record]:
    """``项目: 内容`` pairs; a list value gives one record per item (the duties' paragraphs)."""
    key_col, value_col = spec.columns[0].header, spec.columns[1].header
    if mapping is not None and not isinstance(mapping, dict):
        raise BookError([Problem(Where(YAML_FILE), f"book.yaml 中“{spec.name}”应为“项目: 内容”的列表")])
    out: list[Record] = []
    for key, value in (mapping or {}).items():
        for item in value if isinstance(value, list) else [value]:
            out.append(Record(spec.name, len(out) + 1, {key_col: str(key), value_col: item}))
    return out


def write_folder(sheets: dict[str, list[dict[str, object]]], folder: Path) -> None:
    """Write rows per sheet (dicts by header) as a folder book."""
    folder.mkdir(parents=True, exist_ok=True)
    data: dict[str, dict] = {}
    for spec in SHEETS:
        rows = sheets.get(spec.name, [])
        if spec.keyvalue:
            kv: dict[str, object] = {}
            for r in rows:
                key, value = str(r[spec.columns[0].header]), r[spec.columns[1].header]
                if key in kv:
                    before = kv[key]
                    kv[key] = [*(before if isinstance(before, list) else [before]), value]
                else:
                    kv[key] = value
            data[spec.name] = kv
        elif rows or spec.required:  # an optional sheet with no row is left out, as it may be
            with (folder / spec.file).open("w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, [c.header for c in spec.columns])
                w.writeheader()
                for r in rows:
                    w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    (folder / YAML_FILE).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                                    encoding="utf-8")

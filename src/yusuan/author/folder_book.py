"""The folder form of a book (for version control): book.yaml for the key-value sheets and one
CSV per table sheet, with the same Chinese headers as the workbook.

Files are read in the encoding their bytes show (UTF-8, UTF-16 with or without a mark, or GBK as
Excel on Chinese Windows saves CSV); a file in none of them is refused, naming its sheet."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import yaml

from ..sources.encoding import guess_encoding
from .book import Where
from .cells import BookError, Problem, Record
from .sheets import SHEETS

YAML_FILE = "book.yaml"


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
        data = yaml.safe_load(_decoded(path, "book.yaml")) or {}
    except (yaml.YAMLError, RecursionError) as exc:
        raise BookError([Problem(Where(YAML_FILE), f"YAML格式有误：{exc}")]) from None
    if not isinstance(data, dict):
        raise BookError([Problem(Where(YAML_FILE), "book.yaml 应由“工作表名: 内容”组成（例如“基本信息:”），而不是单个值或列表")])
    return data


def _csv_records(spec, path: Path) -> list[Record]:
    try:
        rows = list(csv.DictReader(io.StringIO(_decoded(path, spec.name), newline="")))
    except csv.Error as exc:
        raise BookError([Problem(Where(spec.name), f"{path.name} 不是有效的 CSV 文件：{exc}")]) from None
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
        else:
            with (folder / spec.file).open("w", encoding="utf-8", newline="") as f:
                w = csv.DictWriter(f, [c.header for c in spec.columns])
                w.writeheader()
                for r in rows:
                    w.writerow({k: ("" if v is None else v) for k, v in r.items()})
    (folder / YAML_FILE).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000),
                                    encoding="utf-8")

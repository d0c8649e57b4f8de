"""The folder form of a book (for version control): book.yaml for the key-value sheets and one
CSV per table sheet, with the same Chinese headers as the workbook."""
from __future__ import annotations

import csv
from pathlib import Path

import yaml

from .book import Where
from .cells import BookError, Problem, Record
from .sheets import SHEETS

YAML_FILE = "book.yaml"


def read_folder(folder: Path) -> dict[str, list[Record]]:
    """Records per sheet name; a missing file simply leaves its sheet out (checked by the parser)."""
    sheets: dict[str, list[Record]] = {}
    yaml_path = folder / YAML_FILE
    data = {}
    if yaml_path.is_file():
        try:
            data = yaml.safe_load(yaml_path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as exc:
            raise BookError([Problem(Where(YAML_FILE), f"YAML格式有误：{exc}")]) from None
    for spec in SHEETS:
        if spec.keyvalue:
            if spec.name in data:
                sheets[spec.name] = _keyvalue_records(spec, data[spec.name])
        elif (folder / spec.file).is_file():
            with (folder / spec.file).open(encoding="utf-8-sig", newline="") as f:
                sheets[spec.name] = [
                    Record(spec.name, i, {k: (v if v != "" else None) for k, v in row.items() if k})
                    for i, row in enumerate(csv.DictReader(f), 2)
                ]
    return sheets


def _keyvalue_records(spec, mapping) -> list[Record]:
    """``项目: 内容`` pairs; a list value gives one record per item (the duties' paragraphs)."""
    key_col, value_col = spec.columns[0].header, spec.columns[1].header
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
                    kv[key] = (kv[key] if isinstance(kv[key], list) else [kv[key]]) + [value]
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

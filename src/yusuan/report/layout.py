"""A bureau's 公开情况检查表 layout, kept as data (report/layouts/<name>.yaml).

A layout says what the sheet looks like (title, header lines, columns and widths, paper) and
which checklist items (report/checklist_items.py) each of its rows collects, grouped as the
bureau groups them (及时性, 内容规范性 …). Another bureau's form is another file, not code.
Texts may name fields: {year} {level} {organisation} {url} {file} {template} {summary}.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import InputError
from ..model import Disclosure
from ..templates import template_zh
from .checklist_items import Item, checklist, table_items

COLUMN_KEYS = frozenset({"group", "number", "title", "content", "verdict", "problems", "rules", "screenshot"})
DEFAULT = "generic"


@dataclass(frozen=True)
class Column:
    key: str
    label: str | None  # None: the head cell is merged into the previous column's
    width: float


@dataclass(frozen=True)
class HeaderLine:
    text: str
    span: int  # columns merged (0: written in the first cell only)
    height: float | None = None


@dataclass(frozen=True)
class RowSpec:
    title: str | None  # None: the item's own title
    items: tuple[str, ...]
    manual: str = ""  # a row no rule can judge: what the reviewer must check by hand
    each_table: bool = False  # expands to one row per table of the template
    timely: bool = False  # the 及时性 row: filled with the publication date where known


@dataclass(frozen=True)
class GroupSpec:
    name: str
    rows: tuple[RowSpec, ...]


@dataclass(frozen=True)
class Layout:
    name: str
    label: str
    templates: tuple[str, ...]
    sheet: str
    title: str
    orientation: str
    font: str
    header: tuple[HeaderLine, ...]
    columns: tuple[Column, ...]
    groups: tuple[GroupSpec, ...]

    def has(self, key: str) -> bool:
        return any(c.key == key for c in self.columns)


@dataclass(frozen=True)
class SheetRow:
    """A row as written for one disclosure: its group, title, content and the items it collects."""

    group: str
    title: str
    content: str
    items: tuple[str, ...]
    manual: str = ""
    timely: bool = False


def fields(d: Disclosure, **extra: str) -> dict[str, str]:
    m = d.meta
    return {"year": str(m.year or ""), "level": "单位" if m.level.value == "unit" else "部门",
            "stage": "决算" if m.stage.value == "final_accounts" else "预算",
            "organisation": m.organisation, "template": template_zh(m.template), "file": d.source.file, "url": "",
            "summary": "", **extra}


def _row(data: dict) -> RowSpec:
    return RowSpec(data.get("title"), tuple(data.get("items", ())), data.get("manual", ""),
                   bool(data.get("each_table", False)), bool(data.get("timely", False)))


def parse(data: dict) -> Layout:
    """A layout from its YAML data; unknown column keys and rows without items are refused."""
    columns = tuple(Column(c["key"], c.get("label"), float(c["width"])) for c in data["columns"])
    bad = {c.key for c in columns} - COLUMN_KEYS
    if bad:
        raise InputError(f"检查表格式“{data.get('name')}”中有未知的列：{'、'.join(sorted(bad))}。", code="input.layout")
    groups = tuple(GroupSpec(g.get("name", ""), tuple(_row(r) for r in g["rows"])) for g in data["groups"])
    for g in groups:
        for r in g.rows:
            if not (r.items or r.manual or r.each_table or r.timely):
                raise InputError(f"检查表格式“{data.get('name')}”的“{r.title}”行没有对应的检查项目。", code="input.layout")
    return Layout(
        name=data["name"], label=data.get("label", data["name"]), templates=tuple(data.get("templates", ())),
        sheet=data["sheet"], title=data["title"], orientation=data.get("orientation", "landscape"),
        font=data.get("font", "SimSun"),
        header=tuple(HeaderLine(h.get("text", ""), int(h.get("span", 0)), h.get("height")) for h in data.get("header", ())),
        columns=columns, groups=groups,
    )


def _bundled() -> dict[str, Path]:
    folder = resources.files("yusuan.report") / "layouts"
    return {Path(str(p)).stem: Path(str(p)) for p in folder.iterdir() if str(p).endswith(".yaml")}


@lru_cache(maxsize=None)
def load(name_or_path: str) -> Layout:
    """A bundled layout by name (``generic``, ``shanghai-putuo``) or a layout file by path."""
    path = _bundled().get(name_or_path) or Path(name_or_path)
    if not path.is_file():
        known = "、".join(sorted(_bundled()))
        raise InputError(f"找不到检查表格式“{name_or_path}”（可用：{known}，或给出 YAML 文件路径）。", code="input.layout")
    return parse(yaml.safe_load(path.read_text(encoding="utf-8")))


def names() -> list[str]:
    return sorted(_bundled())


def choose(d: Disclosure, name: str | None = None) -> Layout:
    """The named layout, else the first bundled one made for the document's template, else generic."""
    if name:
        return load(name)
    for n in names():
        if n != DEFAULT and d.meta.template in load(n).templates:
            return load(n)
    return load(DEFAULT)


def sheet_rows(layout: Layout, d: Disclosure) -> list[SheetRow]:
    """The layout's rows for this disclosure, texts filled in, table rows expanded."""
    items: dict[str, Item] = {i.key: i for i in checklist(d)}
    f = fields(d)
    out: list[SheetRow] = []
    for g in layout.groups:
        for spec in g.rows:
            if spec.each_table:
                out += [SheetRow(g.name, t.title, t.content, (t.key,)) for t in table_items(d)]
                continue
            first = items.get(spec.items[0]) if spec.items else None
            title = spec.title.format(**f) if spec.title else (first.title if first else "")
            content = first.content if first and spec.title is None else ""
            out.append(SheetRow(g.name, title, content, spec.items, spec.manual or ("（人工核对）" if spec.timely else ""),
                                spec.timely))
    return out

"""The bundled catalogue: one CSV per classification in data/, each row a code–name pair with the
years it holds for and its source (see data/README.md).

Rows whose source starts with ``mof-`` are the national catalogue (财政部《政府收支分类科目》
2017–2026) as recalled, with the corpus support appended; rows whose source starts with ``corpus:``
are pairs the real documents print consistently where the national rows have no such name.
``python -m yusuan.reference.rebuild CORPUS`` regenerates the corpus part.
"""
from __future__ import annotations

import csv
import io
from functools import cache
from importlib.resources import files

from .catalogue import Catalogue
from .codes import CodeSystem
from .entries import CodeEntry, EntryKind, make_entry

FIELDS = ("code", "name", "first_year", "last_year", "source")
KIND_FILES = {
    CodeSystem.FUNCTION: "data/function.csv",
    CodeSystem.DEPT_ECONOMIC: "data/dept_economic.csv",
    CodeSystem.GOV_ECONOMIC: "data/gov_economic.csv",
    CodeSystem.REVENUE: "data/revenue.csv",
}
NATIONAL = "mof-"
CORPUS = "corpus:"


def read_rows(system: CodeSystem) -> list[dict[str, str]]:
    """The rows of one classification's data file."""
    text = files("yusuan.reference").joinpath(KIND_FILES[system]).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


@cache
def bundled_catalogue() -> Catalogue:
    """The bundled catalogue, read once per process."""
    entries = tuple(entry_of(row) for system in KIND_FILES for row in read_rows(system))
    return Catalogue(entries, None, tuple(f"yusuan/reference/{f}" for f in KIND_FILES.values()))


def entry_of(row: dict[str, str]) -> CodeEntry:
    kind = EntryKind.WELL_KNOWN if row["source"].startswith(NATIONAL) else EntryKind.PRINTED
    first, last = (int(row[k]) if row[k] else None for k in ("first_year", "last_year"))
    return make_entry(row["code"], row["name"], row["source"], kind, first, last)


def class_code(label: str) -> str | None:
    """The function 类 code of a label as the 收支总表 prints it: ``一、一般公共服务支出`` → ``201``."""
    return bundled_catalogue().class_code(label)

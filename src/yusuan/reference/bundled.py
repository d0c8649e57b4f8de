"""The bundled reference list: data/codes.csv, each entry with its own source.

Rows whose source starts with ``well-known:`` are names of the national catalogue known from
the publication named there; every other row is a name as a corpus document printed it, with
its place (``file#L134``, ``file#page=5``). ``python -m yusuan.reference.harvest`` rebuilds
the printed rows.
"""
from __future__ import annotations

import csv
import io
from functools import cache
from importlib.resources import files

from .catalogue import Catalogue
from .entries import CodeEntry, EntryKind, make_entry

DATA_FILE = "data/codes.csv"
FIELDS = ("system", "code", "name", "level", "parent", "source", "year", "note")
WELL_KNOWN = "well-known:"


@cache
def bundled_catalogue() -> Catalogue:
    """The bundled catalogue, read once per process."""
    text = files("yusuan.reference").joinpath(DATA_FILE).read_text(encoding="utf-8")
    rows = csv.DictReader(io.StringIO(text))
    entries = tuple(_entry(row) for row in rows)
    return Catalogue(entries, None, (f"yusuan/reference/{DATA_FILE}",))


def _entry(row: dict[str, str]) -> CodeEntry:
    kind = EntryKind.WELL_KNOWN if row["source"].startswith(WELL_KNOWN) else EntryKind.PRINTED
    year = int(row["year"]) if row["year"] else None
    return make_entry(row["code"], row["name"], row["source"], kind, year, row["note"])


def class_code(label: str) -> str | None:
    """The function 类 code of a label as the 收支总表 prints it: ``一、一般公共服务支出`` → ``201``."""
    return bundled_catalogue().class_code(label)

"""The user's own catalogue: the official list a finance bureau holds, imported once and laid over
the bundled catalogue by the audit and by ``yusuan build`` thereafter.

It is stored as ``catalogue.csv`` in the data folder (where the store keeps its files:
``YUSUAN_DATA_DIR`` or the user data folder), with the columns 科目编码, 科目名称, 年度, 分类, 来源.
Importing a list replaces the stored entries of the years it covers (a bureau's list for a year
is whole); an undated list replaces the undated entries.
"""
from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .catalogue import Catalogue
from .entries import CodeEntry, EntryKind, make_entry
from .loader import _year_in, load_catalogue

LOCAL_FILE = "catalogue.csv"
EXPORT_FIELDS = ("科目编码", "科目名称", "年度", "分类", "来源")


def local_path(data_dir: Path | None = None) -> Path:
    """Where the user's catalogue is stored."""
    if data_dir is None:
        from yusuan.store.config import default_data_dir

        data_dir = default_data_dir()
    return Path(data_dir) / LOCAL_FILE


@dataclass(frozen=True)
class Imported:
    """What an import did: entries read, the years they are for, the rows not read (Chinese)."""

    entries: int
    years: tuple[int | None, ...]
    problems: tuple[str, ...]
    path: Path


def export_text(entries: tuple[CodeEntry, ...] | list[CodeEntry]) -> str:
    """Entries as the stored/exported CSV (UTF-8 with BOM, so spreadsheet programs read it)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(EXPORT_FIELDS)
    for e in entries:
        writer.writerow((e.code, e.name, e.first_year or "", e.system.label, e.source))
    return "\ufeff" + buffer.getvalue()


def read_local(path: Path) -> tuple[CodeEntry, ...]:
    """The stored entries (none when nothing was imported)."""
    if not path.is_file():
        return ()
    return _read_cached(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _read_cached(path: str, _mtime: int) -> tuple[CodeEntry, ...]:
    text = Path(path).read_text(encoding="utf-8-sig")
    out = []
    for row in csv.DictReader(io.StringIO(text)):
        year = int(row["年度"]) if row.get("年度") else None
        out.append(make_entry(row["科目编码"], row["科目名称"], row.get("来源") or LOCAL_FILE, EntryKind.OFFICIAL, year, year))
    return tuple(out)


def import_file(source: str | Path, year: int | None = None, data_dir: Path | None = None,
                name: str | None = None) -> Imported:
    """Read an official list (CSV/XLSX, see `loader`) and store it, replacing the stored entries of
    the years it covers; `name` is the file's name as the user gave it (an upload's). Raises
    InputError (Chinese) for a file with no codes."""
    loaded = load_catalogue(source, year or (_year_in(name) if name else None))
    fresh = [_renamed(e, name or Path(source).name) for e in loaded.entries]
    years = tuple(sorted({e.first_year for e in fresh}, key=lambda y: y or 0))
    path = local_path(data_dir)
    kept = [e for e in read_local(path) if e.first_year not in years]
    _write(path, export_text(kept + fresh))
    return Imported(len(fresh), years, loaded.problems, path)


def _renamed(entry: CodeEntry, file_name: str) -> CodeEntry:
    """The entry's source with the file's name only (the folder it was imported from is the user's)."""
    from dataclasses import replace

    return replace(entry, source=file_name + entry.source[entry.source.find("#"):] if "#" in entry.source else file_name)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def clear(data_dir: Path | None = None) -> int:
    """Remove the stored list; how many entries it had."""
    path = local_path(data_dir)
    count = len(read_local(path))
    path.unlink(missing_ok=True)
    return count


def active_catalogue(data_dir: Path | None = None) -> Catalogue:
    """The catalogue the audit and the build judge by: the user's list over the bundled one."""
    from .bundled import bundled_catalogue

    path = local_path(data_dir)
    entries = read_local(path)
    if not entries:
        return bundled_catalogue()
    return _overlaid(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _overlaid(path: str, mtime: int) -> Catalogue:
    from .bundled import bundled_catalogue

    return Catalogue(_read_cached(path, mtime), None, (path,)).over(bundled_catalogue())


"""Which files a batch reads: files, folders (searched recursively) and glob patterns, in one
stable order, each file once. What names nothing is an error the user sees, not an empty batch."""
from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable

from ..errors import InputError

# The formats the readers take; a disclosure JSON written by ``yusuan ingest`` is read too, but only
# when named explicitly (a folder of outputs is not a corpus).
SUFFIXES = frozenset({".txt", ".pdf", ".docx", ".xlsx", ".xls", ".ods"})
SKIPPED_NAMES = ("~$", ".")  # Office lock files and hidden files


def _wanted(p: Path, named: bool = False) -> bool:
    """A file a folder holds is read by its suffix; one named (or matched by a pattern) may also be JSON."""
    suffixes = SUFFIXES | {".json"} if named else SUFFIXES
    return p.is_file() and p.suffix.lower() in suffixes and not p.name.startswith(SKIPPED_NAMES)


def _expand(arg: str) -> list[Path]:
    p = Path(arg)
    if p.is_dir():
        return sorted(f for f in p.rglob("*") if _wanted(f) and not _hidden_below(f, p))
    if p.is_file():
        return [p]
    if glob.has_magic(arg):
        found = [Path(m) for m in glob.glob(arg, recursive=True)]
        return sorted(f for m in found for f in (_expand(str(m)) if m.is_dir() else [m] if _wanted(m, True) else []))
    raise InputError(f"找不到文件或目录：{arg}", code="input.missing")


def _hidden_below(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts[:-1])


def discover(args: Iterable[str | Path]) -> list[Path]:
    """Every file the arguments name, in the order given (each folder's files sorted), once each.

    A name that does not exist raises InputError; a folder or pattern with no readable file
    raises InputError too (a batch of nothing is a mistake in the command).
    """
    seen: dict[Path, None] = {}
    for arg in args:
        found = _expand(str(arg))
        if not found:
            raise InputError(f"{arg} 中没有可读取的预算公开文件（.txt/.pdf/.docx/.xlsx/.xls/.ods）。", code="input.no_files")
        for f in found:
            seen.setdefault(f.resolve(), None)
    return list(seen)

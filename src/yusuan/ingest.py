"""The front door: any supported file (or a disclosure JSON written earlier) to a Disclosure."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from .errors import InputError
from .model import Disclosure
from .recognize.pipeline import recognize
from .serialize import dumps, load_disclosure
from .sources.detect import read_source


def read_disclosure(path: Path, *, encoding: str | None = None) -> Disclosure:
    """Read and recognise a disclosure; a ``.json`` file written by ``yusuan ingest`` is loaded as is."""
    if path.suffix.lower() == ".json" and path.is_file():
        try:
            return load_disclosure(json.loads(path.read_text(encoding="utf-8")))
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"不是 yusuan 输出的预算公开 JSON 文件，或文件已损坏：{exc}", code="input.bad_json") from exc
    return recognize(read_source(path, encoding=encoding))


def write_text_atomic(path: Path, text: str) -> None:
    """Write a whole file or nothing: a crash half-way never leaves a half-written output."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; an output file gets the usual mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_disclosure(d: Disclosure, path: Path) -> None:
    write_text_atomic(path, dumps(d) + "\n")


INCOMPLETE_CODES = frozenset({"ingest.missing_table", "ingest.contents_not_found"})


def is_incomplete(d: Disclosure) -> bool:
    """Whether parts the document itself announces (or its template requires) were not found."""
    return any(i.code in INCOMPLETE_CODES for i in d.issues)

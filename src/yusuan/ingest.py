"""The front door: any supported file (or a disclosure JSON written earlier) to a Disclosure."""
from __future__ import annotations

import json
from pathlib import Path

from .errors import InputError
from .files import write_text_atomic
from .model import Disclosure
from .recognize.pipeline import recognize
from .serialize import dumps, load_disclosure
from .sources.detect import read_source


def read_disclosure(path: Path, *, encoding: str | None = None) -> Disclosure:
    """Read and recognise a disclosure; a ``.json`` file written by ``yusuan ingest`` is loaded as is."""
    if path.suffix.lower() == ".json" and path.is_file():
        return disclosure_from_json(path.read_bytes())
    return recognize(read_source(path, encoding=encoding))


def disclosure_from_json(data: bytes | str) -> Disclosure:
    """A disclosure JSON written by ``yusuan ingest``, or a Chinese InputError."""
    try:
        return load_disclosure(json.loads(data))
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"不是 yusuan 输出的预算公开 JSON 文件，或文件已损坏：{exc}", code="input.bad_json") from exc


def write_disclosure(d: Disclosure, path: Path) -> None:
    write_text_atomic(path, dumps(d) + "\n")


INCOMPLETE_CODES = frozenset({"ingest.missing_table", "ingest.contents_not_found"})


def is_incomplete(d: Disclosure) -> bool:
    """Whether parts the document itself announces (or its template requires) were not found."""
    return any(i.code in INCOMPLETE_CODES for i in d.issues)

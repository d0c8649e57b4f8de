"""The front door: any supported file (or a disclosure JSON written earlier) to a Disclosure."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from .errors import InputError
from .model import Disclosure
from .recognize.compilation import first_publication, publications
from .recognize.join import join_parts
from .recognize.partial import PARTIAL
from .serialize import load_disclosure, write_disclosure_json
from .sources.detect import read_source


def read_disclosure(path: Path, *, encoding: str | None = None, max_pages: int | None = None) -> Disclosure:
    """Read and recognise a disclosure; a ``.json`` file written by ``yusuan ingest`` is loaded as is.
    `max_pages` raises (or lowers) the PDF reader's page limit. A file holding several publications
    gives its first, with a note naming the others (`read_publications` gives each)."""
    if path.suffix.lower() == ".json" and path.is_file():
        return disclosure_from_json(path.read_bytes())
    return first_publication(read_source(path, encoding=encoding, max_pages=max_pages))


def read_publications(path: Path, *, encoding: str | None = None, max_pages: int | None = None) -> list[Disclosure]:
    """Each publication a file holds, in order, each read on its own pages (recognize.compilation): most
    files hold one."""
    if path.suffix.lower() == ".json" and path.is_file():
        return [disclosure_from_json(path.read_bytes())]
    return publications(read_source(path, encoding=encoding, max_pages=max_pages))


def read_publication(paths: Sequence[Path], *, encoding: str | None = None,
                     max_pages: int | None = None) -> Disclosure:
    """One publication from its files: one file as read, several joined as the halves of one
    publication (`recognize.join.join_parts`; InputError in Chinese if they are not)."""
    return join_parts([read_disclosure(p, encoding=encoding, max_pages=max_pages) for p in paths])


def disclosure_from_json(data: bytes | str) -> Disclosure:
    """A disclosure JSON written by ``yusuan ingest``, or a Chinese InputError."""
    try:
        loaded = json.loads(data)
        json.dumps(loaded, ensure_ascii=False).encode("utf-8")  # yusuan never writes a lone surrogate (\ud800)
        return load_disclosure(loaded)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"不是 yusuan 输出的预算公开 JSON 文件，或文件已损坏：{exc}", code="input.bad_json") from exc


def write_disclosure(d: Disclosure, path: Path) -> None:
    write_disclosure_json(d, path)


# A damaged PDF page was left unread, or the file is half a publication: read, but not all of it.
INCOMPLETE_CODES = frozenset({"ingest.missing_table", "ingest.contents_not_found", "ingest.partial_publication",
                              "read.page_damaged", "read.page_too_large"})


def is_incomplete(d: Disclosure) -> bool:
    """Whether parts the document itself announces (or its template requires) were not found."""
    return any(i.code in INCOMPLETE_CODES for i in d.issues)


def partial_note(d: Disclosure) -> str | None:
    """What a file published in parts holds and lacks (Chinese), if it is such a half."""
    return next((i.message for i in d.issues if i.code == PARTIAL), None)

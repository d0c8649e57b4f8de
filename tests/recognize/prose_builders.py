"""Small inline documents for the prose recogniser tests: one string per printed line."""
from __future__ import annotations

from yusuan.recognize.claims import Context
from yusuan.sources.raw import RawLine

CTX = Context("inline.txt")


def lines(*texts: str, page: int | None = None) -> list[RawLine]:
    """Raw lines as the text reader makes them: tabs split cells, an empty string is a blank line."""
    out = []
    for number, text in enumerate(texts, start=1):
        cells = tuple(text.split("\t")) if text else ()
        out.append(RawLine(cells=cells, line=number, page=page, is_row=len(cells) > 1))
    return out

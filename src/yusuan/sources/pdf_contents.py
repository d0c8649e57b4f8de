"""How large each page's content becomes once inflated, measured before PDFium parses it.

PDFium inflates a page's content streams whole before reading them: a 1 MB stream that inflates to
1 GiB (a "deflate bomb") takes the process's memory before any bound in the reader applies. So the
content streams of each page (and of the forms it draws) are inflated here first, in bounded chunks
and without being kept, and a page whose content outgrows the bound is reported instead of loaded.
pypdf only locates the streams (it parses lazily, without decoding); a file pypdf cannot follow is
left to PDFium as before. pypdf is slow to load and parse (seconds on a large file), so it is asked
only when a first pass over the raw bytes finds that the file's streams together inflate past the
bound (or hide one deflate layer inside another): for an ordinary file that pass costs milliseconds.
"""
from __future__ import annotations

import functools
import io
import re
import zlib

# The densest real disclosure page has a few hundred KB of content; a generous bound.
MAX_PAGE_CONTENT = 64 * 1024 * 1024
_CHUNK = 1 << 20
_PIECE = 1 << 14
_FLATE = ("/FlateDecode", "/Fl")


def oversized_pages(data: bytes, limit: int = MAX_PAGE_CONTENT, only: int | None = None) -> dict[int, int]:
    """1-based page number → bytes its content had inflated to when it passed `limit`; with `only`,
    that page alone is measured."""
    if not _may_hold_a_bomb(data, limit):
        return {}
    try:
        import pypdf

        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        pages = {only: reader.pages[only - 1]} if only is not None else dict(enumerate(reader.pages, start=1))
    except Exception:  # noqa: BLE001 — any damage pypdf meets is PDFium's to judge (and report)
        return {}
    out: dict[int, int] = {}
    for number, page in pages.items():
        try:
            size = _content_size(page, limit)
        except Exception:  # noqa: BLE001 — a page pypdf cannot follow: PDFium reports it if damaged
            continue
        if size > limit:
            out[number] = size
    return out


_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_ZLIB_HEADERS = (b"\x78\x01", b"\x78\x5e", b"\x78\x9c", b"\x78\xda")


@functools.lru_cache(maxsize=2)  # page pictures of one document ask once per picture
def _may_hold_a_bomb(data: bytes, limit: int) -> bool:
    """Whether the file's deflated streams, inflated from the raw bytes one after another (zlib finds
    each one's end by itself), pass `limit` together, or one holds another deflate stream."""
    total = 0
    for match in _STREAM.finditer(data):
        size, nested = _raw_stream_size(data, match.end(), limit - total)
        total += size
        if nested or total > limit:
            return True
    return False


def _raw_stream_size(data: bytes, start: int, room: int) -> tuple[int, bool]:
    """(bytes inflated, up to just past `room`; whether they begin like another zlib stream)."""
    inflater, total, head, pos = zlib.decompressobj(), 0, b"", start
    try:
        while not inflater.eof and pos < len(data) and total <= room:
            piece, pos = data[pos:pos + _PIECE], pos + _PIECE  # small: zlib copies what follows the end
            while piece and total <= room and not inflater.eof:
                out = inflater.decompress(piece, _CHUNK)
                head, total, piece = head or out[:2], total + len(out), inflater.unconsumed_tail
    except zlib.error:  # not deflated (an image, plain text) or damaged: PDFium's to judge
        pass
    return total, head in _ZLIB_HEADERS


def _content_size(page, limit: int) -> int:
    """Inflated bytes of the page's content streams and of the forms it draws, stopping past `limit`."""
    total = 0
    seen: set[int] = set()
    pending = [(page.get("/Contents"), page.get("/Resources"))]
    while pending and total <= limit:
        contents, resources = pending.pop()
        for stream in _streams(contents):
            if id(stream) in seen:
                continue
            seen.add(id(stream))
            total += _inflated_size(stream, limit - total)
        for form in _forms(resources):
            if id(form) not in seen:
                pending.append((form, form.get("/Resources")))
    return total


def _streams(contents) -> list:
    if contents is None:
        return []
    contents = contents.get_object()
    if isinstance(contents, list):
        return [c.get_object() for c in contents]
    return [contents]


def _forms(resources) -> list:
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is None:
        return []
    forms = (x.get_object() for x in xobjects.get_object().values())
    return [f for f in forms if hasattr(f, "get") and f.get("/Subtype") == "/Form"]


def _inflated_size(stream, room: int) -> int:
    """The stream's decoded length, counted up to just past `room`; streams in filters other than
    Flate (images, rare content encodings) count at their stored length."""
    raw = getattr(stream, "_data", b"") or b""
    filters = stream.get("/Filter")
    filters = [] if filters is None else [str(f) for f in (filters if isinstance(filters, list) else [filters])]
    if not filters or any(f not in _FLATE for f in filters):
        return len(raw)
    return _chain_size(raw, len(filters), room)


def _chain_size(raw: bytes, layers: int, room: int) -> int:
    """Inflate `layers` nested Flate layers chunk by chunk, counting the innermost output."""
    inflaters = [zlib.decompressobj() for _ in range(layers)]
    total = 0
    pieces = [raw]
    for k, inflater in enumerate(inflaters):
        last = k == layers - 1
        out = []
        for piece in pieces:
            while piece:
                try:
                    chunk = inflater.decompress(piece, _CHUNK)
                except zlib.error:
                    piece = b""
                    break
                piece = inflater.unconsumed_tail
                if last:
                    total += len(chunk)
                    if total > room:
                        return total
                else:
                    out.append(chunk)
                    if sum(map(len, out)) > room:  # an outer layer already too large
                        return room + 1
        pieces = out
    return total

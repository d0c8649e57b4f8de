"""The Workbook stream of an .xls: an OLE compound file followed through its FAT (or mini FAT).

Sectors of 512 or 4096 bytes after a 512-byte header; the FAT chains them, listed by the header's 109
DIFAT entries and the DIFAT sectors after them. A stream under the cutoff (4 KB) lives in the mini
stream (64-byte sectors chained by the mini FAT) held by the root entry. Every chain is bounded by
the file's sector count, so a loop in a damaged FAT ends. Errors surface as struct.error/IndexError/
ValueError, for the caller to report.
"""
from __future__ import annotations

import struct

_END = 0xFFFFFFFE


def workbook_stream(data: bytes) -> tuple[bytes, bool]:
    """The workbook's bytes and whether it is BIFF8 (stream "Workbook"; BIFF5 calls it "Book")."""
    size = 1 << struct.unpack_from("<H", data, 0x1E)[0]
    if size not in (512, 4096):
        raise ValueError(f"sector size {size}")
    sectors = len(data) // size
    fat = _fat(data, size, sectors)

    def chain(start: int, table: list[int] | tuple[int, ...], read) -> bytes:
        out, n = [], 0
        while start < _END and n <= len(table):
            out.append(read(start))
            start, n = table[start], n + 1
        if start < _END:
            raise ValueError("a loop in the allocation table")
        return b"".join(out)

    def sector(s: int) -> bytes:
        return data[(s + 1) * size:(s + 2) * size]

    directory = chain(struct.unpack_from("<I", data, 0x30)[0], fat, sector)
    cutoff = struct.unpack_from("<I", data, 0x38)[0]
    entries = {_name(directory[at:at + 128]): directory[at:at + 128] for at in range(0, len(directory) - 127, 128)}
    name = "Workbook" if "Workbook" in entries else "Book"
    start, length = struct.unpack_from("<IQ", entries[name], 116)
    if length >= cutoff:
        return chain(start, fat, sector)[:length], name == "Workbook"
    root_start = struct.unpack_from("<I", directory, 116)[0]
    mini_stream = chain(root_start, fat, sector)
    mini_fat_bytes = chain(struct.unpack_from("<I", data, 0x3C)[0], fat, sector)
    mini_fat = struct.unpack_from(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes)
    stream = chain(start, mini_fat, lambda s: mini_stream[s * 64:(s + 1) * 64])
    return stream[:length], name == "Workbook"


def _fat(data: bytes, size: int, sectors: int) -> list[int]:
    listed = [s for s in struct.unpack_from("<109I", data, 0x4C) if s < _END]
    difat, seen = struct.unpack_from("<I", data, 0x44)[0], 0
    while difat < _END and seen < sectors:
        entries = struct.unpack_from(f"<{size // 4}I", data, (difat + 1) * size)
        listed += [s for s in entries[:-1] if s < _END]
        difat, seen = entries[-1], seen + 1
    fat: list[int] = []
    for s in listed[:sectors]:
        fat += struct.unpack_from(f"<{size // 4}I", data, (s + 1) * size)
    return fat


def _name(entry: bytes) -> str:
    length = min(64, struct.unpack_from("<H", entry, 64)[0])
    return entry[:max(0, length - 2)].decode("utf-16-le", errors="replace") if entry[66] == 2 else ""

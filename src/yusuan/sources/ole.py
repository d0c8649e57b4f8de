"""What an old Office file (an OLE compound file: .xls, .doc, .wps, .ppt, .et) holds, by its stream names.

The compound file's directory is a run of 128-byte entries in 512- or 4096-byte sectors after the
512-byte header, so every entry starts at an offset divisible by 128: a name in UTF-16 there, with the
entry's name-length field agreeing, is a stream of the file (and not the same letters in its text).
The directory may sit anywhere in the file, so the whole file is searched; bytes.find keeps it fast.
"""
from __future__ import annotations

OLE_MAGIC = b"\xd0\xcf\x11\xe0"
_ENTRY = 128
_NAME_LENGTH_AT = 64  # the entry's name length in bytes, the terminating NUL included


def has_stream(data: bytes, name: str) -> bool:
    """Whether the compound file `data` has a directory entry called `name`."""
    encoded = (name + "\0").encode("utf-16-le")
    start = data.find(encoded)
    while start != -1:
        if start % _ENTRY == 0 and int.from_bytes(data[start + _NAME_LENGTH_AT:start + _NAME_LENGTH_AT + 2], "little") \
                == len(encoded):
            return True
        start = data.find(encoded, start + 1)
    return False


def ole_kind(data: bytes) -> str:
    """``encrypted`` (an encrypted .docx/.xlsx), ``xls`` (an Excel or WPS 表格 workbook: a Workbook or
    Book stream), ``doc`` (Word or WPS 文字: WordDocument), ``ppt``, or ``other``."""
    if "EncryptedPackage".encode("utf-16-le") in data[:1 << 20]:  # named early: the package follows
        return "encrypted"
    if has_stream(data, "Workbook") or has_stream(data, "Book"):
        return "xls"
    if has_stream(data, "WordDocument"):
        return "doc"
    if has_stream(data, "PowerPoint Document"):
        return "ppt"
    return "other"

"""The text form: one table row per line, cells separated by tabs, empty cells kept."""
from __future__ import annotations

import hashlib
from pathlib import Path

from ..errors import InputError
from .raw import RawDocument, RawLine

# Bytes that never occur in a text disclosure; a few of them mean the file is binary.
_CONTROL = bytes(set(range(0, 9)) | {11, 12} | set(range(14, 32)))
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


def decode_text(data: bytes, encoding: str | None = None) -> str:
    """Decode as UTF-8 (BOM allowed) or the encoding the user named; refuse binary data."""
    if not data.strip():
        raise InputError("文件为空，没有可读取的内容。", code="input.empty")
    sample = data[:65536]
    controls = len(sample.translate(None, _NOT_CONTROL))  # count control bytes at C speed
    if b"\x00" in sample or controls > len(sample) // 100 + 2:
        raise InputError("文件不是文本文件（含二进制内容），无法按文本读取。", code="input.binary")
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"无法按 {encoding} 编码读取该文件：{exc}", code="input.encoding") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError("文件编码无法识别（不是 UTF-8），也可能是二进制文件。", code="input.encoding")
    raise InputError(
        "文件不是 UTF-8 编码，疑似 GBK/GB18030 编码。请用 --encoding gbk 读取，或先转换为 UTF-8。",
        code="input.encoding_gbk",
    )


def read_text(path: Path, *, encoding: str | None = None, data: bytes | None = None) -> RawDocument:
    """Read a text disclosure into raw lines (line numbers are the file's, 1-based)."""
    data = path.read_bytes() if data is None else data
    text = decode_text(data, encoding)
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.rstrip("\r\n")
        cells = tuple(line.split("\t"))
        is_row = len(cells) > 1
        if not is_row and not line.strip():
            cells = ()
        lines.append(RawLine(cells=cells, line=number, is_row=is_row))
    return RawDocument(
        file=path.name,
        format="txt",
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        lines=tuple(lines),
    )

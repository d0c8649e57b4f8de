"""The text form: one table row per line, cells separated by tabs, empty cells kept."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..errors import InputError
from .encoding import ENCODING_ZH, bom_encoding, utf16_without_bom
from .raw import RawDocument, RawLine, ReadNote

# Bytes that never occur in a text disclosure; a few of them mean the file is binary.
_CONTROL = bytes(set(range(0, 9)) | {11, 12} | set(range(14, 32)))
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SAMPLE = 65536
# A text disclosure is small (the reference: 0.2 MB; a large department's under 1 MB) and its
# lines cost far more memory than their bytes once read, recognised and written as JSON (about
# 20 times: 10 MB took 600 MB). Above this a text file is refused, keeping a read within ~150 MB.
MAX_TEXT_BYTES = 5 * 1024 * 1024


def decode_text(data: bytes, encoding: str | None = None) -> str:
    """Decode in the encoding the user named, or the one a byte-order mark (or UTF-16's zero bytes)
    shows, or UTF-8; refuse binary data and suggest --encoding for GBK."""
    named = encoding or bom_encoding(data) or utf16_without_bom(data)
    if named:
        return _checked(_decoded(data, named, given=bool(encoding)))
    if not data.strip():
        raise InputError("文件为空，没有可读取的内容。", code="input.empty")
    sample = data[:_SAMPLE]
    controls = len(sample.translate(None, _NOT_CONTROL))  # count control bytes at C speed
    if b"\x00" in sample or controls > len(sample) // 100 + 2:
        raise _binary()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        raise InputError("文件编码无法识别（不是 UTF-8），也可能是二进制文件。", code="input.encoding") from None
    raise InputError(
        "文件不是 UTF-8 编码，疑似 GBK/GB18030 编码。请用 --encoding gbk 读取，或先转换为 UTF-8。",
        code="input.encoding_gbk",
    )


def truncated_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    """Whether UTF-8 failed only because the last character was cut off (a download or copy cut short):
    all before it decodes. Such a file is no GBK file, whatever GB18030 makes of its bytes."""
    return exc.reason == "unexpected end of data" and exc.end == len(data) and len(data) - exc.start < 4 and \
        _decodes(data[:exc.start], "utf-8")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _decoded(data: bytes, encoding: str, *, given: bool) -> str:
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except (UnicodeDecodeError, LookupError) as exc:
        said = f"无法按 {encoding} 编码读取该文件" if given else f"文件开头标明为 {ENCODING_ZH.get(encoding, encoding)} 编码，但内容无法按此编码读取"
        raise InputError(f"{said}：{exc}", code="input.encoding") from exc


def _checked(text: str) -> str:
    """Decoded text refused when empty or binary (control characters other than tab and line ends)."""
    if not text.strip():
        raise InputError("文件为空，没有可读取的内容。", code="input.empty")
    sample = text[:_SAMPLE]
    if "\x00" in sample or len(_CONTROL_CHARS.findall(sample)) > len(sample) // 100 + 2:
        raise _binary()
    return text


def _binary() -> InputError:
    return InputError("文件不是文本文件（含二进制内容），无法按文本读取。", code="input.binary")


def read_text(path: Path, *, encoding: str | None = None, data: bytes | None = None) -> RawDocument:
    """Read a text disclosure into raw lines (line numbers are the file's, 1-based)."""
    data = path.read_bytes() if data is None else data
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(
            f"文本文件过大（{len(data) / 1048576:.1f} MB），超过文本文件的上限 {MAX_TEXT_BYTES // 1048576} MB。"
            "一份预算公开文本通常不足 1 MB，请确认文件是否正确。",
            code="input.text_too_large",
        )
    text, notes = _text_and_notes(data, encoding)
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
        notes=notes,
    )


def _text_and_notes(data: bytes, encoding: str | None) -> tuple[str, tuple[ReadNote, ...]]:
    """The decoded text; a UTF-8 file whose last character was cut off is read without it, and said so."""
    if encoding is None and not bom_encoding(data) and not utf16_without_bom(data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if truncated_utf8(data, exc):
                cut = data[exc.start:]
                return decode_text(data[:exc.start]), (ReadNote(
                    "read.truncated", f"文件末尾被截断：最后 {len(cut)} 个字节（{cut.hex(' ')}）不是完整的 UTF-8 字符，已略去；"
                                      "文件可能未下载或保存完整，请核对结尾。"),)
    return decode_text(data, encoding), ()

"""Which encoding a text file is in, judged by its bytes: a byte-order mark first, then strict UTF-8,
then UTF-16 without a mark, then GB18030 (the superset of GBK that Excel and Notepad on Chinese
Windows write). Shared by the text reader and the folder form of the budget book."""
from __future__ import annotations

import codecs

# UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Display names for messages.
ENCODING_ZH = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
               "utf-16-be": "UTF-16", "utf-32": "UTF-32", "gb18030": "GBK/GB18030"}


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark at the start names, or None."""
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def utf16_without_bom(data: bytes) -> str | None:
    """utf-16-le or utf-16-be when the bytes look like UTF-16 text without a mark: ASCII characters
    (digits, commas, tabs, line ends) leave a zero byte on one side (an ideograph such as 一 U+4E00
    rarely on the other); None otherwise."""
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    sample = data[:65536]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if min(even, odd) * 4 >= max(even, odd):
        return None
    name = "utf-16-le" if odd > even else "utf-16-be"
    try:
        data.decode(name)
    except UnicodeDecodeError:
        return None
    return name


def guess_encoding(data: bytes) -> str | None:
    """The encoding the bytes decode in (mark, UTF-8, UTF-16, GB18030), or None when none fits."""
    named = bom_encoding(data) or utf16_without_bom(data)
    for name in (named,) if named else ("utf-8", "gb18030"):
        try:
            data.decode(name)
        except UnicodeDecodeError:
            continue
        return name
    return None

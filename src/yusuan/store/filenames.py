"""The name an uploaded file is shown and downloaded under: its last path part, made harmless.

A browser or client may send any text as the file name: paths of either system (``..\\..\\evil.txt``),
``..``, control characters, NUL (which PostgreSQL refuses), characters Windows forbids, device
names (``CON``), or 10,000 characters. The store keeps the file's bytes exactly; its name only
serves people, so it is cleaned once, here, before anything is stored.
"""
from __future__ import annotations

import re
import unicodedata

FALLBACK = "upload"
MAX_CHARS = 200
_FORBIDDEN = re.compile(r'[<>:"|?*]')  # Windows cannot save these
_WINDOWS_DEVICES = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def _visible(ch: str) -> str:
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf", "Cs", "Co", "Cn"):  # controls, invisible formatting, surrogates, unassigned
        return ""
    return " " if category in ("Zl", "Zp", "Zs") else ch


def display_name(raw: str | None) -> str:
    """``..\\..\\evil.txt`` → ``evil.txt``; ``..`` → ``upload``; ``.txt`` → ``upload.txt``."""
    last = re.split(r"[\\/]", raw or "")[-1]
    name = "".join(_visible(ch) for ch in unicodedata.normalize("NFC", last))
    name = re.sub(r" +", " ", _FORBIDDEN.sub("_", name)).strip(" .")
    if not name:
        return FALLBACK
    stem, dot, suffix = name.rpartition(".")
    if not stem and not dot:
        stem, suffix = name, ""
    if last.lstrip(" ").startswith(".") and "." not in name:  # ".txt" was a bare extension
        stem, dot, suffix = FALLBACK, ".", name
    if stem.split(".")[0].upper() in _WINDOWS_DEVICES:
        stem = "_" + stem
    suffix = suffix[:20]
    stem = stem[: MAX_CHARS - len(dot) - len(suffix)]
    return f"{stem}{dot}{suffix}"

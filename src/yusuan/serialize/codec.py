"""A small generic codec between frozen dataclasses and JSON data.

Decimals travel as strings (``"4411.49"``) so no float ever touches money; enums by value;
tuples as lists. Loading is driven by the dataclasses' type hints, so load(dump(d)) == d.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any, Iterator, Union, get_args, get_origin

from ..model import Disclosure

FORMAT_VERSION = 1


_PLAIN = frozenset({str, int, float, bool, type(None)})
_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    """A dataclass's field names in order (looked up once per class: a disclosure has ~10⁴ records)."""
    if cls not in _FIELDS:
        _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
    return _FIELDS[cls]


def to_data(obj: Any) -> Any:
    """Plain JSON-able data for a record (dataclass fields in order; None kept)."""
    cls = type(obj)
    if cls in _PLAIN:
        return obj
    names = _field_names(cls)
    if names is not None:
        return {name: to_data(getattr(obj, name)) for name in names}
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Decimal):
        return format(obj, "f")  # never exponent form: "10", not "1E+1"
    if isinstance(obj, (tuple, list)):
        return [to_data(x) for x in obj]
    if isinstance(obj, (frozenset, set)):
        return sorted(to_data(x) for x in obj)
    return obj


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_data(tp: Any, data: Any) -> Any:
    """Rebuild a value of type `tp` from `to_data` output."""
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        if data is None:
            return None
        return from_data(args[0], data) if len(args) == 1 else data
    if origin is tuple:
        items = get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(from_data(items[0], x) for x in data)
        return tuple(from_data(a, x) for a, x in zip(items, data))
    if origin in (frozenset, set):
        (arg,) = get_args(tp)
        return frozenset(from_data(arg, x) for x in data)
    if tp is Decimal:
        return Decimal(data)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        kwargs = {
            f.name: from_data(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.init and f.name in data
        }
        return tp(**kwargs)
    return data


def dump_disclosure(d: Disclosure) -> dict[str, Any]:
    return {"format": "yusuan.disclosure", "version": FORMAT_VERSION, "disclosure": to_data(d)}


def load_disclosure(data: dict[str, Any]) -> Disclosure:
    if data.get("format") != "yusuan.disclosure":
        raise ValueError("not a yusuan disclosure document")
    return from_data(Disclosure, data["disclosure"])


def dumps(d: Disclosure, *, indent: int | None = 1) -> str:
    return json.dumps(dump_disclosure(d), ensure_ascii=False, indent=indent)


def iter_json(d: Disclosure, *, indent: int | None = 1) -> Iterator[str]:
    """The text of `dumps` in pieces, for writing a large disclosure without holding its whole text
    (and the pieces json.dumps joins) in memory."""
    return json.JSONEncoder(ensure_ascii=False, indent=indent).iterencode(dump_disclosure(d))


def write_disclosure_json(d: Disclosure, path: Path) -> Path:
    """`dumps(d)` and a line end written to `path` atomically, piece by piece."""
    from ..files import write_chunks_atomic

    return write_chunks_atomic(path, chain(iter_json(d), ("\n",)))


def loads(text: str) -> Disclosure:
    return load_disclosure(json.loads(text))

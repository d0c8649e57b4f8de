"""The JSON Schema of the disclosure JSON, generated from the model's type hints.

The published copy lives in docs/disclosure.schema.json; a test keeps it equal to this output.
Field docs come from each record's docstring so the schema documents the model.
"""
from __future__ import annotations

import dataclasses
import json
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any, Union, get_args, get_origin

from ..model import Disclosure

DECIMAL = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$", "description": "exact decimal as text"}


def _schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        options = [_schema(a, defs) for a in get_args(tp)]
        return {"anyOf": options}
    if origin is tuple:
        args = get_args(tp)
        if len(args) == 2 and args[1] is Ellipsis:
            return {"type": "array", "items": _schema(args[0], defs)}
        return {"type": "array", "prefixItems": [_schema(a, defs) for a in args], "minItems": len(args),
                "maxItems": len(args)}
    if origin in (frozenset, set):
        return {"type": "array", "items": _schema(get_args(tp)[0], defs)}
    if tp is type(None):
        return {"type": "null"}
    if tp is Decimal:
        return dict(DECIMAL)
    if tp is str:
        return {"type": "string"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"enum": [m.value for m in tp]}
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder breaks recursion
            hints = typing.get_type_hints(tp)
            fields = [f for f in dataclasses.fields(tp) if f.init]
            defs[name] = {
                "type": "object",
                "description": (tp.__doc__ or name).strip(),
                "properties": {f.name: _schema(hints[f.name], defs) for f in fields},
                "required": [f.name for f in fields],
                "additionalProperties": False,
            }
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no schema for {tp!r}")


def disclosure_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    root = _schema(Disclosure, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://yusuan.invalid/schema/disclosure.schema.json",
        "title": "yusuan disclosure (部门预算公开)",
        "description": "A budget disclosure read by yusuan. Money is exact decimal text with its unit "
        "(元/万元) and printed places; every value carries its provenance.",
        "type": "object",
        "properties": {
            "format": {"const": "yusuan.disclosure"},
            "version": {"const": 1},
            "disclosure": root,
        },
        "required": ["format", "version", "disclosure"],
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def main() -> None:  # python -m yusuan.serialize.schema > docs/disclosure.schema.json
    print(json.dumps(disclosure_schema(), ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

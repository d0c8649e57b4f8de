"""JSON: the disclosure in the project's one serialisation (what ``yusuan ingest`` writes)."""
from __future__ import annotations

from pathlib import Path

from ..model import Disclosure
from .registry import Renderer


def write_json(d: Disclosure, path: Path) -> Path:
    from ..serialize import write_disclosure_json

    return write_disclosure_json(d, path)


RENDERER = Renderer("json", ".json", write_json, "预算公开数据（JSON）")

"""Renderers by format name, registered through one path — the built-in ones as a third party would.

A renderer is a name (``xlsx``), the file suffix it writes and a function ``(Disclosure, Path) -> Path``.
The built-in renderers are listed as ``module:attribute`` targets in `DEFAULT_RENDERERS` and loaded
through `register`, exactly like a plug-in calling ``register(Renderer(...))`` or declaring an entry
point in the ``yusuan.renderers`` group; a second renderer under a taken name is refused.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..model import Disclosure

Write = Callable[[Disclosure, Path], Path]
DEFAULT_RENDERERS = (
    "yusuan.render.json:RENDERER",
    "yusuan.render.xlsx:RENDERER",
    "yusuan.render.docx:RENDERER",
    "yusuan.render.html:RENDERER",
    "yusuan.render.pdf:RENDERER",
)
ENTRY_POINT_GROUP = "yusuan.renderers"


@dataclass(frozen=True)
class Renderer:
    """name: the format name users pass (``--format xlsx``); suffix: the output file's suffix;
    write: writes the disclosure to the path and returns it; title: a short Chinese description."""

    name: str
    suffix: str
    write: Write
    title: str = ""

    def __post_init__(self) -> None:
        if not self.name.isidentifier() or not self.suffix.startswith("."):
            raise ValueError(f"bad renderer declaration: {self.name!r} {self.suffix!r}")


class DuplicateRenderer(ValueError):
    pass


_REGISTRY: dict[str, Renderer] = {}
_loaded = False


def register(renderer: Renderer) -> Renderer:
    """Add a renderer; a name already taken is refused (two writers for one format is a mistake)."""
    if renderer.name in _REGISTRY and _REGISTRY[renderer.name] is not renderer:
        raise DuplicateRenderer(f"renderer {renderer.name!r} is already registered")
    _REGISTRY[renderer.name] = renderer
    return renderer


def _load(target: str) -> Renderer:
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def _load_all() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for target in DEFAULT_RENDERERS:
        register(_load(target))
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        register(ep.load())


def renderers() -> dict[str, Renderer]:
    """Every registered renderer by name (built-ins loaded on first use)."""
    _load_all()
    return dict(_REGISTRY)


def renderer(name: str) -> Renderer:
    from ..errors import InputError

    found = renderers().get(name.strip().lower())
    if found is None:
        known = "、".join(sorted(_REGISTRY))
        raise InputError(f"不支持的输出格式“{name}”，可用的格式：{known}。", code="render.unknown_format")
    return found

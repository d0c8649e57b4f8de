"""Writers for every output format: XLSX, DOCX, PDF, HTML, JSON (see registry.py).

`render(d, ["xlsx", "html"], out_dir)` writes one file per format, named after the publication.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ..model import Disclosure
from .registry import Renderer, register, renderer, renderers

__all__ = ["render", "output_name", "Renderer", "register", "renderer", "renderers"]

Progress = Callable[[str, Path], None]


def output_name(d: Disclosure) -> str:
    """The files' stem: ``阳泉市民政局-2025年部门预算`` (characters a file system refuses removed)."""
    year = f"{d.meta.year}年" if d.meta.year else ""
    stage = "部门决算" if d.meta.stage.value == "final_accounts" else "部门预算"
    stem = f"{d.meta.organisation or '预算公开'}-{year}{stage}"
    return re.sub(r'[\\/:*?"<>|\s]+', "_", stem)


def render(d: Disclosure, formats: list[str], out_dir: Path, progress: Progress | None = None) -> list[Path]:
    """Write `d` in each format into `out_dir`; the paths written, in the order asked.

    An unknown format is refused (InputError) before anything is written.
    """
    chosen = [renderer(f) for f in dict.fromkeys(formats)]
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for r in chosen:
        path = r.write(d, out_dir / f"{output_name(d)}{r.suffix}")
        written.append(path)
        if progress:
            progress(r.name, path)
    return written

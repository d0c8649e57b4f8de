"""The bundled Jiangsu files (samples/jiangsu/) by short name: ``cppcc-office-2018-tables`` …"""
from __future__ import annotations

from pathlib import Path

JIANGSU = Path(__file__).resolve().parent.parent / "samples" / "jiangsu"


def short_name(path: Path) -> str:
    """``js-cppcc-office-2018-dept-budget-tables-600311.pdf`` → ``cppcc-office-2018-tables``."""
    return path.stem.removeprefix("js-").rsplit("-", 1)[0].replace("-dept-budget", "")


JIANGSU_FILES: dict[str, Path] = {short_name(p): p for p in sorted(JIANGSU.glob("js-*.pdf"))}

"""The bundled budget book compiled once for the tests that write it out and read it back."""
from __future__ import annotations

from pathlib import Path

import pytest

from yusuan.author import build_disclosure

SAMPLE_BOOK = Path(__file__).resolve().parents[2] / "src" / "yusuan" / "author" / "samples" / "yangquan-2025"


@pytest.fixture(scope="session")
def compiled():
    return build_disclosure(SAMPLE_BOOK)

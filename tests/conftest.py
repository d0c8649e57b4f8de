"""Shared fixtures: the corpus documents bundled in samples/."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REFERENCE = SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt"
PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE


@pytest.fixture(scope="session")
def reference_raw():
    from yusuan.sources.detect import read_source

    return read_source(REFERENCE)


@pytest.fixture(scope="session")
def reference(reference_raw):
    """The reference disclosure, parsed once per test session."""
    from yusuan.recognize.pipeline import recognize

    return recognize(reference_raw)

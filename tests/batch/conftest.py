"""A small corpus in every format the readers take: the bundled reference (text), the Shanghai PDFs,
one publication written as XLSX and DOCX by the project's own renderers, and two files that
cannot be read (a truncated PDF, an empty text file)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REFERENCE = SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt"
PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))

RENDERED_FROM = "putuo-welfare-home-2024-unit-budget.pdf"  # the smallest Shanghai publication


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """The welfare home's publication re-rendered as XLSX and DOCX (read back by the batch)."""
    from yusuan.ingest import read_disclosure
    from yusuan.render import render

    d = read_disclosure(next(p for p in PDFS if p.name == RENDERED_FROM))
    out = tmp_path_factory.mktemp("rendered")
    return {p.suffix: p for p in render(d, ["xlsx", "docx"], out)}


@pytest.fixture(scope="session")
def corpus_master(tmp_path_factory, rendered) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    (root / "shanxi").mkdir()
    shutil.copy(REFERENCE, root / "shanxi" / REFERENCE.name)
    (root / "shanghai").mkdir()
    for p in PDFS:
        shutil.copy(p, root / "shanghai" / p.name)
    (root / "office").mkdir()
    shutil.copy(rendered[".xlsx"], root / "office" / "福利院-2024.xlsx")
    shutil.copy(rendered[".docx"], root / "office" / "福利院-2024.docx")
    (root / "bad").mkdir()
    (root / "bad" / "truncated.pdf").write_bytes(PDFS[0].read_bytes()[:3000])
    (root / "bad" / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture
def corpus(corpus_master, tmp_path) -> Path:
    """A private copy, so that a test may change files."""
    return Path(shutil.copytree(corpus_master, tmp_path / "corpus"))


@pytest.fixture(scope="session")
def one_batch(corpus_master, tmp_path_factory):
    """The whole corpus through the local pool once (2 workers), shared by the read-only tests."""
    from yusuan.batch.run import BatchOptions, run_batch

    out = tmp_path_factory.mktemp("batch-out")
    return run_batch([corpus_master], BatchOptions(out=out, workers=2)), out

"""Issue 20: the reader beside the PDFium floor, in one process (run through bench_pdf.py --floor).

floor: pypdfium2's plain text of every page (get_textpage().get_text_range()), the least any reader
pays; full: in-process ingest + audit (read_disclosure then audit), what a warm `yusuan audit` does.
CPU (process) time, so other work on the shared machine disturbs it less; each figure the median
of `repeat` runs, floor and full taken in turn.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared/corpus")
PUTUO = sorted((SHARED / "pdf").glob("*.pdf")) or sorted((ROOT / "samples" / "pdf").glob("*.pdf"))
JIANGSU = sorted((SHARED / "jiangsu").glob("*.pdf")) or sorted((ROOT / "samples" / "jiangsu").glob("*.pdf"))
PREFIXES = (50, 100, 250, 500)


def floor(path: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path.read_bytes())
    try:
        for page in doc:
            page.get_textpage().get_text_range()
        return len(doc)
    finally:
        doc.close()


def reader(path: Path) -> None:
    from yusuan.sources.pdf import PdfSettings, read_pdf

    read_pdf(path, settings=PdfSettings(max_pages=max(PREFIXES)))


def full(path: Path) -> None:
    from yusuan.audit.runner import audit
    from yusuan.ingest import read_disclosure

    audit(read_disclosure(path, max_pages=max(PREFIXES)))


def timed(runs: dict, repeat: int) -> dict[str, float]:
    """Median CPU seconds of each run, the runs taken in turn `repeat` times after one warm-up."""
    for fn in runs.values():
        fn()
    seen: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(repeat):
        for name, fn in runs.items():
            start = time.process_time()
            fn()
            seen[name].append(time.process_time() - start)
    return {name: statistics.median(v) for name, v in seen.items()}


def ratios(repeat: int) -> None:
    print(f"{'file':54} {'pages':>5} {'floor ms':>8} {'full ms':>8} {'ratio':>6}")
    found = []
    for path in PUTUO + JIANGSU:
        pages = floor(path)
        t = timed({"floor": lambda p=path: floor(p), "full": lambda p=path: full(p)}, repeat)
        found.append(t["full"] / t["floor"])
        print(f"{path.name:54} {pages:>5} {1000 * t['floor']:>8.1f} {1000 * t['full']:>8.1f} {found[-1]:>6.2f}")
    print(f"{'median ratio (target ≤ 4)':54} {len(found):>5} {'':>8} {'':>8} {statistics.median(found):>6.2f}"
          f"   (range {min(found):.2f}–{max(found):.2f})")


def long_pdf(folder: Path, pages: int) -> Path:
    """The first `pages` pages of the corpus PDFs concatenated, over and over (pypdf)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    sources = [PdfReader(p) for p in PUTUO + JIANGSU]
    while len(writer.pages) < pages:
        for source in sources:
            for page in source.pages[: pages - len(writer.pages)]:
                writer.add_page(page)
    out = folder / f"long-{pages}.pdf"
    with out.open("wb") as f:
        writer.write(f)
    return out


def linearity(repeat: int) -> None:
    print(f"\n{'pages':>5} {'floor ms/p':>10} {'reader ms/p':>11} {'full ms/p':>10} {'full/floor':>10}")
    with tempfile.TemporaryDirectory() as tmp:
        for pages in PREFIXES:
            path = long_pdf(Path(tmp), pages)
            t = timed({"floor": lambda p=path: floor(p), "reader": lambda p=path: reader(p), "full": lambda p=path: full(p)},
                      max(1, repeat // 2))
            print(f"{pages:>5} {1000 * t['floor'] / pages:>10.2f} {1000 * t['reader'] / pages:>11.2f}"
                  f" {1000 * t['full'] / pages:>10.2f} {t['full'] / t['floor']:>10.2f}", flush=True)


def main(repeat: int = 5) -> None:
    ratios(repeat)
    linearity(repeat)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)

"""The page beside a finding: time to open a document page, a finding's source panel, and its page
picture cold (PDFium render + PNG) and warm (in-memory cache, and a browser's 304 revalidation).

    .venv/bin/python bench/bench_review.py [PDF]

Target: a page picture ≤ 0.3 s cold, ≤ 5 ms warm; the document page ≤ 1 s.
"""
from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from yusuan.store import StoreConfig
from yusuan.web import WebConfig, create_app

ROOT = Path(__file__).resolve().parents[1]


def timed(fn, n: int = 1) -> float:
    runs = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main(pdf: Path) -> None:
    data = Path(tempfile.mkdtemp())
    app = create_app(WebConfig(store=StoreConfig(data_dir=data, database_url=f"sqlite:///{data}/b.db")))
    TestClient(app).post("/api/documents", files={"files": (pdf.name, pdf.read_bytes())})
    c = TestClient(app)
    print(f"{pdf.name}")
    print(f"  document page          {timed(lambda: c.get('/documents/1?rounding=1'), 5) * 1000:7.1f} ms (median of 5)")
    fps = re.findall(r'data-fp="([0-9a-f]+)"', c.get("/documents/1?rounding=1").text)
    pngs = []
    for fp in fps:
        panel = c.get(f"/documents/1/findings/{fp}/source").text
        pngs.append(re.search(r'src="([^"]+\.png[^"]*)"', panel).group(1).replace("&amp;", "&"))
    print(f"  source panel           {timed(lambda: c.get(f'/documents/1/findings/{fps[0]}/source'), 5) * 1000:7.1f} ms")
    cold = [timed(lambda u=u: c.get(u)) for u in dict.fromkeys(pngs)]
    print(f"  page picture, cold     {statistics.median(cold) * 1000:7.1f} ms (median of {len(cold)} pages, max {max(cold) * 1000:.1f})")
    print(f"  page picture, cached   {timed(lambda: c.get(pngs[0]), 20) * 1000:7.1f} ms")
    etag = c.get(pngs[0]).headers["etag"]
    print(f"  revalidation (304)     {timed(lambda: c.get(pngs[0], headers={'If-None-Match': etag}), 20) * 1000:7.1f} ms")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "samples" / "pdf" / "putuo-wanli-2025-dept-budget.pdf")

"""The bundled samples, found the same way by the CLI (`yusuan demo`) and the web app (its loaded sample).

The reference disclosure ships inside the package (package data), so `yusuan demo` works from an
installed wheel; the repository's ``samples/`` keeps a link to it for the tests and benchmarks.
"""
from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent

# 阳泉市民政局 2025年度部门预算公开: the reference document (provenance in samples/README.md).
REFERENCE_DISCLOSURE = _HERE / "yangquan-civil-affairs-2025-dept-budget.txt"
# The budget book the demo compiles into a publication (a folder of CSV and YAML).
REFERENCE_BOOK = _HERE.parent / "author" / "samples" / "yangquan-2025"

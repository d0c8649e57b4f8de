"""What a batch has done so far, kept in its output folder so that a second run resumes.

``OUT/results.jsonl`` holds one line per file (its result without the large texts);
``OUT/documents/<sha256>.json``, ``OUT/reports/<sha256>.json`` and ``OUT/amounts/<sha256>.json`` hold
the disclosure, the audit report and the amount rows of each file read. The texts are written before the line, so a line means its files exist;
a line cut short by a crash is ignored and that file is simply read again. Files are known by
content: a renamed or moved file is not read twice, an edited one is read anew.
"""
from __future__ import annotations

import json
from dataclasses import asdict, fields, replace
from pathlib import Path

from ..files import write_text_atomic
from .job import AUDITED, UNREADABLE, FileResult

JOURNAL = "results.jsonl"
TEXTS = {"disclosure_json": "documents", "report_json": "reports", "amounts_json": "amounts"}
# A failure of ours (exit 70) may be gone in the next version or on a quieter machine: retried.
FINAL = frozenset({AUDITED, UNREADABLE})
_RECORD_FIELDS = [f.name for f in fields(FileResult) if f.name not in TEXTS]


class BatchState:
    def __init__(self, out: Path) -> None:
        self.out = out
        out.mkdir(parents=True, exist_ok=True)
        self.results: dict[str, FileResult] = {}  # by sha256; the last record of a content wins
        for rec in _read_journal(out / JOURNAL):
            self.results[rec.sha256] = rec

    def done(self, sha256: str) -> bool:
        r = self.results.get(sha256)
        return r is not None and r.status in FINAL

    def record(self, r: FileResult) -> None:
        """Keep a result: its texts first, then its journal line (flushed at once)."""
        for attr, folder in TEXTS.items():
            if getattr(r, attr):
                write_text_atomic(self.out / folder / f"{r.sha256}.json", getattr(r, attr))
        line = json.dumps({k: v for k, v in asdict(r).items() if k not in TEXTS}, ensure_ascii=False)
        with (self.out / JOURNAL).open("a+b") as f:
            # a line a crash cut short has no line end: this record starts on a line of its own
            torn = f.tell() > 0 and (f.seek(f.tell() - 1), f.read(1))[1] != b"\n"
            f.write((b"\n" if torn else b"") + line.encode("utf-8") + b"\n")
        self.results[r.sha256] = replace(r, **dict.fromkeys(TEXTS, ""))  # type: ignore[arg-type]  # TEXTS: str fields

    def text(self, r: FileResult, attr: str) -> str:
        """The disclosure or report text of a result, from the output folder."""
        p = self.out / TEXTS[attr] / f"{r.sha256}.json"
        return p.read_text(encoding="utf-8") if r.read and p.exists() else ""


def _read_journal(path: Path) -> list[FileResult]:
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():  # a cut may split a character
        try:
            data = json.loads(line)
            fields_ = {k: data[k] for k in _RECORD_FIELDS if k in data}
            out.append(FileResult(**fields_ | {"units": tuple(fields_.get("units", ()))}))
        except (ValueError, TypeError):  # a line cut short by a crash: that file is read again
            continue
    return out

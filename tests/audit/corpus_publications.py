"""Regenerate corpus_publications.json: what the reader names of every corpus publication (run from the
project root; minutes). The records feed test_partners_corpus.py."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from yusuan.ingest import read_disclosure

SHARED = Path("/work/shared")


def main() -> None:
    root = SHARED / "corpus"
    files = [(p, p.relative_to(root).as_posix()) for p in sorted(root.rglob("*"))
             if p.suffix.lower() in (".pdf", ".txt")]
    files += [(p, f"checklists/{p.name}") for p in sorted((SHARED / "checklists").glob("*.pdf"))]
    out = []
    for path, name in files:
        d = read_disclosure(path)
        units = [u.name for u in d.organisation.units] if d.organisation else []
        out.append({"document": name, "organisation": d.meta.organisation, "year": d.meta.year, "level": d.meta.level.value,
                    "stage": d.meta.stage.value, "region": d.meta.region, "units": units})
        print(name, d.meta.organisation, file=sys.stderr)
    Path(__file__).with_name("corpus_publications.json").write_text(
        json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

"""Regenerate tests/recognize/corpus_printed.json: for every document of the shared corpus, the tables it
prints as yusuan reads them (page, kind, title). Run after a reader change that is meant to change them,
then review the diff (each changed line is a table read differently) before committing it:

    .venv/bin/python tests/recognize/corpus_printed.py [/work/shared/corpus]

test_corpus_printed.py checks the list against poppler's text of each page, not against our reader.
"""
from __future__ import annotations

import json
import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "corpus_printed.json"


def printed(path: str) -> list[list]:
    from yusuan.ingest import read_disclosure

    d = read_disclosure(Path(path))
    return [[t.provenance.page, t.kind.value, t.title] for t in d.tables]


def dumps(data: dict[str, list[list]]) -> str:
    """One document a block, one table a line: a reader change shows in review as the lines it changed."""
    blocks = []
    for name, tables in data.items():
        rows = ",\n".join("  " + json.dumps(t, ensure_ascii=False) for t in tables)
        blocks.append(f"{json.dumps(name)}: [\n{rows}\n]" if tables else f"{json.dumps(name)}: []")
    return "{\n" + ",\n".join(blocks) + "\n}\n"


def main(corpus: Path) -> None:
    from yusuan.batch.discover import discover

    files = sorted(str(p) for p in discover([str(corpus)]))
    with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
        lists = list(pool.map(printed, files))
    data = {str(Path(f).relative_to(corpus)): tables for f, tables in zip(files, lists)}
    OUT.write_text(dumps(data), encoding="utf-8")
    print(f"{len(data)} documents, {sum(map(len, data.values()))} tables → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus"))

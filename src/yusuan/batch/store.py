"""A batch's results into the store (SQLite by default, PostgreSQL with YUSUAN_DATABASE_URL), through
the store's own ingest path: the same rows an upload makes, once per content."""
from __future__ import annotations

from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path

from ..serialize import loads
from .job import FileResult
from .state import BatchState


@dataclass(frozen=True)
class Stored:
    created: int
    existing: int
    changed: tuple[str, ...]  # files edited since they were read: not stored (run the batch again)


def store_results(store, state: BatchState, results: list[FileResult], *, user: str = "批量检查") -> Stored:
    created = existing = 0
    changed = []
    for r in results:
        if not r.read:
            continue  # the store keeps what it can read; the batch's files say what it could not
        data = Path(r.path).read_bytes()
        if sha256(data).hexdigest() != r.sha256:
            changed.append(r.path)
            continue
        doc = store.ingest_read(r.path, data, loads(state.text(r, "disclosure_json")),
                                state.text(r, "report_json"), user=user)
        created += doc.created
        existing += not doc.created
    return Stored(created, existing, tuple(changed))

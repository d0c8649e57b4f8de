"""Deleting a wrong upload, on the record: the document version goes (its amounts with it), a row
in `deletions` stays — who deleted what (file, organisation, year, version, content hash), when
and why. Acceptances belong to the publication and stay for its other versions."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from .schema import Deletion, Document


@dataclass(frozen=True)
class DeletionRecord:
    document_id: int
    filename: str
    organisation: str
    year: int | None
    level: str
    stage: str
    version: int
    sha256: str
    deleted_by: str
    deleted_at: datetime  # UTC, naive (as every time in the store)
    reason: str

    @classmethod
    def of(cls, row: Deletion) -> "DeletionRecord":
        return cls(row.document_id, row.filename, row.organisation, row.year, row.level, row.stage, row.version,
                   row.sha256, row.deleted_by, row.deleted_at, row.reason)


def delete_document(store, doc_id: int, *, user: str, reason: str = "") -> DeletionRecord | None:
    """Delete one document version and record it, in one transaction; None if there is none."""
    with store.sessions.begin() as s:
        doc = s.get(Document, doc_id)
        if doc is None:
            return None
        row = Deletion(document_id=doc.id, sha256=doc.sha256, filename=doc.filename, organisation=doc.organisation,
                       year=doc.year, level=doc.level, stage=doc.stage, version=doc.version,
                       uploaded_by=doc.uploaded_by, uploaded_at=doc.uploaded_at, deleted_by=user[:100],
                       deleted_at=datetime.now(timezone.utc).replace(tzinfo=None), reason=reason[:500])
        s.add(row)
        s.delete(doc)
        s.flush()
        return DeletionRecord.of(row)


def deletions(store, limit: int = 100) -> list[DeletionRecord]:
    """The most recent deletions first."""
    with store.sessions() as s:
        q = select(Deletion).order_by(Deletion.deleted_at.desc(), Deletion.id.desc()).limit(limit)
        return [DeletionRecord.of(r) for r in s.scalars(q)]

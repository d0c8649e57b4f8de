"""The store's operations: ingest a file once, list, fetch, accept findings, users."""
from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from ..errors import InputError
from ..model import Disclosure
from ..recognize.pipeline import recognize
from ..serialize import dumps, loads
from ..sources.detect import read_source
from .amounts import amount_rows
from .config import StoreConfig
from .schema import Acceptance, AmountRow, Document


@dataclass(frozen=True)
class StoredDocument:
    """A document as listed: what it is, its version, and its open finding counts."""

    id: int
    sha256: str
    filename: str
    format: str
    size: int
    uploaded_at: datetime
    publication_key: str
    version: int
    organisation: str
    year: int | None
    level: str
    stage: str
    template: str
    errors: int
    warnings: int
    infos: int
    created: bool = False

    @classmethod
    def of(cls, doc: Document, created: bool = False) -> "StoredDocument":
        return cls(
            doc.id, doc.sha256, doc.filename, doc.format, doc.size, doc.uploaded_at, doc.publication_key,
            doc.version, doc.organisation, doc.year, doc.level, doc.stage, doc.template, doc.errors,
            doc.warnings, doc.infos, created,
        )


def publication_key(d: Disclosure) -> str:
    m = d.meta
    return f"{m.organisation}|{m.year or ''}|{m.level.value}|{m.stage.value}"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class DocumentStore:
    def __init__(self, config: StoreConfig, engine: Engine, sessions: sessionmaker) -> None:
        self.config, self.engine, self.sessions = config, engine, sessions
        self._inflight: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    # -- ingest ------------------------------------------------------------------------------
    def ingest(self, filename: str, data: bytes, *, user: str | None = None) -> StoredDocument:
        """Store a file with its disclosure and audit, once per content; InputError stores nothing."""
        if len(data) > self.config.max_upload_bytes:
            limit = self.config.max_upload_bytes // (1024 * 1024)
            raise InputError(f"文件过大：{len(data) // 1024} KB，上限为 {limit} MB。", code="input.too_large")
        sha = hashlib.sha256(data).hexdigest()
        with self._guard:  # the same file uploaded many times at once is parsed once
            lock = self._inflight.setdefault(sha, threading.Lock())
        with lock:
            found = self.find_by_hash(sha)
            if found:
                return found
            name = Path(filename).name or "upload"
            disclosure = recognize(read_source(Path(name), data=data, max_pages=self.config.max_pages))  # parse before any write
            return self._insert(name, data, sha, disclosure, user)

    def ingest_read(self, filename: str, data: bytes, d: Disclosure, report_json: str | None = None,
                    *, user: str | None = None) -> StoredDocument:
        """Store a file read (and audited) elsewhere — by a batch's workers — once per content.
        `report_json` is its audit report (`report_to_json`); None audits here."""
        sha = hashlib.sha256(data).hexdigest()
        return self.find_by_hash(sha) or self._insert(Path(filename).name or "upload", data, sha, d, user, report_json)

    def _insert(self, name: str, data: bytes, sha: str, d: Disclosure, user: str | None,
                report: str | None = None) -> StoredDocument:
        key = publication_key(d)
        try:
            with self.sessions.begin() as s:
                version = (s.scalar(select(func.max(Document.version)).where(Document.publication_key == key)) or 0) + 1
                accepted = self._accepted(s, key)
                report_json, counts = _audit_json(d, accepted) if report is None else (
                    report, _counts(json.loads(report), accepted))
                doc = Document(
                    sha256=sha, filename=name[:500], format=d.source.format, size=len(data), content=data,
                    uploaded_at=_now(), uploaded_by=user, publication_key=key, version=version,
                    organisation=d.meta.organisation[:200], year=d.meta.year, level=d.meta.level.value,
                    stage=d.meta.stage.value, template=d.meta.template, disclosure_json=dumps(d, indent=None),
                    report_json=report_json, **counts,
                )
                doc.amounts = [AmountRow(**r) for r in amount_rows(d)]
                s.add(doc)
                s.flush()
                return StoredDocument.of(doc, created=True)
        except IntegrityError:  # the same file stored concurrently: that one wins
            found = self.find_by_hash(sha)
            if found is None:
                raise
            return found

    # -- reading -----------------------------------------------------------------------------
    def find_by_hash(self, sha: str) -> StoredDocument | None:
        with self.sessions() as s:
            doc = s.scalar(select(Document).where(Document.sha256 == sha))
            return StoredDocument.of(doc) if doc else None

    def get(self, doc_id: int) -> StoredDocument | None:
        with self.sessions() as s:
            doc = s.get(Document, doc_id)
            return StoredDocument.of(doc) if doc else None

    def list(self, *, search: str = "", year: int | None = None, level: str | None = None,
             template: str | None = None, limit: int = 500) -> list[StoredDocument]:
        q = select(Document).order_by(Document.organisation, Document.year.desc(), Document.version.desc())
        if search:
            q = q.where(Document.organisation.contains(search) | Document.filename.contains(search))
        if year:
            q = q.where(Document.year == year)
        if level:
            q = q.where(Document.level == level)
        if template:
            q = q.where(Document.template == template)
        with self.sessions() as s:
            return [StoredDocument.of(d) for d in s.scalars(q.limit(limit))]

    def disclosure(self, doc_id: int) -> Disclosure | None:
        with self.sessions() as s:
            text = s.scalar(select(Document.disclosure_json).where(Document.id == doc_id))
            return loads(text) if text else None

    def report_data(self, doc_id: int) -> dict | None:
        """The stored audit report as JSON data, with the current acceptances applied."""
        with self.sessions() as s:
            doc = s.get(Document, doc_id)
            if doc is None or doc.report_json is None:
                return None
            data = json.loads(doc.report_json)
            accepted = self._accepted(s, doc.publication_key)
        for f in data.get("findings", []):
            f["accepted"] = f.get("fingerprint") in accepted
        return data

    def content(self, doc_id: int) -> tuple[str, bytes] | None:
        with self.sessions() as s:
            row = s.execute(select(Document.filename, Document.content).where(Document.id == doc_id)).first()
            return (row[0], row[1]) if row else None

    def versions(self, doc_id: int) -> list[StoredDocument]:
        doc = self.get(doc_id)
        if doc is None:
            return []
        with self.sessions() as s:
            q = select(Document).where(Document.publication_key == doc.publication_key).order_by(Document.version)
            return [StoredDocument.of(d) for d in s.scalars(q)]

    # -- acceptances -------------------------------------------------------------------------
    @staticmethod
    def _accepted(s, key: str) -> set[str]:
        return set(s.scalars(select(Acceptance.fingerprint).where(Acceptance.publication_key == key)))

    def accept(self, doc_id: int, fingerprint: str, *, reason: str = "", user: str = "local") -> bool:
        """Mark a finding of this publication as accepted (a false alarm); kept across re-uploads."""
        with self.sessions.begin() as s:
            doc = s.get(Document, doc_id)
            if doc is None:
                return False
            data = json.loads(doc.report_json or "{}")
            finding = next((f for f in data.get("findings", []) if f.get("fingerprint") == fingerprint), None)
            if finding is None:
                return False
            if fingerprint not in self._accepted(s, doc.publication_key):
                s.add(Acceptance(publication_key=doc.publication_key, fingerprint=fingerprint,
                                 rule=finding.get("rule", ""), reason=reason, accepted_by=user, accepted_at=_now()))
                s.flush()
            accepted = self._accepted(s, doc.publication_key)
            for d in s.scalars(select(Document).where(Document.publication_key == doc.publication_key)):
                _recount(d, accepted)
            return True

    def delete(self, doc_id: int) -> bool:
        with self.sessions.begin() as s:
            doc = s.get(Document, doc_id)
            if doc is None:
                return False
            s.delete(doc)
            return True


def _audit_json(d: Disclosure, accepted: set[str]) -> tuple[str | None, dict[str, int]]:
    """The audit report as JSON text and its open counts (None if the audit is not installed)."""
    try:
        from ..audit.runner import audit
        from ..report.json_report import report_to_json
    except ImportError:
        return None, {"errors": 0, "warnings": 0, "infos": 0}
    data = report_to_json(audit(d))
    text = json.dumps(data, ensure_ascii=False)
    return text, _counts(data, accepted)


def _counts(data: dict, accepted: set[str]) -> dict[str, int]:
    open_ = [f for f in data.get("findings", []) if f.get("fingerprint") not in accepted]
    return {
        "errors": sum(f["severity"] == "error" for f in open_),
        "warnings": sum(f["severity"] == "warning" for f in open_),
        "infos": sum(f["severity"] == "info" for f in open_),
    }


def _recount(doc: Document, accepted: set[str]) -> None:
    counts = _counts(json.loads(doc.report_json or "{}"), accepted)
    doc.errors, doc.warnings, doc.infos = counts["errors"], counts["warnings"], counts["infos"]

"""The store's operations: ingest a file once, list, fetch, accept findings, users."""
from __future__ import annotations

import builtins
import hashlib
import json
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import sessionmaker

from ..errors import InputError
from ..model import Disclosure
from ..recognize.compilation import first_publication
from ..recognize.prose.names import organisation_key
from ..serialize import dumps, loads
from ..sources.detect import read_source
from .amounts import amount_rows
from .config import StoreConfig
from .filenames import display_name
from .schema import Acceptance, AmountRow, Base, Document


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


Reader = Callable[[str, bytes, int], "tuple[Disclosure, str | None]"]  # name, bytes, max pages → disclosure, report
VERSION_ATTEMPTS = 30  # each lost race means another upload of the publication committed first


def publication_key(d: Disclosure, sha: str) -> str:
    """The publication a file is a version of (versions share acceptances): one organisation's
    disclosure of one year, level and stage. Never empty or ambiguous: without a recognised
    organisation or year the file is a publication of its own (its content hash)."""
    m = d.meta
    return key_of(m.organisation, m.year, m.level.value, m.stage.value, sha)


def key_of(organisation: str, year: int | None, level: str, stage: str, sha: str) -> str:
    """中共江苏省委办公厅 and 江苏省委办公厅 are one organisation (`organisation_key`); the name is
    kept within the column (String(400)) and cannot forge the separator."""
    org = organisation_key(organisation or "").replace("|", "｜")[:300]
    if not org or year is None:
        return f"sha256:{sha}"
    return f"{org}|{year}|{level}|{stage}"


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class DocumentStore:
    def __init__(self, config: StoreConfig, engine: Engine, sessions: sessionmaker) -> None:
        self.config, self.engine, self.sessions = config, engine, sessions
        self._inflight: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    # -- ingest ------------------------------------------------------------------------------
    def ingest(self, filename: str, data: bytes, *, user: str | None = None, read: Reader | None = None) -> StoredDocument:
        """Store a file with its disclosure and audit, once per content; InputError stores nothing.
        `read` reads and audits the file elsewhere (the web server's reading process)."""
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
            name = display_name(filename)
            disclosure, report = (read or read_here)(name, data, self.config.max_pages)  # parse before any write
            return self._insert(name, data, sha, disclosure, user, report)

    def ingest_read(self, filename: str, data: bytes, d: Disclosure, report_json: str | None = None,
                    *, user: str | None = None) -> StoredDocument:
        """Store a file read (and audited) elsewhere — by a batch's workers — once per content.
        `report_json` is its audit report (`report_to_json`); None audits here."""
        sha = hashlib.sha256(data).hexdigest()
        return self.find_by_hash(sha) or self._insert(Path(filename).name or "upload", data, sha, d, user, report_json)

    def _insert(self, name: str, data: bytes, sha: str, d: Disclosure, user: str | None,
                report: str | None = None) -> StoredDocument:
        """Insert with the next version number of its publication. Two uploads may read the same
        highest version at once; the unique (publication, version) constraint refuses the second,
        which counts again and retries: numbers are never shared and never skipped."""
        key = publication_key(d, sha)
        fields, counted, amounts = _document_fields(name, data, sha, d, user, key, report)  # once, whatever the retries
        for attempt in range(VERSION_ATTEMPTS):
            try:
                with self.sessions.begin() as s:
                    doc = Document(**fields, version=next_version(s, key), uploaded_at=_now(),
                                   **_counts(counted, self._accepted(s, key)))
                    s.add(doc)
                    s.flush()
                    insert_amounts(s, doc.id, amounts)
                    return StoredDocument.of(doc, created=True)
            except IntegrityError:
                found = self.find_by_hash(sha)  # the same file stored concurrently: that one wins
                if found is not None:
                    return found
                if attempt == VERSION_ATTEMPTS - 1:
                    raise
                time.sleep(0.01 * (attempt + 1))  # another version took this number: count again
        raise AssertionError("unreachable")

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
            # autoescape: % and _ in what a user types are characters, not wildcards
            q = q.where(Document.organisation.contains(search, autoescape=True)
                        | Document.filename.contains(search, autoescape=True))
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
            accepted = self._acceptances(s, doc.publication_key)
        for f in data.get("findings", []):
            f["accepted"] = f.get("fingerprint") in accepted
            if f["accepted"]:
                f["acceptance"] = accepted[f["fingerprint"]]
        return data

    def content(self, doc_id: int) -> tuple[str, bytes] | None:
        with self.sessions() as s:
            row = s.execute(select(Document.filename, Document.content).where(Document.id == doc_id)).first()
            return (row[0], row[1]) if row else None

    def versions(self, doc_id: int) -> builtins.list[StoredDocument]:  # `list` here is the method above
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

    @staticmethod
    def _acceptances(s, key: str) -> dict[str, dict]:
        """Who accepted which finding of a publication, when (UTC, naive) and why."""
        rows = s.scalars(select(Acceptance).where(Acceptance.publication_key == key))
        return {a.fingerprint: {"reason": a.reason or "", "by": a.accepted_by, "at": a.accepted_at.isoformat()}
                for a in rows}

    def unaccept(self, doc_id: int, fingerprint: str) -> bool:
        """Undo an acceptance: the finding counts as open again in every version of the publication."""
        with self.sessions.begin() as s:
            doc = s.get(Document, doc_id)
            if doc is None:
                return False
            found = s.scalar(select(Acceptance).where(Acceptance.publication_key == doc.publication_key,
                                                      Acceptance.fingerprint == fingerprint))
            if found is None:
                return False
            s.delete(found)
            s.flush()
            accepted = self._accepted(s, doc.publication_key)
            for d in s.scalars(select(Document).where(Document.publication_key == doc.publication_key)):
                _recount(d, accepted)
            return True

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

    def delete(self, doc_id: int, *, user: str = "local", reason: str = "") -> bool:
        """Delete a document version, recorded in the deletions trail (store/deletions.py)."""
        from .deletions import delete_document

        return delete_document(self, doc_id, user=user, reason=reason) is not None


def next_version(s, key: str) -> int:
    """The next version number of a publication, as this transaction sees it."""
    return (s.scalar(select(func.max(Document.version)).where(Document.publication_key == key)) or 0) + 1


def insert_amounts(s, document_id: int, amounts: list[dict]) -> None:
    """The amount rows in one executemany (SQLAlchemy Core): a document has hundreds to thousands,
    and an ORM object each costs more than reading them."""
    if amounts:
        s.execute(insert(Base.metadata.tables[AmountRow.__tablename__]), [{**r, "document_id": document_id} for r in amounts])


def _document_fields(name: str, data: bytes, sha: str, d: Disclosure, user: str | None,
                     key: str, report: str | None = None) -> tuple[dict, dict, list[dict]]:
    """A new document's columns but its version, time and counts; its audit report (`report` when
    audited elsewhere, as by a batch's workers); its amounts."""
    report_data = audit_data(d) if report is None else json.loads(report or "{}")
    report_json = json.dumps(report_data, ensure_ascii=False) if report is None else report
    fields = dict(
        sha256=sha, filename=name[:500], format=d.source.format[:10], size=len(data), content=data,
        uploaded_by=user, publication_key=key, organisation=d.meta.organisation[:200], year=d.meta.year,
        level=d.meta.level.value, stage=d.meta.stage.value, template=d.meta.template,
        disclosure_json=dumps(d, indent=None), report_json=report_json,
    )
    return fields, report_data, amount_rows(d)


def read_here(name: str, data: bytes, max_pages: int) -> tuple[Disclosure, None]:
    """Read in this process; the audit is run when the document is stored."""
    return first_publication(read_source(Path(name), data=data, max_pages=max_pages)), None


def audit_data(d: Disclosure) -> dict:
    """The audit report as JSON data (the audit is part of yusuan: a missing one is a broken install)."""
    from ..audit.runner import audit
    from ..report.json_report import report_to_json

    return report_to_json(audit(d), d)  # locations name columns and sections as printed


def audit_json(d: Disclosure) -> str:
    """The audit report as JSON text."""
    return json.dumps(audit_data(d), ensure_ascii=False)


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

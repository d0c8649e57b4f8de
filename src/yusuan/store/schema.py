"""The tables. Disclosures and reports are kept whole as JSON text (exact Decimal strings); the
`amounts` table flattens every printed amount for queries, exact (text + integer 分), never float."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Document(Base):
    """An uploaded file, kept as uploaded; one row per distinct content (sha256). Ids are never reused
    (SQLite AUTOINCREMENT; PostgreSQL sequences), so a link to a deleted document never shows another."""

    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("publication_key", "version", name="uq_documents_publication_version"),
                      {"sqlite_autoincrement": True})
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    filename: Mapped[str] = mapped_column(String(500))
    format: Mapped[str] = mapped_column(String(10))
    size: Mapped[int] = mapped_column(BigInteger)
    # the three large columns load only when read: listing documents must not pull every file (web lists, versions)
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_at: Mapped[datetime] = mapped_column(DateTime)
    uploaded_by: Mapped[str | None] = mapped_column(String(100))
    # The publication this file is a version of: same organisation, year, level and stage.
    publication_key: Mapped[str] = mapped_column(String(400), index=True)
    version: Mapped[int] = mapped_column(Integer)
    organisation: Mapped[str] = mapped_column(String(200), index=True)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    level: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str] = mapped_column(String(20))
    template: Mapped[str] = mapped_column(String(30))
    disclosure_json: Mapped[str] = mapped_column(Text, deferred=True)
    report_json: Mapped[str | None] = mapped_column(Text, deferred=True)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)
    infos: Mapped[int] = mapped_column(Integer, default=0)
    # written in bulk (repository.insert_amounts); deleted by the database (ON DELETE CASCADE), not one by one
    amounts: Mapped[list["AmountRow"]] = relationship(back_populates="document", cascade="all, delete-orphan",
                                                      passive_deletes=True)


class AmountRow(Base):
    """One printed amount of a table, for research queries across documents."""

    __tablename__ = "amounts"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    table_id: Mapped[str] = mapped_column(String(10))
    table_kind: Mapped[str] = mapped_column(String(40), index=True)
    row_index: Mapped[int] = mapped_column(Integer)
    code: Mapped[str | None] = mapped_column(String(20), index=True)
    label: Mapped[str] = mapped_column(String(500))
    column_key: Mapped[str] = mapped_column(String(40))
    value_text: Mapped[str] = mapped_column(Text)  # exact Decimal text in `unit`, however many digits
    unit: Mapped[str] = mapped_column(String(4))
    yuan_fen: Mapped[int | None] = mapped_column(BigInteger)  # exact integer 分, when representable
    line: Mapped[int | None] = mapped_column(Integer)
    page: Mapped[int | None] = mapped_column(Integer)
    document: Mapped[Document] = relationship(back_populates="amounts")


class Acceptance(Base):
    """A finding a reviewer accepted as a false alarm, for every version of a publication."""

    __tablename__ = "acceptances"
    __table_args__ = (UniqueConstraint("publication_key", "fingerprint"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    publication_key: Mapped[str] = mapped_column(String(400), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    rule: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(Text, default="")
    accepted_by: Mapped[str] = mapped_column(String(100))
    accepted_at: Mapped[datetime] = mapped_column(DateTime)


class WebSession(Base):
    """A signed-in browser session, revocable server-side: the cookie carries a random token, the
    store keeps only its SHA-256; logging out deletes the row, and the cookie stops working."""

    __tablename__ = "web_sessions"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    username: Mapped[str] = mapped_column(String(100), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    expires_at: Mapped[datetime] = mapped_column(DateTime)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20))  # reviewer | viewer
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Deletion(Base):
    """A document version a reviewer deleted: who, when (UTC, naive), why and what it was. Kept
    after the document is gone (no foreign key): the store's audit trail of deletions."""

    __tablename__ = "deletions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    filename: Mapped[str] = mapped_column(String(500))
    organisation: Mapped[str] = mapped_column(String(200))
    year: Mapped[int | None] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(20))
    stage: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(Integer)
    uploaded_by: Mapped[str | None] = mapped_column(String(100))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime)
    deleted_by: Mapped[str] = mapped_column(String(100))
    deleted_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    reason: Mapped[str] = mapped_column(Text, default="")

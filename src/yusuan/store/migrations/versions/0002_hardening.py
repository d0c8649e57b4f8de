"""hardening: one number per version of a publication, ids never reused, revocable sessions

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-05 08:00:00

- documents: versions that concurrent uploads numbered twice are renumbered in upload order (id),
  then (publication_key, version) is unique;
- documents on SQLite: rebuilt with AUTOINCREMENT, so the id of a deleted newest document is never
  given to the next upload (PostgreSQL sequences never reuse ids already);
- web_sessions: server-side sessions, so logging out revokes the cookie.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

UNIQUE_VERSION = "uq_documents_publication_version"


def _renumber_duplicate_versions() -> None:
    """Give every document of a publication holding a duplicated version number its place in upload
    order (1, 2, 3 … by id); publications without duplicates keep their numbers."""
    conn = op.get_bind()
    docs = sa.table("documents", sa.column("id", sa.Integer), sa.column("publication_key", sa.String),
                    sa.column("version", sa.Integer))
    duplicated = conn.execute(
        sa.select(docs.c.publication_key).group_by(docs.c.publication_key, docs.c.version)
        .having(sa.func.count() > 1)
    ).scalars().all()
    for key in set(duplicated):
        ids = conn.execute(sa.select(docs.c.id).where(docs.c.publication_key == key)
                           .order_by(docs.c.version, docs.c.id)).scalars().all()
        for number, doc_id in enumerate(ids, start=1):
            conn.execute(docs.update().where(docs.c.id == doc_id).values(version=number))


def upgrade() -> None:
    _renumber_duplicate_versions()
    if op.get_bind().dialect.name == "sqlite":
        # the store runs migrations with foreign keys off, so rebuilding the table keeps `amounts`
        with op.batch_alter_table("documents", recreate="always",
                                  table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.create_unique_constraint(UNIQUE_VERSION, ["publication_key", "version"])
    else:
        op.create_unique_constraint(UNIQUE_VERSION, "documents", ["publication_key", "version"])
    op.create_table(
        "web_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_web_sessions_username"), ["username"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("web_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_web_sessions_username"))
    op.drop_table("web_sessions")
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("documents", recreate="always",
                                  table_kwargs={"sqlite_autoincrement": False}) as batch_op:
            batch_op.drop_constraint(UNIQUE_VERSION, type_="unique")
    else:
        op.drop_constraint(UNIQUE_VERSION, "documents", type_="unique")

"""deletions: the audit trail of deleted documents; the bundled sample leaves the real store

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 13:00:00

- deletions: one row per deleted document version (who, when, why, what it was), kept after the
  document is gone.
- documents: the bundled sample that `yusuan serve` used to load into every store (uploaded by
  "示例") is removed from it — the demo has a store of its own now (`yusuan serve --demo`); each
  removal is recorded in `deletions`.
"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

SAMPLE_UPLOADER = "示例"
DOCS = sa.table("documents", sa.column("id", sa.Integer), sa.column("sha256", sa.String),
                sa.column("filename", sa.String), sa.column("organisation", sa.String), sa.column("year", sa.Integer),
                sa.column("level", sa.String), sa.column("stage", sa.String), sa.column("version", sa.Integer),
                sa.column("uploaded_by", sa.String), sa.column("uploaded_at", sa.DateTime))


def upgrade() -> None:
    deletions = op.create_table(
        'deletions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('filename', sa.String(length=500), nullable=False),
        sa.Column('organisation', sa.String(length=200), nullable=False),
        sa.Column('year', sa.Integer(), nullable=True),
        sa.Column('level', sa.String(length=20), nullable=False),
        sa.Column('stage', sa.String(length=20), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('uploaded_by', sa.String(length=100), nullable=True),
        sa.Column('uploaded_at', sa.DateTime(), nullable=False),
        sa.Column('deleted_by', sa.String(length=100), nullable=False),
        sa.Column('deleted_at', sa.DateTime(), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('deletions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_deletions_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_deletions_deleted_at'), ['deleted_at'], unique=False)
    conn = op.get_bind()
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    for r in conn.execute(sa.select(DOCS).where(DOCS.c.uploaded_by == SAMPLE_UPLOADER)).all():
        conn.execute(deletions.insert().values(
            document_id=r.id, sha256=r.sha256, filename=r.filename, organisation=r.organisation, year=r.year,
            level=r.level, stage=r.stage, version=r.version, uploaded_by=r.uploaded_by, uploaded_at=r.uploaded_at,
            deleted_by="系统升级", deleted_at=now, reason="随附示例不再放入正式文档库（演示模式另有单独的库）"))
        # amounts go with the document (ON DELETE CASCADE; on SQLite with foreign keys on, as the store runs)
        conn.execute(sa.text("DELETE FROM amounts WHERE document_id = :id"), {"id": r.id})
        conn.execute(DOCS.delete().where(DOCS.c.id == r.id))


def downgrade() -> None:
    with op.batch_alter_table('deletions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_deletions_deleted_at'))
        batch_op.drop_index(batch_op.f('ix_deletions_document_id'))
    op.drop_table('deletions')

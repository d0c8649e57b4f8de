"""publication keys never empty or ambiguous; amounts of any length

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 10:00:00

- documents: the publication key is recomputed (store/repository.key_of): a file whose organisation
  or year was not recognised becomes a publication of its own (its content hash) instead of a
  "version" of every other such file, and 中共江苏省委办公厅 / 江苏省委办公厅 share one key. Versions
  are renumbered in upload order (uploaded_at, id) within each new key.
- acceptances: an acceptance follows each new publication its old one split into whose documents
  report that finding (which document it was made on was not recorded: it is kept on each rather
  than lost; a reviewer can undo it there).
- amounts.value_text: text of any length (a 45-digit misprint was refused by PostgreSQL).
"""
import json

from alembic import op
import sqlalchemy as sa

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

DOCS = sa.table("documents", sa.column("id", sa.Integer), sa.column("sha256", sa.String),
                sa.column("publication_key", sa.String), sa.column("version", sa.Integer),
                sa.column("organisation", sa.String), sa.column("year", sa.Integer), sa.column("level", sa.String),
                sa.column("stage", sa.String), sa.column("uploaded_at", sa.DateTime),
                sa.column("report_json", sa.Text))
ACCEPTANCES = sa.table("acceptances", sa.column("id", sa.Integer), sa.column("publication_key", sa.String),
                       sa.column("fingerprint", sa.String), sa.column("rule", sa.String),
                       sa.column("reason", sa.Text), sa.column("accepted_by", sa.String),
                       sa.column("accepted_at", sa.DateTime))


def _fingerprints(report_json: str | None) -> set[str]:
    return {f.get("fingerprint") for f in json.loads(report_json or "{}").get("findings", [])}


def _rekey() -> None:
    from yusuan.store.repository import key_of

    conn = op.get_bind()
    rows = conn.execute(sa.select(DOCS.c.id, DOCS.c.sha256, DOCS.c.publication_key, DOCS.c.organisation,
                                  DOCS.c.year, DOCS.c.level, DOCS.c.stage)
                        .order_by(DOCS.c.uploaded_at, DOCS.c.id)).all()
    new_keys: dict = {}
    split: dict = {}
    versions: dict = {}
    for r in rows:
        key = key_of(r.organisation, r.year, r.level, r.stage, r.sha256)
        new_keys[r.id] = key
        split.setdefault(r.publication_key, {}).setdefault(key, []).append(r.id)
        versions[r.id] = versions.get(key, 0) + 1
        versions[key] = versions[r.id]
    for r in rows:  # negative first: (key, version) stays unique at every step
        conn.execute(DOCS.update().where(DOCS.c.id == r.id).values(version=-r.id))
    for r in rows:
        conn.execute(DOCS.update().where(DOCS.c.id == r.id).values(publication_key=new_keys[r.id],
                                                                    version=versions[r.id]))
    for a in conn.execute(sa.select(ACCEPTANCES)).all():
        targets = split.get(a.publication_key, {})
        if list(targets) == [a.publication_key]:
            continue  # the publication kept its key
        conn.execute(ACCEPTANCES.delete().where(ACCEPTANCES.c.id == a.id))
        for key, ids in targets.items():
            reports = conn.execute(sa.select(DOCS.c.report_json).where(DOCS.c.id.in_(ids))).scalars()
            taken = conn.execute(sa.select(ACCEPTANCES.c.id).where(ACCEPTANCES.c.publication_key == key,
                                                                   ACCEPTANCES.c.fingerprint == a.fingerprint)).first()
            if not taken and any(a.fingerprint in _fingerprints(text) for text in reports):
                conn.execute(ACCEPTANCES.insert().values(
                    publication_key=key, fingerprint=a.fingerprint, rule=a.rule, reason=a.reason,
                    accepted_by=a.accepted_by, accepted_at=a.accepted_at))


def upgrade() -> None:
    with op.batch_alter_table("amounts") as batch_op:
        batch_op.alter_column("value_text", type_=sa.Text(), existing_type=sa.String(40), existing_nullable=False)
    _rekey()


def downgrade() -> None:
    # the keys stay as they are (the old empty ones merged unrelated files); only the column narrows back
    with op.batch_alter_table("amounts") as batch_op:
        batch_op.alter_column("value_text", type_=sa.String(40), existing_type=sa.Text(), existing_nullable=False)

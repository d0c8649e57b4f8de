"""Alembic environment: runs on the connection the store hands over (no alembic.ini needed)."""
from alembic import context

from yusuan.store.org_schema import OrgEntry  # noqa: F401  (its table in the metadata)
from yusuan.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters tables by copy
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()

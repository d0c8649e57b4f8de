"""Opening the store: engine, SQLite pragmas, migrations to head."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import sessionmaker

from ..errors import YusuanError
from .config import StoreConfig

MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(YusuanError):
    exit_code = 4
    code = "store.unavailable"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def make_engine(config: StoreConfig) -> Engine:
    url = config.url
    if url.startswith("sqlite"):
        config.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def alembic_config():
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to the newest revision (idempotent)."""
    _alembic(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Take the schema back to an older revision (for developers; data of dropped tables is lost)."""
    _alembic(engine, "downgrade", revision)


def _alembic(engine: Engine, action: str, revision: str) -> None:
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # SQLite alters a table by rebuilding it: dropping the old one must not cascade
            _foreign_keys(conn, on=False)
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                getattr(command, action)(cfg, revision)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise StoreError("数据库迁移后存在无效的外键引用，已撤销迁移。")
        finally:
            if sqlite:
                _foreign_keys(conn, on=True)


def _foreign_keys(conn, *, on: bool) -> None:
    """PRAGMA foreign_keys only takes effect outside a transaction: set it and commit at once."""
    conn.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    conn.commit()


def open_store(config: StoreConfig | None = None):
    """A ready DocumentStore: engine made, schema migrated."""
    from sqlalchemy.exc import OperationalError

    from .repository import DocumentStore

    config = config or StoreConfig()
    engine = make_engine(config)
    try:
        migrate(engine)
    except OperationalError as exc:
        raise StoreError(f"无法连接或初始化数据库（{engine.url.render_as_string(hide_password=True)}）：{exc.orig}") from exc
    return DocumentStore(config, engine, sessionmaker(engine, expire_on_commit=False))

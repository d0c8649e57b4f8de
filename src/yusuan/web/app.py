"""Building the FastAPI app: store, sessions, templates, static files, error shape, routers."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

from ..store import StoreConfig, open_store
from . import errors, validate
from .headers import SecurityHeaders, csp_nonce
from .limits import BodyLimit, RequestLimits
from .security import check_csrf, session_secret
from .throttle import LoginLimits, LoginThrottle
from .validate import reject_control_characters

HERE = Path(__file__).parent


@dataclass(frozen=True)
class WebConfig:
    """auth: logins required for changes; demo: a separate demo store (`demo_store`) with the bundled
    sample loaded at start and a banner on every page — never the real store's list, compare or
    部门与单位 (a real store starts empty);
    login_limits: failed logins allowed per user name and per address (web/throttle.py);
    limits: what one request may send (web/limits.py); read_in_worker: where uploads are read."""

    store: StoreConfig = field(default_factory=StoreConfig)
    auth: bool = False
    demo: bool = False
    session_cookie: str = "yusuan_session"
    login_limits: LoginLimits = field(default_factory=LoginLimits)
    limits: RequestLimits | None = None  # None: the defaults, uploads sized from store.max_upload_bytes
    read_in_worker: bool = True  # uploads read in a worker process (web/reading.py), not in the server's

    @property
    def request_limits(self) -> RequestLimits:
        return self.limits or RequestLimits(upload_bytes=4 * self.store.max_upload_bytes)


def create_app(config: WebConfig | None = None) -> FastAPI:
    config = config or WebConfig()
    store = open_store(demo_store(config.store) if config.demo else config.store)
    app = FastAPI(
        title="yusuan 预算公开审核",
        description="上传、读取、检查和比较部门预算公开文件。所有错误以统一格式返回：{error: {code, message, status, detail}}。",
        version="0.1.0",
        dependencies=[Depends(reject_control_characters), Depends(check_csrf)],
        docs_url=None, redoc_url=None, openapi_url=None,  # served by apidocs.py: vendored, behind login
    )
    app.state.config = config
    app.state.store = store
    app.state.throttle = LoginThrottle(config.login_limits)
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"), context_processors=[csp_nonce])
    app.state.templates.env.filters["bound"] = _bound
    app.add_middleware(
        SessionMiddleware, secret_key=session_secret(config.store.data_dir), session_cookie=config.session_cookie,
        same_site="lax", https_only=False, max_age=8 * 3600,
    )
    app.add_middleware(BodyLimit, limits=config.request_limits)  # inside the session, outside the routes
    # outside even Starlette's error middleware: a 500 has the headers too
    app.build_middleware_stack = lambda: SecurityHeaders(FastAPI.build_middleware_stack(app))  # type: ignore[method-assign]
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    errors.install(app)
    validate.install(app)
    from . import api, apidocs, catalogue, deletions, login, org_page, orgs, pages, review

    review.install(app)  # the document page, page pictures, acceptances
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(login.router)
    app.include_router(apidocs.router)
    app.include_router(orgs.router)
    app.include_router(catalogue.router)
    app.include_router(deletions.router)
    app.include_router(org_page.router)
    if config.demo:
        load_sample(store)
    return app


def _bound(text: str | None) -> str:
    """A computed tolerance for people: at most four decimals (the JSON keeps the exact value)."""
    from decimal import Decimal, InvalidOperation

    from ..text.numbers import bound, number

    try:
        return number(bound(Decimal(text)), grouped=False) if text not in (None, "") else ""
    except InvalidOperation:
        return str(text)


def demo_store(real: StoreConfig) -> StoreConfig:
    """The demo's own SQLite store, in a folder of the data directory: whatever the real one is."""
    folder = real.data_dir / "demo"
    return replace(real, data_dir=folder, database_url=f"sqlite:///{(folder / 'yusuan.db').as_posix()}")


def load_sample(store) -> None:
    from ..samples import REFERENCE_DISCLOSURE as SAMPLE

    if SAMPLE.exists():
        store.ingest(SAMPLE.name, SAMPLE.read_bytes(), user="示例")

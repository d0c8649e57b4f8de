"""A web app over each store backend; an API client without cookies (as another system calls it)."""
import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def make_app(store_config, monkeypatch):
    from yusuan.web import WebConfig, create_app

    monkeypatch.delenv("YUSUAN_DATABASE_URL", raising=False)
    apps = []

    def make(**kw):
        app = create_app(WebConfig(store=store_config, **kw))
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.state.store.engine.dispose()


@pytest.fixture
def api(make_app):
    return TestClient(make_app())


@pytest.fixture
def reference_upload(reference_path):
    return {"files": ("阳泉市民政局2025.txt", reference_path.read_bytes(), "text/plain")}

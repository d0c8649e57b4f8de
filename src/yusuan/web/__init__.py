"""The web app and API (FastAPI + Jinja2 + htmx, ECharts vendored): upload, read, check, compare."""
from .app import WebConfig, create_app

__all__ = ["WebConfig", "create_app"]

"""The interactive API documentation at /docs, from the vendored Swagger UI: nothing is loaded from
another host, so it works on an offline government network (FastAPI's default uses a CDN)."""
from __future__ import annotations

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html

router = APIRouter(include_in_schema=False)
SWAGGER_UI = "/static/vendor/swagger-ui"  # version in vendor/README.md
VERSION = "5.35.0"


@router.get("/docs")
def docs():
    return get_swagger_ui_html(
        openapi_url="/openapi.json", title="yusuan API 文档",
        swagger_js_url=f"{SWAGGER_UI}-bundle-{VERSION}.js", swagger_css_url=f"{SWAGGER_UI}-{VERSION}.css",
        swagger_favicon_url=f"{SWAGGER_UI}-favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
    )

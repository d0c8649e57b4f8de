"""The interactive API documentation at /docs and its schema at /openapi.json, from the vendored
Swagger UI: nothing is loaded from another host, so it works on an offline government network
(FastAPI's default uses a CDN). With --auth both need a login, as the API itself does."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse

from .security import require_reader

router = APIRouter(include_in_schema=False)
SWAGGER_UI = "/static/vendor/swagger-ui"  # version in vendor/README.md
VERSION = "5.35.0"


@router.get("/docs")
def docs(request: Request):
    require_reader(request)
    page = get_swagger_ui_html(
        openapi_url="/openapi.json", title="yusuan API 文档",
        swagger_js_url=f"{SWAGGER_UI}-bundle-{VERSION}.js", swagger_css_url=f"{SWAGGER_UI}-{VERSION}.css",
        swagger_favicon_url=f"{SWAGGER_UI}-favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from validator.swagger.io
    )
    # its one inline script runs under the page's CSP nonce (web/headers.py)
    html = bytes(page.body).decode().replace("<script>", f'<script nonce="{request.state.csp_nonce}">')
    return HTMLResponse(html)


@router.get("/openapi.json")
def openapi(request: Request):
    require_reader(request)
    return JSONResponse(request.app.openapi())

"""One error shape for every API error: {"error": {"code", "message" (Chinese), "status", "detail"}}."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputError, YusuanError

HTTP_ZH = {
    400: "请求有误。", 401: "需要登录。", 403: "没有权限执行此操作。", 404: "未找到。",
    405: "不支持该请求方法。", 413: "上传的文件过大。", 415: "不支持的文件类型。",
    422: "请求参数不正确。", 500: "服务器内部错误。",
}
STATUS_BY_CODE = {"input.too_large": 413, "input.wrong_type": 415, "input.unsupported": 415}


DISK_FULL = ("disk is full", "no space left", "could not extend", "disk full", "diskfull")


def database_failure(exc: Exception) -> tuple[int, str, str]:
    """A database that cannot answer or cannot write: status, code and a Chinese message. The server
    keeps answering what needs no database (pages' assets, the login page)."""
    text = f"{type(getattr(exc, 'orig', exc)).__name__} {getattr(exc, 'orig', exc)}".lower()
    if any(sign in text for sign in DISK_FULL):
        return 507, "store.disk_full", "磁盘已满：数据库无法写入，请联系管理员清理磁盘空间。"
    return 503, "store.unavailable", "数据库不可用，请稍后再试或联系管理员。"


class ApiError(Exception):
    def __init__(self, status: int, message: str, code: str = "", detail: object = None) -> None:
        self.status, self.message, self.code, self.detail = status, message, code or f"http.{status}", detail


def error_body(status: int, code: str, message: str, detail: object = None) -> dict:
    return {"error": {"code": code, "message": message, "status": status, "detail": detail}}


def _respond(request: Request, status: int, code: str, message: str, detail: object = None):
    wants_html = not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", "")
    if wants_html:
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message, "code": code}, status_code=status
        )
    return JSONResponse(error_body(status, code, message, detail), status_code=status)


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(request: Request, exc: ApiError):
        return _respond(request, exc.status, exc.code, exc.message, exc.detail)

    @app.exception_handler(YusuanError)
    async def _yusuan(request: Request, exc: YusuanError):
        status = STATUS_BY_CODE.get(exc.code, 400 if isinstance(exc, InputError) else 500)
        return _respond(request, status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) and not exc.detail.isascii() else HTTP_ZH.get(
            exc.status_code, "请求失败。")
        return _respond(request, exc.status_code, f"http.{exc.status_code}", message)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        detail = [{"loc": list(e.get("loc", ())), "type": e.get("type")} for e in exc.errors()]
        return _respond(request, 422, "request.invalid", HTTP_ZH[422], detail)

    @app.exception_handler(OperationalError)
    @app.exception_handler(InterfaceError)
    async def _database(request: Request, exc: Exception):
        return _respond(request, *database_failure(exc))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        return _respond(request, 500, "server.error", f"服务器内部错误：{type(exc).__name__}")

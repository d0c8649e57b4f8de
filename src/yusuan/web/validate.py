"""Checks at the edge: what a request carries is refused with a 4xx before it can reach the database.

PostgreSQL refuses NUL in text and integers beyond 2^31−1 (DataError); SQLite refuses integers
beyond 2^63−1 (OverflowError). Neither is the user's fault to see as a 500, and neither may leave a
connection in a failed transaction: ids and years are bounded in the route signatures (DocId,
Year), text in the path and query is checked once for every request, and request bodies that
the API reads itself (the reason of an acceptance) are read here.
"""
from __future__ import annotations

import json
import unicodedata
from typing import Annotated

from fastapi import FastAPI, Path, Query, Request
from sqlalchemy.exc import DataError

from .errors import HTTP_ZH, ApiError, _respond
from .forms import read_form

MAX_DB_INT = 2**31 - 1  # PostgreSQL INTEGER; SQLite's limit is wider
MAX_REASON_CHARS = 2000

DocId = Annotated[int, Path(ge=1, le=MAX_DB_INT, description="文档编号")]
OptionalDocId = Annotated[int | None, Query(ge=1, le=MAX_DB_INT, description="文档编号")]
Year = Annotated[int | None, Query(ge=1900, le=2999, description="年度")]
RequiredYear = Annotated[int, Query(ge=1900, le=2999, description="年度")]
Page = Annotated[int, Path(ge=1, le=100_000, description="页码")]
OptionalPage = Annotated[int | None, Query(ge=1, le=100_000, description="页码")]


def page_year(text: str) -> int | None:
    """The year of a page's search form: empty is no year (the form sends year=), else 1900–2999."""
    if not text.strip():
        return None
    if not text.strip().isdigit() or not 1900 <= int(text) <= 2999:
        raise ApiError(422, "年度应为 1900 到 2999 之间的整数。", "request.invalid_year")
    return int(text)


def control_free(text: str, *, allow_newlines: bool = False) -> bool:
    """True when the text has no control characters (NUL above all); tab and newlines if allowed."""
    allowed = "\t\n\r" if allow_newlines else ""
    return not any(unicodedata.category(ch) in ("Cc", "Cs") and ch not in allowed for ch in text)


async def reject_control_characters(request: Request) -> None:
    """Every request: no control characters in the path or in any query parameter."""
    texts = [request.url.path, *request.query_params.keys(), *request.query_params.values()]
    if not all(control_free(t) for t in texts):
        raise ApiError(400, "请求的地址或参数中含有不允许的控制字符（如 NUL）。", "request.control_character")


async def accept_reason(request: Request) -> str:
    """The reason sent with an acceptance: JSON {"reason": "…"} or a form field; absent or null is ""."""
    content_type = request.headers.get("content-type", "")
    if "json" in content_type:
        try:
            body = json.loads(await request.body() or b"null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "请求正文不是有效的 JSON。", "request.bad_json") from None
        except RecursionError:  # [[[[…]]]] nested beyond the parser's stack
            raise ApiError(400, "请求正文的 JSON 嵌套过深。", "request.bad_json") from None
        if body is not None and not isinstance(body, dict):
            raise ApiError(400, "请求正文应为 JSON 对象，例如 {\"reason\": \"已核实\"}。", "request.bad_json")
        reason = (body or {}).get("reason")
    elif "form" in content_type:
        reason = (await read_form(request)).get("reason")
    else:
        reason = None
    if reason is None:
        return ""
    if not isinstance(reason, str):
        raise ApiError(400, "“理由”（reason）必须是文本。", "request.invalid_reason")
    if len(reason) > MAX_REASON_CHARS:
        raise ApiError(400, f"“理由”过长：{len(reason)} 个字符，上限为 {MAX_REASON_CHARS}。", "request.invalid_reason")
    if not control_free(reason, allow_newlines=True):
        raise ApiError(400, "“理由”中含有不允许的控制字符（如 NUL）。", "request.control_character")
    return reason.strip()


def install(app: FastAPI) -> None:
    """Defence in depth: a value the database still refuses is the request's fault (400), not a crash."""

    @app.exception_handler(DataError)
    async def _data_error(request: Request, exc: DataError):
        return _respond(request, 400, "request.invalid", HTTP_ZH[400] + "数据库拒绝了请求中的某个值。")

"""Reading a request's form once, within bounds (web/limits.py), with Chinese refusals.

A form on an ordinary route is Starlette's parser under the body cap. An upload is parsed by
UploadParser: each file is counted while it streams and refused the moment it passes the per-file
limit (before it reaches the disk), and the parsing runs in a worker thread, so a large upload
never holds the event loop that answers everyone else.
"""
from __future__ import annotations

import codecs

import python_multipart as multipart
from fastapi import Request
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException, MultiPartParser

from .errors import ApiError
from .limits import KB, MB, RequestLimits, is_upload

FEED_BYTES = 256 * KB  # bytes handed to the worker thread at once: fewer hops, little overshoot


async def read_form(request: Request) -> FormData:
    """The request's form (parsed once per request; the CSRF check and the route share it)."""
    cached = getattr(request.state, "form", None)
    if cached is not None:
        return cached
    limits: RequestLimits = request.app.state.config.request_limits
    content_type = request.headers.get("content-type", "")
    try:
        if is_upload(request.scope) and content_type.startswith("multipart/form-data"):
            form = await UploadParser(request, limits, request.app.state.config.store.max_upload_bytes).parse()
        else:
            form = await request.form(max_files=0, max_fields=limits.fields, max_part_size=limits.body_bytes)
    except (HTTPException, MultiPartException) as exc:
        detail = getattr(exc, "detail", None) or getattr(exc, "message", "")
        raise ApiError(400, "表单格式有误、字段过多或含有不允许的文件。", "request.bad_form", str(detail)) from None
    request.state.form = form
    return form


def file_too_large(name: str, limit: int) -> ApiError:
    return ApiError(413, f"文件“{name}”过大，上限为 {limit // MB} MB。", "input.too_large", {"limit_bytes": limit})


class UploadParser(MultiPartParser):
    """Starlette's multipart parser with a per-file limit enforced while streaming, fed from a
    worker thread (the callbacks, file writes included, run there)."""

    def __init__(self, request: Request, limits: RequestLimits, file_bytes: int) -> None:
        super().__init__(request.headers, request.stream(), max_files=limits.upload_files,
                         max_fields=limits.fields, max_part_size=limits.body_bytes)
        self.file_bytes = file_bytes

    def on_headers_finished(self) -> None:
        try:
            super().on_headers_finished()
        except MultiPartException as exc:
            if self._current_files > self.max_files:
                raise ApiError(413, f"一次最多上传 {self.max_files} 个文件，请分批上传。", "request.too_many_files") from exc
            raise

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        upload = self._current_part.file
        if upload is None:
            return super().on_part_data(data, start, end)
        upload.size = (upload.size or 0) + (end - start)
        if upload.size > self.file_bytes:
            raise file_too_large(upload.filename or "upload", self.file_bytes)
        upload.file.write(data[start:end])  # in the worker thread: a blocking write is fine here

    def on_part_end(self) -> None:
        if self._current_part.file is not None:
            self._current_part.file.file.seek(0)
        super().on_part_end()

    async def parse(self) -> FormData:
        _, params = parse_options_header(self.headers["Content-Type"])
        charset = params.get(b"charset", "utf-8")
        try:
            self._charset = codecs.lookup(charset.decode("latin-1") if isinstance(charset, bytes) else charset).name
        except LookupError:
            self._charset = "latin-1"
        if b"boundary" not in params:
            raise MultiPartException("Missing boundary in multipart.")
        parser = multipart.MultipartParser(params[b"boundary"], {
            "on_part_begin": self.on_part_begin, "on_part_data": self.on_part_data, "on_part_end": self.on_part_end,
            "on_header_field": self.on_header_field, "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end, "on_headers_finished": self.on_headers_finished,
            "on_end": self.on_end})
        batch = bytearray()
        try:
            async for chunk in self.stream:
                batch += chunk
                if len(batch) >= FEED_BYTES:
                    await run_in_threadpool(parser.write, bytes(batch))
                    batch.clear()
            await run_in_threadpool(_finish, parser, bytes(batch))
        except BaseException as exc:
            for file in self._files_to_close_on_error:
                file.close()
            if isinstance(exc, FormParserError):
                raise MultiPartException("Invalid multipart data.") from exc
            raise
        return FormData(self.items)


def _finish(parser, rest: bytes) -> None:
    parser.write(rest)
    parser.finalize()

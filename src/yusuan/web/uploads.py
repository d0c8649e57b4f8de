"""The upload page's storing of files: together (halves of one publication joined), each named in
a Chinese message; if one cannot be read, each on its own so the others are kept."""
from __future__ import annotations

import asyncio
import functools
import weakref

import anyio

from ..errors import YusuanError
from ..store.parts import ingest_files
from .reading import read_in_worker

READERS = 1  # uploads read at once in this process (the GIL lets one run at a time anyway)
_SLOTS: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, anyio.CapacityLimiter]" = weakref.WeakKeyDictionary()


def reader_of(app):
    """Where the app reads uploads: a worker process (web/reading.py), or this one if configured so."""
    return read_in_worker if app.state.config.read_in_worker else None


def store_uploads(store, uploads: list[tuple[str, bytes]], user: str, read=None) -> list[tuple[str, str, int | None]]:
    """Store the files together (halves of one publication joined); if one cannot be read, each
    file on its own, so the others are kept and the bad one is named."""
    try:
        return [_stored_message(doc) for doc in ingest_files(store, uploads, user=user, read=read)] if uploads else []
    except YusuanError:
        pass
    messages = []
    for name, data in uploads:
        try:
            messages.append(_stored_message(store.ingest(name, data, user=user, read=read)))
        except YusuanError as exc:
            messages.append(("error", f"{name}：{exc.message}", None))
    return messages


def _stored_message(doc) -> tuple[str, str, int | None]:
    note = "已保存" if doc.created else "已存在（相同文件不重复保存）"
    return ("ok", f"{doc.filename}：{note}，错误 {doc.errors} 条，警告 {doc.warnings} 条", doc.id)


async def reading_slot(fn, *args, **kwargs):
    """Run `fn` — the reading and auditing of uploaded files, CPU work that holds the GIL — in a
    worker thread, one upload at a time: the event loop stays free, and the threads answering other
    requests compete with one reader, not with twenty (each also costs its own tens of MB)."""
    loop = asyncio.get_running_loop()
    if loop not in _SLOTS:  # a limiter belongs to one event loop (tests run several)
        _SLOTS[loop] = anyio.CapacityLimiter(READERS)
    return await anyio.to_thread.run_sync(functools.partial(fn, *args, **kwargs), limiter=_SLOTS[loop])

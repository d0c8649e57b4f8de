"""Reading an uploaded file in a separate process: reading, recognising and auditing are pure
Python that holds the GIL, so done in a thread of the server they would slow every other request
(each has to win the GIL back from the reader many times). A worker process has its own GIL and
its own memory: a file that makes the reader balloon or crash costs the worker, not the server.

`read_in_worker` has the store's `read` signature (store/repository.DocumentStore.ingest): called
from a thread of the server, it waits for the worker's answer.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from ..errors import InputError
from ..model import Disclosure

WORKERS = 1  # one file read at a time: a 2-core server keeps a core for answering requests
_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()


def read_file(name: str, data: bytes, max_pages: int) -> tuple[Disclosure, str | None]:
    """In the worker: the file's disclosure and its audit report (JSON text)."""
    from ..recognize.compilation import first_publication
    from ..sources.detect import read_source
    from ..store.repository import audit_json

    d = first_publication(read_source(Path(name), data=data, max_pages=max_pages))
    return d, audit_json(d)


def _follow_parent(parent: int) -> None:
    """In the worker: end when the server ends, however it ended (a killed server leaves no reader)."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _workers() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(WORKERS, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_follow_parent, initargs=(os.getpid(),))
        return _pool


def _restart(broken: ProcessPoolExecutor) -> None:
    global _pool
    with _lock:
        if _pool is broken:
            _pool = None
    broken.shutdown(wait=False, cancel_futures=True)


def read_in_worker(name: str, data: bytes, max_pages: int) -> tuple[Disclosure, str | None]:
    pool = _workers()
    try:
        return pool.submit(read_file, name, data, max_pages).result()
    except BrokenProcessPool:  # the reader died (memory, a crash in a native library): a new one next time
        _restart(pool)
        raise InputError(f"读取文件“{name}”时读取进程异常退出（文件可能过于复杂或已损坏），未保存。",
                         code="input.reader_crashed") from None

"""Reading a corpus for its health: one file per worker process, each outcome a DocumentHealth."""
from __future__ import annotations

import multiprocessing
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import YusuanError
from .health import DocumentHealth, measure


def health_of_file(path: str) -> DocumentHealth:
    """Read and audit one file; the reading's CPU time is `ms`. Never raises."""
    from ..audit.runner import audit
    from ..ingest import is_incomplete
    from ..recognize.compilation import first_publication
    from ..sources.detect import read_source

    try:
        start = time.process_time()
        d = first_publication(read_source(Path(path)))
        ms = (time.process_time() - start) * 1000
        return measure(d, ms, audit(d), "incomplete" if is_incomplete(d) else "ok")
    except YusuanError as exc:
        return DocumentHealth(file=path, status=getattr(exc, "code", "error"), message=exc.message)
    except Exception as exc:  # noqa: BLE001 - one file's bug is a row of the report, not the end of it
        return DocumentHealth(file=path, status="internal",
                              message=f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=3)}")


def health_of_files(paths: Iterable[Path], workers: int = 1) -> Iterator[DocumentHealth]:
    """Each file's health, in the order given."""
    names = [str(p) for p in paths]
    if workers <= 1:
        yield from map(health_of_file, names)
        return
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(health_of_file, names)

"""A batch from start to end: find the files, skip those already done, run the rest (local pool or
Dask cluster), keep every result as it arrives, then write the open files (and the store)."""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

from ..errors import YusuanError
from .discover import discover
from .job import AUDITED, FAILED, UNREADABLE, FileResult, Job, failed, run_job
from .state import BatchState

Progress = Callable[[FileResult], None]


@dataclass(frozen=True)
class BatchOptions:
    """out: the output folder (also the resume state); workers: local processes (None: all cores);
    dask: a scheduler address (tcp://HOST:PORT) instead of the local pool; encoding: of text files;
    orgs: an organisation list (CSV/XLSX) for pairing; parquet: also write Parquet files."""

    out: Path
    workers: int | None = None
    dask: str | None = None
    encoding: str | None = None
    orgs: Path | None = None
    parquet: bool = True


@dataclass(frozen=True)
class BatchSummary:
    files: int
    skipped: int  # done by an earlier run of the same output folder
    seconds: float
    results: tuple[FileResult, ...] = field(repr=False)
    outputs: tuple[Path, ...] = ()

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def audited(self) -> int:
        return self.count(AUDITED)

    @property
    def unreadable(self) -> int:
        return self.count(UNREADABLE)

    @property
    def failed(self) -> int:
        return self.count(FAILED)

    @property
    def errors(self) -> int:
        return sum(r.errors for r in self.results)

    @property
    def warnings(self) -> int:
        return sum(r.warnings for r in self.results)

    @property
    def with_errors(self) -> int:
        return sum(r.errors > 0 for r in self.results)

    @property
    def exit_code(self) -> int:
        """The worst single-file exit code: 70 > 2 > 1 > 0 (3 is ingest's, not audit's)."""
        codes = {r.exit_code for r in self.results}
        return next((c for c in (70, 2, 1) if c in codes), 0)


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _jobs(todo: list[tuple[Path, str]], encoding: str | None, early: list[FileResult]) -> Iterator[Job]:
    """Jobs read lazily (only the files in flight are in memory); a file whose bytes or sidecar
    cannot be read becomes a result here, as `yusuan audit` would report it."""
    from ..report.acceptance import load_accepted, sidecar_path

    for path, sha in todo:
        try:
            data = path.read_bytes()
            accepted = tuple(sorted(load_accepted(sidecar_path(path))))
        except YusuanError as exc:
            early.append(failed(str(path), sha, path.stat().st_size, getattr(exc, "code", "error"), exc.message, exc.exit_code))
            continue
        except OSError as exc:
            early.append(failed(str(path), sha, 0, "input.unreadable", f"无法读取文件：{exc.strerror or exc}", 2))
            continue
        yield Job(str(path), data, accepted, encoding)


def _results(jobs: Iterator[Job], options: BatchOptions, job_fn) -> Iterator[FileResult]:
    if options.dask:
        from .dask_runner import connect, run_dask

        client = connect(options.dask)
        try:
            yield from run_dask(client, jobs, job_fn)
        finally:
            client.close()
        return
    from .local import default_workers, run_pool

    yield from run_pool(jobs, options.workers or default_workers(), job_fn)


def run_batch(args: Sequence[str | Path], options: BatchOptions, progress: Progress | None = None,
              job_fn: Callable[[Job], FileResult] = run_job, planned: Callable[[int, int], None] | None = None,
              ) -> BatchSummary:
    """Read and audit every file the arguments name into `options.out`; resumable."""
    start = time.perf_counter()
    files = [(p, file_sha256(p)) for p in discover(args)]
    state = BatchState(options.out)
    first: dict[str, Path] = {}
    for p, sha in files:
        first.setdefault(sha, p)  # a copy of a file already in the batch is read once
    todo = sorted((p, sha) for sha, p in first.items() if not state.done(sha))
    if planned:
        planned(len(first), len(first) - len(todo))

    def keep(r: FileResult) -> None:
        state.record(r)
        if progress:
            progress(r)

    early: list[FileResult] = []
    for r in _results(_jobs(todo, options.encoding, early), options, job_fn):
        while early:
            keep(early.pop(0))
        keep(r)
    while early:
        keep(early.pop(0))
    from .exports import export_all

    results, outputs = export_all(state, files, options)
    return BatchSummary(len(first), len(first) - len(todo), time.perf_counter() - start, tuple(results), tuple(outputs))

"""The local runner: jobs on a pool of processes (PDFium is not thread-safe: one PDF per process).

Jobs are submitted a few at a time per worker, so memory holds only the files in flight. A worker
that dies (a crash inside a C library, the out-of-memory killer) breaks the pool; the files it
may have held are then run again one by one, each in a pool of its own, so that the file which
kills its process is recorded as failed and every other file is read as usual.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator

from .job import EXIT_INTERNAL, FileResult, Job, failed, run_job

JobFn = Callable[[Job], FileResult]
IN_FLIGHT_PER_WORKER = 2


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _pool(workers: int) -> ProcessPoolExecutor:
    # spawn: a fresh interpreter per worker, never a fork of a parent holding PDFium or threads
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


def run_pool(jobs: Iterable[Job], workers: int, job_fn: JobFn = run_job) -> Iterator[FileResult]:
    """Each job's result, in the order they finish."""
    queue = iter(jobs)
    suspects: list[Job] = []
    pool = _pool(workers)
    running: dict[Future, Job] = {}
    try:
        while True:
            while len(running) < workers * IN_FLIGHT_PER_WORKER and (job := next(queue, None)) is not None:
                running[pool.submit(job_fn, job)] = job
            if not running:
                break
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in done:
                job = running.pop(fut)
                try:
                    yield fut.result()
                except BrokenProcessPool:
                    suspects.append(job)
                except Exception as exc:  # noqa: BLE001 - raised outside the job's guard (pickling …)
                    yield escaped(job, exc)
            if suspects:  # the pool is broken: every job it held is a suspect
                for fut, job in running.items():
                    finished = fut.done() and not fut.cancelled() and fut.exception() is None
                    yield from [fut.result()] if finished else []
                    suspects.extend([] if finished else [job])
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                yield from (_alone(j, job_fn) for j in suspects)
                suspects = []
                pool = _pool(workers)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _alone(job: Job, job_fn: JobFn) -> FileResult:
    """Run one job in a process of its own; if that process dies, the job is the culprit."""
    with _pool(1) as pool:
        try:
            return pool.submit(job_fn, job).result()
        except BrokenProcessPool:
            return failed(job.path, job.sha256, len(job.data), "internal.worker_died",
                          "读取此文件时处理进程意外退出（可能是文件触发了底层库的崩溃或内存不足）。", EXIT_INTERNAL)
        except Exception as exc:  # noqa: BLE001
            return escaped(job, exc)


def escaped(job: Job, exc: BaseException) -> FileResult:
    """A failure the job function did not catch itself, as that file's result."""
    return failed(job.path, job.sha256, len(job.data), "internal",
                  f"内部错误：{type(exc).__name__}: {exc}", EXIT_INTERNAL)

"""The cluster runner: the same jobs on a Dask cluster (``tcp://HOST:PORT`` of a scheduler).

The workers run `run_job`, the function the local pool runs, on the bytes sent with each job, so
they need yusuan installed but not the files. A worker lost while holding a job has Dask retry it
elsewhere; a job that keeps killing workers is recorded as failed, never stopping the batch.
"""
from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ..errors import InputError
from .job import EXIT_INTERNAL, FileResult, Job, failed, run_job

IN_FLIGHT_PER_THREAD = 2
CONNECT_TIMEOUT = "20s"


def connect(address: str):
    """A Client of the scheduler at `address`, or a Chinese InputError saying why not."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise InputError("使用 --dask 需要安装 dask 和 distributed（pip install 'yusuan[batch]'）。",
                         code="batch.dask_missing") from exc
    try:
        return Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"无法连接 Dask 调度器 {address}：{exc}", code="batch.dask_unreachable") from exc


def run_dask(client, jobs: Iterable[Job], job_fn: Callable[[Job], FileResult] = run_job) -> Iterator[FileResult]:
    """Each job's result, in the order they finish, with a bounded number of jobs in flight."""
    from distributed import as_completed

    threads = max(1, sum(client.nthreads().values()))
    queue = iter(jobs)
    running: dict[str, Job] = {}
    pending = as_completed()

    def submit() -> bool:
        job = next(queue, None)
        if job is None:
            return False
        fut = client.submit(job_fn, job, pure=False, retries=1)
        running[fut.key] = job
        pending.add(fut)
        return True

    while len(running) < threads * IN_FLIGHT_PER_THREAD and submit():
        pass
    for fut in pending:
        job = running.pop(fut.key)
        yield _result(fut, job)
        fut.release()
        submit()


def _result(fut, job: Job) -> FileResult:
    if fut.status == "finished":
        return fut.result()
    try:
        err = fut.exception()
    except Exception as exc:  # noqa: BLE001 - a cancelled future raises instead of returning
        err = exc
    return failed(job.path, job.sha256, len(job.data), "internal.worker_died",
                  f"集群中处理此文件的进程失败：{type(err).__name__}: {err}", EXIT_INTERNAL)

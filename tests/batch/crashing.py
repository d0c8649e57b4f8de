"""Job functions that misbehave on one file, for the tests of a batch's failure handling (they run
in the pool's processes, so they live in a module the workers can import)."""
from __future__ import annotations

import os

from yusuan.batch.job import Job, run_job


def raise_on_reference(job: Job):
    if job.path.endswith(".txt") and job.data:
        raise MemoryError("simulated failure outside the job's own guard")
    return run_job(job)


def die_on_docx(job: Job):
    if job.path.endswith(".docx"):
        os._exit(9)  # as a crash inside a C library would end the process
    return run_job(job)

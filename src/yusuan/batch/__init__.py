"""Whole corpora: every file read and audited on all cores (or a Dask cluster), resumable, with
open exports. The flow: discover (which files) → job (one file → one result, pure) → local or
dask runner → state (resume journal) → exports (CSV, Parquet, pairs, datapackage.json) → store.

`run_batch(paths, BatchOptions(out=...))` is the whole of it; `yusuan batch` is its command.
"""
from .job import FileResult, Job, run_job
from .run import BatchOptions, BatchSummary, run_batch

__all__ = ["BatchOptions", "BatchSummary", "FileResult", "Job", "run_batch", "run_job"]

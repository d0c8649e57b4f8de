"""One file → one result record: read, recognise, audit. Pure and picklable, so that the same
function runs in a local process pool and on a Dask cluster and gives the same bytes.

A job carries the file's bytes (a cluster's workers need not share the file system) and the
fingerprints accepted in its sidecar. Nothing a job meets stops a batch: an unreadable file is a
result with the Chinese message and exit code 2; a bug is a result with exit code 70.
"""
from __future__ import annotations

import hashlib
import json
import time
import traceback
from dataclasses import dataclass, field

from ..errors import YusuanError

# What each kind of result means; exit codes are those `yusuan audit` gives one file.
AUDITED, UNREADABLE, FAILED = "audited", "unreadable", "failed"
STATUS_ZH = {AUDITED: "已检查", UNREADABLE: "无法读取", FAILED: "内部错误"}
EXIT_INTERNAL = 70


@dataclass(frozen=True)
class Job:
    """path: the file as the batch names it; data: its bytes; accepted: fingerprints of findings
    accepted as false alarms (the sidecar's); encoding: of a text file (None: UTF-8)."""

    path: str
    data: bytes = field(repr=False)
    accepted: tuple[str, ...] = ()
    encoding: str | None = None

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


@dataclass(frozen=True)
class FileResult:
    """What the batch knows about one file. `disclosure_json` and `report_json` are the texts
    ``yusuan ingest`` and ``yusuan audit -f json`` write ("" when the file could not be read);
    `amounts_json` its printed amounts as rows (made by the worker: the parent only writes them);
    `seconds` and `cpu_seconds` are the only fields that differ between runs (kept out of every export)."""

    path: str
    sha256: str
    size: int
    status: str
    exit_code: int
    error_code: str = ""
    message: str = ""
    organisation: str = ""
    year: int | None = None
    level: str = ""
    stage: str = ""
    template: str = ""
    incomplete: bool = False
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    units: tuple[str, ...] = ()  # the 单位 its 机构设置 lists (for pairing)
    disclosure_json: str = field(default="", repr=False)
    report_json: str = field(default="", repr=False)
    amounts_json: str = field(default="", repr=False)  # its amount rows, flattened by the worker
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # the worker's CPU time: what the file costs on an idle machine

    @property
    def read(self) -> bool:
        return self.status == AUDITED


def failed(job_path: str, sha: str, size: int, code: str, message: str, exit_code: int,
           clock: tuple[float, float] | None = None) -> FileResult:
    status = UNREADABLE if exit_code == 2 else FAILED
    r = FileResult(job_path, sha, size, status, exit_code, code, message)
    return _timed(r, clock) if clock else r


def run_job(job: Job) -> FileResult:
    """Read and audit one file; every outcome is a FileResult, never an exception."""
    clock = (time.perf_counter(), time.process_time())
    sha = job.sha256
    try:
        result = _audit(job, sha)
    except YusuanError as exc:
        code = getattr(exc, "code", "error")
        return failed(job.path, sha, len(job.data), code, exc.message, exc.exit_code, clock)
    except Exception as exc:  # noqa: BLE001 - one file's bug must not stop a corpus
        message = f"内部错误：{type(exc).__name__}: {exc}"
        return failed(job.path, sha, len(job.data), "internal", message + "\n" + traceback.format_exc(limit=4),
                      EXIT_INTERNAL, clock)
    return _timed(result, clock)


def _timed(r: FileResult, clock: tuple[float, float]) -> FileResult:
    from dataclasses import replace

    return replace(r, seconds=time.perf_counter() - clock[0], cpu_seconds=time.process_time() - clock[1])


def _audit(job: Job, sha: str) -> FileResult:
    from pathlib import Path

    from ..audit.runner import audit
    from ..ingest import disclosure_from_json, is_incomplete
    from ..recognize.compilation import first_publication
    from ..report.acceptance import apply_accepted, exit_code
    from ..report.json_report import report_to_json
    from ..serialize import dumps
    from ..sources.detect import read_source
    from .records import amount_records

    if job.path.lower().endswith(".json"):  # a disclosure written by `yusuan ingest`, loaded as is
        d = disclosure_from_json(job.data)
    else:
        d = first_publication(read_source(Path(job.path), data=job.data, encoding=job.encoding))
    report = apply_accepted(audit(d), dict.fromkeys(job.accepted))
    data = report_to_json(report, d)
    s, m = report.summary, d.meta
    return FileResult(
        job.path, sha, len(job.data), AUDITED, exit_code(report), organisation=m.organisation, year=m.year,
        level=m.level.value, stage=m.stage.value, template=m.template, incomplete=is_incomplete(d),
        errors=s["error"], warnings=s["warning"], infos=s["info"],
        units=tuple(u.name for u in d.organisation.units) if d.organisation else (),
        disclosure_json=dumps(d, indent=None), report_json=json.dumps(data, ensure_ascii=False, sort_keys=True),
        amounts_json=json.dumps(list(amount_records(d)), ensure_ascii=False),
    )

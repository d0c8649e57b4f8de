"""Accepting a finding as a false alarm: a sidecar file next to the audited document.

``<document>.yusuan-accepted.json`` maps a finding's fingerprint to who accepted it, why and when:
``{fingerprint: {rule, message, accepted_by, reason, at}}``. Fingerprints carry no line numbers,
so an acceptance survives re-extraction and re-runs. The file is a reviewer's work: a file we
cannot read is reported and left untouched, and writes are atomic (temp file + os.replace).
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Mapping

from ..audit import Finding, Report
from ..errors import InputError
from ..files import write_text_atomic

SUFFIX = ".yusuan-accepted.json"


def sidecar_path(document: str | os.PathLike[str]) -> Path:
    """Where the acceptances of a document live: beside it, named after it."""
    p = Path(document)
    return p.with_name(p.name + SUFFIX)


def load_accepted(path: str | os.PathLike[str]) -> dict[str, dict[str, Any]]:
    """The acceptances in a sidecar file; {} if there is none yet. A file that is not such a
    sidecar raises InputError (Chinese) and is not touched."""
    p = Path(path)
    if not p.exists():
        return {}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise _corrupt(p, f"不是有效的 JSON（第{exc.lineno}行第{exc.colno}列）") from exc
    except UnicodeDecodeError as exc:
        raise _corrupt(p, "不是 UTF-8 编码的文本") from exc
    except OSError as exc:
        raise _corrupt(p, f"读取失败（{exc.strerror or exc}）") from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, dict) for k, v in data.items()
    ):
        raise _corrupt(p, "顶层应为以问题指纹为键的对象")
    return data


def accept(path: str | os.PathLike[str], finding: Finding, reason: str, by: str,
           *, at: datetime | None = None) -> dict[str, dict[str, Any]]:
    """Record `finding` as accepted in the sidecar at `path`; returns the acceptances now held.
    Accepting the same finding again replaces its entry (the newest reason wins)."""
    accepted = load_accepted(path)  # raises before anything is written if the file is bad
    when = (at or datetime.now(timezone.utc)).isoformat(timespec="seconds")
    accepted[finding.fingerprint] = {
        "rule": finding.rule, "message": finding.message, "accepted_by": by, "reason": reason, "at": when,
    }
    text = json.dumps(accepted, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    write_text_atomic(Path(path), text)  # temp file + os.replace: never half a sidecar
    return accepted


def apply_accepted(report: Report, accepted: Mapping[str, Any]) -> Report:
    """The report with every finding whose fingerprint is in `accepted` marked accepted.
    Entries for findings no longer reported are kept in the file, simply unused."""
    present = {f.fingerprint for f in report.findings}
    return replace(report, accepted=frozenset(report.accepted | (present & set(accepted))))


def exit_code(report: Report) -> int:
    """0 when no open error remains, 1 otherwise (accepted errors do not count). Unreadable
    input (2) never gets this far: it is an InputError."""
    return 1 if report.errors else 0


def _corrupt(path: Path, why: str) -> InputError:
    return InputError(
        f"无法读取已接受问题记录文件 {path}：{why}。该文件未被修改，请修复或移走后重试。",
        code="input.accepted_corrupt", detail=why,
    )

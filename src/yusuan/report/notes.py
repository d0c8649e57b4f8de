"""The quiet report's helpers: which findings are 尾差, reading notes of one kind as one group, and
the title people read before a rule's id."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..audit import Finding, Severity
from ..audit.runner import INGEST_RULE
_NOTE_CODE = re.compile(r"（([a-z_]+\.[a-z_0-9]+)）$")


def is_rounding(f: Finding) -> bool:
    """A difference within rounding (尾差): information the terminal hides unless asked."""
    return f.severity is Severity.INFO and "尾差" in f.message


def note_code(f: Finding) -> str | None:
    """The reading note's code (ingest.unplaced_line, read.blank_page …) of an ingest finding."""
    if f.rule != INGEST_RULE:
        return None
    m = _NOTE_CODE.search(f.message)
    return m.group(1) if m else INGEST_RULE


def shown(f: Finding) -> str:
    """The message people read: a reading note's code (for developers) left off."""
    return _NOTE_CODE.sub("", f.message) if f.rule == INGEST_RULE else f.message


@dataclass(frozen=True)
class NoteGroup:
    """Reading notes of one kind and severity, shown as one line with a count."""

    code: str
    severity: Severity
    findings: tuple[Finding, ...]

    @property
    def message(self) -> str:
        """The first note's words, its code left off."""
        return _NOTE_CODE.sub("", self.findings[0].message)


def note_groups(found: Iterable[Finding]) -> list[NoteGroup]:
    """The reading notes among `found`, by code and severity, in order of first appearance."""
    by: dict[tuple[str, Severity], list[Finding]] = {}
    for f in found:
        code = note_code(f)
        if code:
            by.setdefault((code, f.severity), []).append(f)
    return [NoteGroup(code, sev, tuple(fs)) for (code, sev), fs in by.items()]


SPECIAL_TITLES = {INGEST_RULE: "读取提示", "audit.rule_crashed": "规则运行出错",
    "audit.rule_misdeclared": "规则发现与目录登记不符"}


def rule_title(rule: str) -> str:
    """The rule's Chinese title (what people read before its id), "" when unknown."""
    from ..audit import default_catalog

    if rule in SPECIAL_TITLES:
        return SPECIAL_TITLES[rule]
    catalog = default_catalog()
    return catalog.get(rule).title if rule in catalog else ""

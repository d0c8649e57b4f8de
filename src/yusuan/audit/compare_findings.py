"""Findings of two audits of one publication (a first version and its correction): which were
fixed, which are new, which remain — matched by fingerprint, which names what a finding is about
(rule, table kind, code, column, sentence) and not where it was printed, so it survives re-typesetting."""
from __future__ import annotations

from dataclasses import dataclass

from .findings import Finding, Severity
from .runner import Report


@dataclass(frozen=True)
class FindingChanges:
    fixed: tuple[Finding, ...]  # in A, gone from B
    new: tuple[Finding, ...]  # in B, not in A
    kept: tuple[Finding, ...]  # in both (B's copy)

    def counts(self) -> dict[str, int]:
        return {"fixed": len(self.fixed), "new": len(self.new), "kept": len(self.kept)}


def _open(report: Report, with_infos: bool) -> list[Finding]:
    return [f for f in report.findings if f.fingerprint not in report.accepted
            and (with_infos or f.severity is not Severity.INFO)]


def finding_changes(a: Report, b: Report, *, with_infos: bool = False) -> FindingChanges:
    """Open findings of A and B compared (accepted false alarms and, unless asked, infos left out)."""
    fa, fb = _open(a, with_infos), _open(b, with_infos)
    in_a, in_b = {f.fingerprint for f in fa}, {f.fingerprint for f in fb}
    return FindingChanges(fixed=tuple(f for f in fa if f.fingerprint not in in_b),
                          new=tuple(f for f in fb if f.fingerprint not in in_a),
                          kept=tuple(f for f in fb if f.fingerprint in in_a))

"""Findings of two audits of one publication (a first version and its correction): which were
fixed, which are new, which remain — matched by fingerprint, which names what a finding is about
(rule, table kind, code, column, sentence) and not where it was printed, so it survives re-typesetting.
What the fingerprint leaves apart is then matched by rule and place alone (the row's name with white
space folded, the quoted sentence left out): a finding whose sentence or figures changed between the
versions is one finding that remains, not one fixed and one new."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..text.folding import fold
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
    gone = [f for f in fa if f.fingerprint not in in_b]
    came = [f for f in fb if f.fingerprint not in in_a]
    left: dict[str, list[Finding]] = defaultdict(list)
    for f in gone:
        left[place_key(f)].append(f)
    new: list[Finding] = []
    still: list[Finding] = []
    for f in came:
        same = left.get(place_key(f))
        (still if same else new).append(f)
        if same:
            gone.remove(same.pop(0))
    return FindingChanges(fixed=tuple(gone), new=tuple(new),
                          kept=tuple(f for f in fb if f.fingerprint in in_a or f in still))


def place_key(f: Finding) -> str:
    """The rule and where, without the quoted words: the same problem in a reworded version."""
    return f.rule + "#" + "#".join(
        "|".join(fold(str(x or "")) for x in (loc.table_kind or loc.table_title, loc.code, loc.row_label, loc.column,
                                              loc.target, loc.section)) for loc in f.locations)

"""Running the catalog over a disclosure: every rule isolated, every outcome recorded."""
from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Disclosure, DocumentMeta, IngestIssue, SourceInfo
from .catalog import Catalog, NotApplicable, RuleInfo, default_catalog
from .context import AuditContext, load_catalogue
from .findings import Finding, Location, Severity, merged
from .partners import Partners
from .reading import settle
from .unjudged import judged

if TYPE_CHECKING:
    from ..reference import Catalogue

CRASH_RULE = "audit.rule_crashed"
MISDECLARED_RULE = "audit.rule_misdeclared"
STRICT_ENV = "YUSUAN_STRICT_RULES"  # set (the test suite sets it): a misdeclared finding raises
INGEST_RULE = "ingest.issue"
# Ingest issues an audit rule checks again, with locations and severity of its own: when that rule
# ran, the issue would only repeat its finding.
SUPERSEDED = {"ingest.missing_table": "complete.required_tables", "ingest.contents_not_found": "complete.contents_entries"}


class RuleMisdeclared(AssertionError):
    """A rule raised a finding under an id other than its own, or more severe than it declares."""


@dataclass(frozen=True)
class RuleOutcome:
    rule: str
    status: str  # "ran" | "not_applicable" | "crashed"
    findings: int
    error: str = ""


def is_reading_note(f: Finding) -> bool:
    """A 读取提示: what the reader could not place or understand (a note on what the printed page
    shows is a warning and counts among them)."""
    return f.rule == INGEST_RULE and f.severity is Severity.INFO


@dataclass(frozen=True)
class Report:
    meta: DocumentMeta
    source: SourceInfo
    findings: tuple[Finding, ...]
    outcomes: tuple[RuleOutcome, ...]
    accepted: frozenset[str] = field(default_factory=frozenset)  # fingerprints accepted as false alarms

    def _open(self, severity: Severity) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity is severity and f.fingerprint not in self.accepted)

    @property
    def errors(self) -> tuple[Finding, ...]:
        return self._open(Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return self._open(Severity.WARNING)

    @property
    def infos(self) -> tuple[Finding, ...]:
        return self._open(Severity.INFO)

    @property
    def reading_notes(self) -> tuple[Finding, ...]:
        """What the reader could not place or understand (读取提示): about the reading, not the document."""
        return tuple(f for f in self._open(Severity.INFO) if is_reading_note(f))

    @property
    def summary(self) -> dict[str, int]:
        """Counts by severity (accepted findings excluded; reading notes counted apart from 提示, as
        "reading"), plus rule outcome counts."""
        out = {s.value: len(self._open(s)) for s in Severity}
        out["reading"] = len(self.reading_notes)
        out["info"] -= out["reading"]
        out["accepted"] = sum(1 for f in self.findings if f.fingerprint in self.accepted)
        for status in ("ran", "not_applicable", "crashed"):
            out[status] = sum(1 for o in self.outcomes if o.status == status)
        return out

    def by_rule(self, rule: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.rule == rule)


def _run(info: RuleInfo, ctx: AuditContext) -> tuple[RuleOutcome, list[Finding]]:
    try:
        found = [f for f in (info.func(ctx.disclosure, ctx) or ()) if f is not None]
    except NotApplicable as exc:
        return RuleOutcome(info.id, "not_applicable", 0, str(exc)), []
    except Exception as exc:  # noqa: BLE001 - a broken rule must never stop the audit
        err = f"{type(exc).__name__}: {exc}"
        crash = Finding(rule=CRASH_RULE, severity=Severity.WARNING,
                        message=f"审核规则“{info.title}”运行出错，未能完成检查：{err}",
                        locations=(Location(),))
        return RuleOutcome(info.id, "crashed", 1, traceback.format_exc(limit=3)), [crash]
    return RuleOutcome(info.id, "ran", len(found), ""), [*found, *_misdeclared(info, found)]


def _misdeclared(info: RuleInfo, found: list[Finding]) -> list[Finding]:
    """A finding whose rule id is not the rule's own, or more severe than the catalog declares, is
    kept as it is and reported beside it (raised when STRICT_ENV is set: the tests fail loudly)."""
    out = []
    for f in found:
        if f.rule == info.id and f.severity.rank >= info.severity.rank:
            continue
        what = ("以另一条规则的名义报告" if f.rule != info.id
                else f"报告了“{f.severity.zh}”，而目录登记的最高严重程度是“{info.severity.zh}”")
        if os.environ.get(STRICT_ENV):
            raise RuleMisdeclared(f"rule {info.id} (declared {info.severity.value}) raised {f.rule} "
                                  f"{f.severity.value}: {f.message}")
        out.append(Finding(rule=MISDECLARED_RULE, severity=Severity.WARNING,
                           message=f"审核规则“{info.title}”的一条发现与规则目录的登记不符（{what}），请开发人员核对。",
                           locations=f.locations))
    return out


# What the printed page itself shows (a page left blank, a paragraph running off the page's edge or
# hidden by its clip: 部分文字未正常显示): facts about the document that reviewers mark, unlike notes
# on what the reader could not place (and a table's labels or cells cut, read.cell_text_*: notes).
PRINTED_PAGE_FACTS = ("read.blank_page", "read.text_off_page", "read.text_clipped")


def _ingest_finding(issue: IngestIssue) -> Finding:
    """A reading note: a 提示 listed apart as 读取提示 — what we could not read says nothing of the
    document being wrong (a document we cannot fully read is reported as not understood) — but for
    what the printed page itself shows, which keeps its warning."""
    loc = Location.of_provenance(issue.provenance, sentence=issue.text or None)
    fact = issue.severity == "warning" and issue.code in PRINTED_PAGE_FACTS
    return Finding(rule=INGEST_RULE, severity=Severity.WARNING if fact else Severity.INFO, message=f"{issue.message}（{issue.code}）", locations=(loc,))


def audit(d: Disclosure, *, catalog: Catalog | None = None, previous: Disclosure | None = None,
          only: set[str] | None = None, accepted: frozenset[str] = frozenset(),
          catalogue: Catalogue | None = None, partners: Partners | None = None) -> Report:
    """Every rule of the catalog (or those in `only`) over `d`; the ingest issues as findings.
    `partners`: the publications the cross-document rules read (`partners.find_partners`); `previous`
    is last year's, given alone."""
    catalog = catalog if catalog is not None else default_catalog()
    partners = partners if partners is not None else Partners(previous=previous)
    ctx = AuditContext(d, catalogue if catalogue is not None else load_catalogue(),
                       previous if previous is not None else partners.previous, partners)
    findings: list[Finding] = []
    outcomes: list[RuleOutcome] = []
    for info in catalog:
        if only is not None and info.id not in only:
            continue
        outcome, found = _run(info, ctx)
        outcomes.append(outcome)
        findings.extend(judged(found, d))  # findings on cells with no saved value: not judged
    findings, reading_notes = settle(d, findings)  # arithmetic on a doubtful reading: 读取存疑, not 错误
    if only is None or INGEST_RULE in only:
        ran = {o.rule for o in outcomes if o.status == "ran"}
        findings.extend(_ingest_finding(i) for i in (*d.issues, *reading_notes) if SUPERSEDED.get(i.code) not in ran)
    return Report(meta=d.meta, source=d.source, findings=tuple(merged(findings)), outcomes=tuple(outcomes),
                  accepted=frozenset(accepted))

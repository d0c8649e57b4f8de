"""The audit: rules over a Disclosure, each with a stable id, producing Findings."""
from .catalog import Catalog, NotApplicable, RuleInfo, default_catalog, rule
from .context import AuditContext
from .findings import Finding, Location, Severity
from .runner import Report, RuleOutcome, audit, is_reading_note

__all__ = [
    "AuditContext", "Catalog", "Finding", "Location", "NotApplicable", "Report", "RuleInfo",
    "RuleOutcome", "Severity", "audit", "default_catalog", "is_reading_note", "rule",
]

"""The domain model: immutable typed records of a budget disclosure."""
from .disclosure import Disclosure, DocumentMeta, IngestIssue, Level, SourceInfo, Stage
from .money import Amount, MoneyUnit, rounding_tolerance
from .narrative import (
    AssetHoldings,
    BudgetUnit,
    ContentsEntry,
    Count,
    GlossaryEntry,
    Organisation,
    Paragraph,
    Procurement,
    Section,
)
from .provenance import Provenance
from .statements import ProjectStatement
from .tables import Column, ColumnKind, Row, RowRole, Table, TableKind, Value
from .targets import Funding, FundingLine, Indicator, PerformanceTarget, TextField

__all__ = [
    "Amount", "AssetHoldings", "BudgetUnit", "Column", "ColumnKind", "ContentsEntry", "Count",
    "Disclosure", "DocumentMeta", "Funding", "FundingLine", "GlossaryEntry", "Indicator", "IngestIssue", "Level",
    "MoneyUnit", "Organisation", "Paragraph", "PerformanceTarget", "Procurement", "ProjectStatement", "Provenance",
    "Row", "RowRole", "Section", "SourceInfo", "Stage", "Table", "TableKind", "TextField", "Value",
    "rounding_tolerance",
]

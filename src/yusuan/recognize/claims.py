"""The contract between the pipeline and each recogniser.

Each recogniser gets the lines no earlier recogniser claimed, returns what it made, the line
numbers it consumed and the issues it met. The pipeline reports every line nobody consumed,
so nothing is dropped silently.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, Sequence, TypeVar

from ..model import AssetHoldings, IngestIssue, Organisation, Procurement, Provenance
from ..sources.raw import RawLine

T = TypeVar("T")
Lines = Sequence[RawLine]


def line_box(line: RawLine) -> tuple[float, float, float, float] | None:
    """The box around a line's printed cells (PDF only), rounded to a tenth of a point."""
    boxes = [b for b in line.bboxes or () if b]
    if not boxes:
        return None
    return (round(min(b[0] for b in boxes), 1), round(min(b[1] for b in boxes), 1),
            round(max(b[2] for b in boxes), 1), round(max(b[3] for b in boxes), 1))


@dataclass(frozen=True)
class Context:
    """What every recogniser may need besides the lines: the file's name (for provenance)."""

    file: str

    def at(self, line: RawLine, **fields: object) -> Provenance:
        """Provenance of a raw line (with its box on the page where known), with optional
        table/row/column fields."""
        fields.setdefault("bbox", line_box(line))
        return Provenance(file=self.file, page=line.page, line=line.line, **fields)  # type: ignore[arg-type]

    def issue(self, code: str, message: str, line: RawLine, severity: str = "warning") -> IngestIssue:
        return IngestIssue(code=code, severity=severity, message=message, provenance=self.at(line), text=line.text)


@dataclass(frozen=True)
class Claim(Generic[T]):
    items: tuple[T, ...] = ()
    consumed: frozenset[int] = field(default_factory=frozenset)
    issues: tuple[IngestIssue, ...] = ()


def unclaimed(lines: Lines, *claims: Claim) -> list[RawLine]:
    """The lines none of the claims consumed."""
    taken: set[int] = set()
    for c in claims:
        taken |= c.consumed
    return [ln for ln in lines if ln.line not in taken]


@dataclass(frozen=True)
class Prose:
    """What the prose recogniser makes of the narrative lines."""

    sections: tuple = ()  # tuple[Section, ...]
    organisation: Organisation | None = None
    glossary: tuple = ()  # tuple[GlossaryEntry, ...]
    procurement: Procurement | None = None
    assets: AssetHoldings | None = None
    statements: tuple = ()  # tuple[ProjectStatement, ...]

"""Whether the document holds what it announces: its 目录 entries and its template's tables.

A truncated file reads without error as far as it goes; these issues are how the reader says
that parts are missing (the CLI exits 3 on them), so a cut document is never taken as whole.
"""
from __future__ import annotations

from ..model import Disclosure, DocumentMeta, IngestIssue, PerformanceTarget, Provenance, Section, Table, TableKind
from ..templates import template
from ..text.contents_match import missing_entries
from .partial import narrative_sections


def completeness_issues(
    meta: DocumentMeta,
    tables: tuple[Table, ...],
    sections: tuple[Section, ...],
    targets: tuple[PerformanceTarget, ...],
    file: str,
) -> tuple[IngestIssue, ...]:
    """The template's tables not found (one issue each); the 目录's entries are checked on the whole
    Disclosure (contents_issues)."""
    issues: list[IngestIssue] = []
    kinds = {t.kind for t in tables}
    tpl = template(meta.template)
    untyped = sum(t.kind is TableKind.GENERIC and not t.not_budget for t in tables)  # a 绩效表 is none of them
    # text but no table at all: the narrative half of a publication, which ingest.partial_publication
    # says once (a file with neither still gets every missing table)
    narrative_only = not tables and not targets and bool(narrative_sections(sections))
    for kind in () if narrative_only else tpl.tables:
        if kind not in kinds:
            issues.append(IngestIssue(
                code="ingest.missing_table", severity="warning",
                message=(f"未能确认“{kind.title_zh}”（{tpl.name} 模板要求的表格）：文件中有{untyped}张表格未能识别类型，"
                         f"可能就是此表，请核对。" if untyped else
                         f"未找到“{kind.title_zh}”（{tpl.name} 模板要求的表格），文件可能不完整。"),
                provenance=Provenance(file=file),
            ))
    return tuple(issues)


def contents_issues(d: Disclosure) -> tuple[IngestIssue, ...]:
    """ingest.contents_not_found for each missing 目录 entry: the file may be cut short (exit 3)."""
    return tuple(IngestIssue(code="ingest.contents_not_found", severity="warning",
                             message=f"目录所列“{title}”在正文中未找到，文件可能不完整。",
                             provenance=e.provenance, text=e.title)
                 for e, title in missing_entries(d))


def meta_issues(meta: DocumentMeta, file: str) -> tuple[IngestIssue, ...]:
    """What the cover, title and page headers did not tell: said, not guessed."""
    issues = []
    if not meta.organisation:
        issues.append(IngestIssue(code="ingest.organisation_not_found", severity="warning",
                                  message="未能从封面、标题或页眉识别出部门（单位）名称。", provenance=Provenance(file=file)))
    if meta.year is None:
        issues.append(IngestIssue(code="ingest.year_not_found", severity="warning",
                                  message="未能从封面、标题或表格标题识别出预算年度。", provenance=Provenance(file=file)))
    return tuple(issues)

"""Whether the document holds what it announces: its 目录 entries and its template's tables.

A truncated file reads without error as far as it goes; these issues are how the reader says
that parts are missing (the CLI exits 3 on them), so a cut document is never taken as whole.
"""
from __future__ import annotations

import re

from ..model import ContentsEntry, DocumentMeta, IngestIssue, PerformanceTarget, Provenance, Section, Table, TableKind
from ..templates import template
from ..text.titles import contents_key as _key, names_a_table
from .partial import narrative_sections

# An entry naming the table part as a whole (五、部门预算表, 第二部分 2025年部门预算报表).
_TABLE_PART = re.compile(r"[预决]算(报)?表$")
_SHORT_LINE = 60


def _found(entry: ContentsEntry, titles: list[str], has_tables: bool) -> bool:
    k = _key(entry.title)
    if has_tables and _TABLE_PART.search(k) and not re.search(r"\d{4}年", k):
        return True
    return bool(k) and any(k in t or (t and t in k) for t in titles)


def completeness_issues(
    meta: DocumentMeta,
    tables: tuple[Table, ...],
    sections: tuple[Section, ...],
    targets: tuple[PerformanceTarget, ...],
    contents: tuple[ContentsEntry, ...],
    file: str,
) -> tuple[IngestIssue, ...]:
    issues: list[IngestIssue] = []
    found = {t.kind for t in tables}
    tpl = template(meta.template)
    untyped = sum(t.kind is TableKind.GENERIC and not t.not_budget for t in tables)  # a 绩效表 is none of them
    # text but no table at all: the narrative half of a publication, which ingest.partial_publication
    # says once (a file with neither still gets every missing table)
    narrative_only = not tables and not targets and bool(narrative_sections(sections))
    for kind in () if narrative_only else tpl.tables:
        if kind not in found:
            issues.append(IngestIssue(
                code="ingest.missing_table", severity="warning",
                message=(f"未能确认“{kind.title_zh}”（{tpl.name} 模板要求的表格）：文件中有{untyped}张表格未能识别类型，"
                         f"可能就是此表，请核对。" if untyped else
                         f"未找到“{kind.title_zh}”（{tpl.name} 模板要求的表格），文件可能不完整。"),
                provenance=Provenance(file=file),
            ))
    titles = [_key(t.title) for t in tables] + [_key(s.title) for s in sections]
    # a part title printed as a short line of its own (``…2024 年度部门决算表`` above the first table)
    titles += [_key(p.text) for s in sections for p in s.paragraphs if len(p.text) <= _SHORT_LINE]
    if targets:
        titles.append(_key(targets[0].title))
    for entry in contents:
        if not _found(entry, titles, bool(tables)) and not (narrative_only and names_a_table(entry.title)):
            issues.append(IngestIssue(
                code="ingest.contents_not_found", severity="warning",
                message=f"目录所列“{entry.title}”在正文中未找到，文件可能不完整。",
                provenance=entry.provenance, text=entry.title,
            ))
    return tuple(issues)


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

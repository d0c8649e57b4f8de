"""The recognition pipeline: named stages over the raw lines, each claiming what it reads.

`recognize` returns the Disclosure; `debug_stages` returns every stage's intermediate result
(as pdfplumber's debug_tablefinder does) for whoever needs to see why a line went where.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..errors import InputError
from ..model import Disclosure, IngestIssue, Provenance, SourceInfo
from ..sources.raw import RawDocument, RawLine
from .claims import Claim, Context, Prose, unclaimed
from .completeness import completeness_issues, contents_issues, meta_issues
from .not_disclosure import CHECKLIST_REFUSED, is_checklist
from .partial import is_budget_narrative, partial_issue
from .prose import detect_meta, recognize_contents, recognize_prose
from .tables import recognize_tables
from .targets import recognize_targets


@dataclass(frozen=True)
class Stages:
    contents: Claim
    targets: Claim
    tables: Claim
    prose: Claim
    leftover: tuple[RawLine, ...]


def debug_stages(raw: RawDocument) -> Stages:
    """Run every stage in order on the lines the earlier ones left."""
    ctx = Context(raw.file)
    lines = list(raw.lines)
    contents = recognize_contents(lines, ctx)
    rest = unclaimed(lines, contents)
    targets = recognize_targets(rest, ctx)
    rest = unclaimed(rest, targets)
    tables = recognize_tables(rest, ctx)
    rest = unclaimed(rest, tables)
    prose = recognize_prose(rest, ctx)
    rest = unclaimed(rest, prose)
    return Stages(contents, targets, tables, prose, tuple(ln for ln in rest if not ln.is_blank))


def recognize(raw: RawDocument) -> Disclosure:
    """The Disclosure a raw document holds; InputError if it holds none."""
    st = debug_stages(raw)
    ctx = Context(raw.file)
    prose: Prose = st.prose.items[0] if st.prose.items else Prose()
    meta = detect_meta(raw.lines, st.tables.items, ctx)
    if is_checklist(st.tables.items, st.targets.items, [ln.text for ln in raw.lines if not ln.is_blank]):
        raise InputError(CHECKLIST_REFUSED, code="input.not_disclosure")
    if not st.tables.items and not st.targets.items and not is_budget_narrative(meta, prose.sections, st.contents.items):
        raise InputError(
            "未在文件中识别到部门预算公开的表格、绩效目标表或预算情况说明，该文件可能不是预算公开文件。",
            code="input.not_disclosure",
        )
    leftover = tuple(
        ctx.issue("ingest.unplaced_line", "此行内容未能归入任何表格或章节。", ln) for ln in st.leftover
    )
    read_notes = tuple(
        IngestIssue(code=n.code, severity="warning", message=n.message, provenance=Provenance(file=raw.file, page=n.page))
        for n in raw.notes
    )
    missing = completeness_issues(meta, st.tables.items, prose.sections, st.targets.items, raw.file)
    partial = partial_issue(st.tables.items, st.targets.items, prose.sections, raw.file)
    issues: tuple[IngestIssue, ...] = (
        *read_notes, *meta_issues(meta, raw.file), *((partial,) if partial else ()),
        *st.contents.issues, *st.targets.issues, *st.tables.issues, *st.prose.issues, *leftover, *missing,
    )
    d = Disclosure(
        meta=meta,
        source=SourceInfo(
            file=raw.file, format=raw.format, sha256=raw.sha256, size=raw.size,
            pages=raw.pages, lines=len(raw.lines),
        ),
        tables=st.tables.items,
        sections=prose.sections,
        targets=st.targets.items,
        contents=st.contents.items,
        organisation=prose.organisation,
        glossary=prose.glossary,
        procurement=prose.procurement,
        assets=prose.assets,
        issues=issues,
        project_statements=prose.statements,
    )
    return replace(d, issues=(*d.issues, *contents_issues(d)))

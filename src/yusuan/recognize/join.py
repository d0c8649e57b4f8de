"""The halves of one publication joined: a 说明 file and a tables file read as one Disclosure.

Pure functions over Disclosures already read (the CLI, the web upload and batch runs call them):
`group_parts` sorts files into publications, `join_parts` makes one Disclosure of a group, and
`why_apart` says in Chinese why two files are not halves of one publication. Halves belong together
when they name the same organisation (`names.same_organisation`), year, level and stage, and hold
different parts (never two narratives or two sets of tables). Each value keeps its own file in its
provenance; the joined Disclosure lists every file in `parts`.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Sequence

from ..errors import InputError
from ..model import Disclosure, DocumentMeta, IngestIssue, Level, Provenance, Section, SourceInfo, Stage
from .completeness import completeness_issues, contents_issues, meta_issues
from .partial import PARTIAL, narrative_sections
from .prose.meta import template_of
from .prose.names import same_organisation
from .prose.sections import COVER_ID

# Issues a part raised about itself that the whole settles again (recomputed after the join).
_RECHECKED = frozenset({"ingest.missing_table", "ingest.contents_not_found", PARTIAL,
                        "ingest.organisation_not_found", "ingest.year_not_found"})
_HALF_NAMES = {"narrative": "情况说明", "tables": "预算表格", "targets": "绩效目标表"}


def holds(d: Disclosure) -> frozenset[str]:
    """Which parts of a publication a file holds: narrative, tables, targets."""
    return frozenset(k for k, v in (("narrative", narrative_sections(d.sections)), ("tables", d.tables),
                                    ("targets", d.targets)) if v)


def describe(d: Disclosure) -> str:
    """``文件（部门 年度 部门预算，情况说明）`` for messages."""
    m = d.meta
    year = f"{m.year}年" if m.year else "年度不明"
    kind = ("单位" if m.level is Level.UNIT else "部门") + ("决算" if m.stage is Stage.FINAL_ACCOUNTS else "预算")
    held = "、".join(_HALF_NAMES[h] for h in sorted(holds(d))) or "无可读内容"
    return f"{d.source.file}（{m.organisation or '名称不明'} {year} {kind}，{held}）"


def why_apart(a: Disclosure, b: Disclosure) -> str | None:
    """Why two files are not halves of one publication (Chinese), or None if they may be."""
    ma, mb = a.meta, b.meta
    if ma.level != mb.level or ma.stage != mb.stage:
        return "一为部门公开、一为单位公开，或一为预算、一为决算"
    if ma.year and mb.year and ma.year != mb.year:
        return f"年度不同（{ma.year}年与{mb.year}年）"
    if ma.organisation and mb.organisation:
        if not same_organisation(ma.organisation, mb.organisation):
            return f"部门不同（{ma.organisation}与{mb.organisation}）"
    elif not (ma.organisation or mb.organisation):
        return "两个文件都未能识别出部门名称，无法确认属于同一部门"
    elif not (ma.year and mb.year):
        return "一个文件未能识别出部门名称，年度也无法核对"
    if both := holds(a) & holds(b):
        return "两个文件都含" + "、".join(_HALF_NAMES[h] for h in sorted(both))
    return None


def group_parts(ds: Sequence[Disclosure]) -> list[list[Disclosure]]:
    """Files sorted into publications (in the order given); a file no other fits stands alone."""
    groups: list[list[Disclosure]] = []
    for d in ds:
        home = next((g for g in groups if all(why_apart(d, other) is None for other in g)), None)
        if home is None:
            groups.append([d])
        else:
            home.append(d)
    return groups


def join_parts(parts: Sequence[Disclosure]) -> Disclosure:
    """One Disclosure of the halves of one publication; InputError (Chinese) if they are not."""
    if len(parts) == 1:
        return parts[0]
    for i, a in enumerate(parts):
        for b in parts[i + 1:]:
            if reason := why_apart(a, b):
                raise InputError(f"{describe(a)} 与 {describe(b)} 不是同一份公开文件的组成部分：{reason}。请分别读取。",
                                 code="input.not_one_publication")
    ordered = sorted(parts, key=_reading_order)
    source = _joined_source([p.source for p in ordered])
    tables = tuple(t for p in ordered for t in p.tables)
    meta = _joined_meta([p.meta for p in ordered], template_of(tables, ordered[0].meta.stage))
    sections = tuple(s for n, p in enumerate(ordered) for s in _sections_of(p, n))
    targets = tuple(t for p in ordered for t in p.targets)
    contents = tuple(c for p in ordered for c in p.contents)
    kept = tuple(i for p in ordered for i in p.issues if i.code not in _RECHECKED)
    settled = (*meta_issues(meta, source.file),
               *completeness_issues(meta, tables, sections, targets, source.file))
    note = IngestIssue(code="ingest.joined_parts", severity="info", provenance=Provenance(file=source.file),
                       message="本公开文件由多个文件合并读取：" + "；".join(describe(p) for p in ordered) + "。")
    d = Disclosure(
        meta=meta, source=source, tables=tables, sections=sections, targets=targets, contents=contents,
        organisation=_first(p.organisation for p in ordered), glossary=tuple(g for p in ordered for g in p.glossary),
        procurement=_first(p.procurement for p in ordered), assets=_first(p.assets for p in ordered),
        issues=(note, *kept, *settled), parts=tuple(p.source for p in ordered),
        project_statements=tuple(s for p in ordered for s in p.project_statements),
    )
    return replace(d, issues=(*d.issues, *contents_issues(d)))


def _reading_order(d: Disclosure) -> int:
    """The narrative half first (it carries the cover and the 目录), then tables, then forms."""
    h = holds(d)
    return 0 if "narrative" in h else 1 if "tables" in h else 2


def _first(values):
    return next((v for v in values if v is not None), None)


def _sections_of(d: Disclosure, n: int) -> tuple[Section, ...]:
    """A later file's cover keeps its lines under its own id, so two covers never share one."""
    if n == 0:
        return d.sections
    return tuple(replace(s, id=f"cover{n + 1}", title=f"封面（{d.source.file}）") if s.id == COVER_ID else s
                 for s in d.sections)


def _joined_meta(metas: list[DocumentMeta], template: str) -> DocumentMeta:
    return DocumentMeta(
        title=next((m.title for m in metas if m.title), ""),
        organisation=next((m.organisation for m in metas if m.organisation), ""),
        level=metas[0].level, stage=metas[0].stage,
        year=next((m.year for m in metas if m.year), None),
        template=template, region=next((m.region for m in metas if m.region), None),
    )


def _joined_source(sources: list[SourceInfo]) -> SourceInfo:
    formats = sorted({s.format for s in sources})
    pages = [s.pages for s in sources]
    lines = [s.lines for s in sources]
    return SourceInfo(
        file=" + ".join(s.file for s in sources),
        format=formats[0] if len(formats) == 1 else "+".join(formats),
        sha256=hashlib.sha256("\n".join(s.sha256 for s in sources).encode()).hexdigest(),
        size=sum(s.size for s in sources),
        pages=sum(p for p in pages if p) if all(pages) else None,
        lines=sum(n for n in lines if n) if all(n is not None for n in lines) else None,
    )

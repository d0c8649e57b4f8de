"""Publications printed in parts: a file with only the 说明 (narrative) or only the tables.

Some departments publish the narrative and the tables as two files. Either half is still a
budget disclosure: it is read, and an ingest issue says in Chinese what the file holds and what it
lacks (the CLI exits 3 on it), so the half is never taken for the whole. `yusuan ingest A B` joins
the halves (`recognize.join`).
"""
from __future__ import annotations

import re

from ..model import ContentsEntry, DocumentMeta, IngestIssue, PerformanceTarget, Provenance, Section, Table
from .prose.sections import COVER_ID

PARTIAL = "ingest.partial_publication"
_BUDGET_WORDS = re.compile(r"预算|决算")


def narrative_sections(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """The sections under printed headings (the cover is ours, not the document's narrative)."""
    return tuple(s for s in sections if s.id != COVER_ID)


def is_budget_narrative(meta: DocumentMeta, sections: tuple[Section, ...], contents: tuple[ContentsEntry, ...]) -> bool:
    """A file without tables is a disclosure's narrative half if it has headed sections and its title,
    contents or headings speak of a 预算/决算."""
    titles = [meta.title, *(e.title for e in contents), *(s.title for s in sections)]
    return bool(narrative_sections(sections)) and any(_BUDGET_WORDS.search(t) for t in titles)


def partial_issue(
    tables: tuple[Table, ...], targets: tuple[PerformanceTarget, ...], sections: tuple[Section, ...], file: str,
) -> IngestIssue | None:
    """The issue saying which half a file holds, or None for a file holding both."""
    narrative = narrative_sections(sections)
    if (tables or targets) and narrative:
        return None
    if narrative:
        message = (f"本文件只含情况说明等文字部分（{len(narrative)}节），未含预算表格和绩效目标表；表格可能另册公开，"
                   "可与表格文件一并读取：yusuan ingest 说明文件 表格文件。")
    else:
        held = f"预算表格（{len(tables)}张）" if tables else ""
        held += ("、" if held and targets else "") + (f"绩效目标表（{len(targets)}张）" if targets else "")
        message = (f"本文件只含{held}，未含情况说明等文字部分；说明可能另册公开，"
                   "可与说明文件一并读取：yusuan ingest 说明文件 表格文件。")
    # info, not warning: the half is read whole; the CLI still exits 3, as the publication is not all here
    return IngestIssue(code=PARTIAL, severity="info", message=message, provenance=Provenance(file=file))

"""Every printed line that is not a narrative sentence: the cover, the 目录, headings (parts among
them), table titles, the 部门名称 a table page prints at its head, column headers, row labels, table
notes, project statement and target form names. Checks of wording that must see the whole document
(a placeholder ``上海市普陀区XX局`` left in a part heading) read these besides the sentences."""
from __future__ import annotations

from dataclasses import replace
from typing import Iterator

from ...model import Disclosure, Provenance
from ..findings import Location


def _at(p: Provenance, text: str, **extra: object) -> Location:
    return Location.of_provenance(p, sentence=text[:60], **extra)


def printed_lines(d: Disclosure) -> Iterator[tuple[str, Location]]:
    """(text, where) of each such line, in reading order within each kind; empty texts left out."""
    cover = Location(file=d.source.file or None)
    for text in (d.meta.title, d.meta.organisation or ""):
        yield text, replace(cover, sentence=text[:60])
    for e in d.contents:
        yield e.title, _at(e.provenance, e.title)
    for s in d.sections:
        yield s.title, _at(s.provenance, s.title, section=s.id)
    for t in d.tables:
        where = Location.of_table(t)
        yield from ((text, replace(where, sentence=text[:60])) for text in (t.title, t.entity or "", *t.notes))
        yield from ((c.label, replace(where, column=c.key)) for c in t.columns)
        yield from ((r.label, Location.of_row(t, r)) for r in t.rows)
    for st in d.project_statements:
        yield st.name, _at(st.provenance, st.name)
    for f in d.targets:
        yield f.project_name, _at(f.provenance, f.project_name, target=f.id)

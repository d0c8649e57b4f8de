"""Contents, narrative sections, organisation, glossary, stated figures and document metadata.

`recognize_contents` runs first on all lines; `recognize_prose` runs last on what the contents,
target and table recognisers left; `detect_meta` reads the whole document and the tables.
"""
from __future__ import annotations

from ..claims import Claim, Context, Lines, Prose
from .contents import recognize_contents
from .figures import read_assets, read_procurement
from .glossary import read_glossary
from .meta import detect_meta
from .organisation import assign_kinds, cut_notes, read_organisation
from .sections import build_sections
from .statements import read_statements

__all__ = ["detect_meta", "recognize_contents", "recognize_prose"]


def recognize_prose(lines: Lines, ctx: Context) -> Claim[Prose]:
    """The narrative: sections (every non-blank line placed), and what they state."""
    built = build_sections(lines, ctx)
    sections = built.sections
    organisation = read_organisation(sections)
    kind_issues: tuple = ()
    if organisation is not None:
        organisation, kind_issues = assign_kinds(organisation, sections)
        kind_issues += cut_notes(organisation)
    prose = Prose(
        sections=sections,
        organisation=organisation,
        glossary=read_glossary(sections),
        procurement=read_procurement(sections),
        assets=read_assets(sections),
        statements=read_statements(sections),
    )
    return Claim(items=(prose,), consumed=built.consumed, issues=(*built.issues, *kind_issues))

"""Contents, narrative sections, organisation, glossary and stated figures (stub, being written)."""
from __future__ import annotations

from ...model import ContentsEntry, DocumentMeta, Level, Stage, Table
from ..claims import Claim, Context, Lines, Prose


def recognize_contents(lines: Lines, ctx: Context) -> Claim[ContentsEntry]:
    return Claim()


def recognize_prose(lines: Lines, ctx: Context) -> Claim[Prose]:
    return Claim(items=(Prose(),))


def detect_meta(lines: Lines, tables: tuple[Table, ...], ctx: Context) -> DocumentMeta:
    return DocumentMeta(title="", organisation="", level=Level.DEPARTMENT, stage=Stage.BUDGET, year=None, template="generic")

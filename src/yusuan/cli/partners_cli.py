"""The publications `yusuan audit` reads beside the ones it checks: the other files given, and those
of ``--with`` folders. Halves of one publication (a 说明 file and a tables file) are joined first, so a
partner is a whole publication; a file that cannot be read is reported and left out."""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from ..audit.partners import Partners, find_partners
from ..errors import InputError, YusuanError
from ..ingest import read_disclosure
from ..model import Disclosure
from .console import err


def read_with(args: Sequence[str], encoding: str | None = None) -> list[Disclosure]:
    """Every readable publication the ``--with`` files, folders and patterns name."""
    from ..batch.discover import discover

    out = []
    for path in discover(args):
        try:
            out.append(read_disclosure(path, encoding=encoding))
        except YusuanError as exc:
            err.print(f"[yellow]提示：[/]{path} 无法读取，不参与跨文件核对：{exc.message}")
    return out


def pool(ds: Sequence[Disclosure]) -> list[Disclosure]:
    """The publications the files make: halves of one publication joined."""
    from ..recognize.join import group_parts, join_parts

    out: list[Disclosure] = []
    for group in group_parts(list(ds)):
        try:
            out.append(join_parts(group))
        except InputError:
            out.extend(group)
    return out


def partners_of(d: Disclosure, candidates: Sequence[Disclosure], orgs: Path | None = None) -> Partners:
    """`d`'s partners among the candidates (a half finds those of its whole publication); `orgs`: an
    organisation list (CSV/XLSX) placing units under departments."""
    says = None
    if orgs is not None:
        from ..orgs import in_tree, load_tree

        says = in_tree(load_tree(orgs))
    return find_partners(d, [c for c in candidates if c.source.sha256 != d.source.sha256
                             and not _holds(c, d)], says)


def _holds(whole: Disclosure, part: Disclosure) -> bool:
    return any(p.sha256 == part.source.sha256 for p in whole.parts)


def say(p: Partners) -> None:
    from ..audit.cross import describe_partners
    from .console import out

    if p:
        out.print(describe_partners(p))

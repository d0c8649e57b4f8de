"""What a rule sees besides the disclosure: the code catalogue and its partner publications (last
year's, its units' or its department's, the 预算 a 决算 accounts for: `partners.Partners`)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, TypeVar

from ..model import Disclosure, Row, Table, TableKind
from .catalog import NotApplicable
from .partners import Partners

if TYPE_CHECKING:  # the type only: the catalogue itself is loaded lazily (load_catalogue)
    from ..reference import Catalogue

T = TypeVar("T")


@dataclass(frozen=True)
class AuditContext:
    disclosure: Disclosure
    catalogue: Catalogue | None = None  # yusuan.reference catalogue (bundled code names), may be None
    previous: Disclosure | None = None  # last year's, when given (also partners.previous)
    partners: Partners = field(default_factory=Partners)
    # Results several rules share (project ↔ form matching …), computed once per audit run.
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """`compute()` once per audit and key; rules that need the same derived data share it."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def table(self, kind: TableKind) -> Table | None:
        return self.disclosure.table(kind)

    def tables_of(self, kind: TableKind) -> tuple[Table, ...]:
        return self.disclosure.tables_of(kind)

    def require(self, kind: TableKind) -> Table:
        """The table of a kind, or NotApplicable: a rule about it has nothing to check."""
        t = self.disclosure.table(kind)
        if t is None:
            raise NotApplicable(f"缺少{kind.title_zh}")
        return t

    def require_total(self, kind: TableKind) -> tuple[Table, Row]:
        """The table of a kind and its total row, or NotApplicable when either is missing."""
        t = self.require(kind)
        total = t.total_row()
        if total is None:
            raise NotApplicable(f"{kind.title_zh}没有合计行")
        return t, total

    def require_catalogue(self) -> Catalogue:
        if self.catalogue is None:
            raise NotApplicable("没有可用的科目目录")
        return self.catalogue


def load_catalogue() -> Catalogue:
    """The code catalogue from yusuan.reference: the bundled one, with the official list the user
    imported (``yusuan catalogue import``) laid over it. A broken one is a bug and fails loudly:
    silently judging no code against it would pass every code rule as not applicable."""
    import yusuan.reference as ref

    if not ref.local.local_path().is_file():
        return ref.bundled_catalogue()
    return ref.active_catalogue()

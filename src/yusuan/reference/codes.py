"""Classification codes (政府收支分类科目): systems, levels, parents, and parsing printed forms.

A code is its digits; the level follows from the length (类 3, 款 5, 项 7, and 目 9 for
revenue), the parent from cutting the last level off, and the system from the first digit
(1 收入, 2 支出功能, 3 部门预算经济, 5 政府预算经济), which no two systems share.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from yusuan.text.folding import nfkc


class CodeSystem(str, Enum):
    """One of the parallel classification systems of the 政府收支分类科目."""

    FUNCTION = "function"
    REVENUE = "revenue"
    DEPT_ECONOMIC = "dept_economic"
    GOV_ECONOMIC = "gov_economic"

    @property
    def label(self) -> str:
        return _SYSTEM_LABELS[self]

    @property
    def max_length(self) -> int:
        """Digits of the deepest level: economic codes stop at 款, revenue goes down to 目."""
        return {CodeSystem.REVENUE: 9, CodeSystem.FUNCTION: 7}.get(self, 5)


_SYSTEM_LABELS = {
    CodeSystem.FUNCTION: "支出功能分类",
    CodeSystem.REVENUE: "收入分类",
    CodeSystem.DEPT_ECONOMIC: "部门预算支出经济分类",
    CodeSystem.GOV_ECONOMIC: "政府预算支出经济分类",
}
_SYSTEM_BY_DIGIT = {
    "1": CodeSystem.REVENUE,
    "2": CodeSystem.FUNCTION,
    "3": CodeSystem.DEPT_ECONOMIC,
    "5": CodeSystem.GOV_ECONOMIC,
}


class CodeLevel(str, Enum):
    """类 → 款 → 项 (→ 目 in the revenue classification)."""

    CLASS = "类"
    SECTION = "款"
    ITEM = "项"
    SUBITEM = "目"


_LEVEL_BY_LENGTH = {3: CodeLevel.CLASS, 5: CodeLevel.SECTION, 7: CodeLevel.ITEM, 9: CodeLevel.SUBITEM}


def system_of(code: str) -> CodeSystem | None:
    """The system a code belongs to, by its first digit; None for a digit no system uses."""
    return _SYSTEM_BY_DIGIT.get(code[:1])


def is_code(code: str) -> bool:
    """True for the digits of a code of a known system at a level that system has."""
    system = system_of(code)
    return (
        system is not None
        and code.isascii()
        and code.isdigit()
        and len(code) in _LEVEL_BY_LENGTH
        and len(code) <= system.max_length
    )


def level_of(code: str) -> CodeLevel:
    """The level of a code: ``208`` 类, ``20802`` 款, ``2080201`` 项."""
    _check(code)
    return _LEVEL_BY_LENGTH[len(code)]


def parent_of(code: str) -> str | None:
    """The code one level up (``2080201`` → ``20802``), None for a 类."""
    _check(code)
    return code[:-2] if len(code) > 3 else None


def ancestors_of(code: str) -> tuple[str, ...]:
    """The codes above, nearest first: ``2080201`` → (``20802``, ``208``)."""
    out: list[str] = []
    parent = parent_of(code)
    while parent is not None:
        out.append(parent)
        parent = parent_of(parent)
    return tuple(out)


def is_ancestor(ancestor: str, code: str) -> bool:
    """True when `ancestor` lies strictly above `code` in the same tree (``208`` over ``2080201``)."""
    return ancestor in ancestors_of(code)


_PART = re.compile(r"\d+")
_SEPARATORS = re.compile(r"[\s\-.．·]+")


def parse_code(*parts: str | int | None) -> str:
    """The digits of a code as printed, whole or split over columns.

    Accepts ``2080201``, ``208 05 01``, ``208\\t05\\t01``, ``20805 01``, or the cells of the
    类/款/项 columns as separate arguments (``parse_code("208", "05", "01")``; empty cells are
    skipped). A 款 or 项 part printed with one digit is zero-padded: Shanghai's 2024 tables
    print ``301 2`` for 30102 where a spreadsheet cell lost its leading zero.
    Raises ValueError for anything else.
    """
    pieces: list[str] = []
    for part in parts:
        if part is None:
            continue
        text = _SEPARATORS.sub(" ", nfkc(str(part))).strip()
        pieces.extend(p for p in text.split(" ") if p)
    if not pieces or not all(_PART.fullmatch(p) for p in pieces):
        raise ValueError(f"不是科目编码：{' '.join(str(p) for p in parts if p is not None)!r}")
    head, tail = pieces[0], pieces[1:]
    code = head + "".join(p.zfill(2) if len(p) == 1 else p for p in tail)
    if tail and len(head) not in (3, 5, 7):
        raise ValueError(f"科目编码的分段不对：{' '.join(pieces)!r}")
    _check(code)
    return code


def _check(code: str) -> None:
    if not is_code(code):
        raise ValueError(f"不是科目编码：{code!r}")


@dataclass(frozen=True)
class Code:
    """A classification code: its system and digits, with level and parent derived."""

    system: CodeSystem
    digits: str

    def __post_init__(self) -> None:
        _check(self.digits)
        if system_of(self.digits) is not self.system:
            raise ValueError(f"编码 {self.digits} 不属于{self.system.label}")

    @classmethod
    def of(cls, *parts: str | int | None) -> "Code":
        """A code from its printed form (see `parse_code`), the system read off the first digit."""
        digits = parse_code(*parts)
        return cls(system_of(digits), digits)  # type: ignore[arg-type]

    @property
    def level(self) -> CodeLevel:
        return level_of(self.digits)

    @property
    def parent(self) -> "Code | None":
        up = parent_of(self.digits)
        return Code(self.system, up) if up else None

    def is_ancestor_of(self, other: "Code") -> bool:
        return self.system is other.system and is_ancestor(self.digits, other.digits)

    def __str__(self) -> str:
        return self.digits

"""Reading the cells of a book: the raw record of a row and exact conversions of its values."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .book import Where

FEN = Decimal("0.01")


@dataclass(frozen=True)
class Record:
    """One row of a sheet as read: values by header, None for an empty cell."""

    sheet: str
    row: int
    values: dict[str, object]

    def where(self, column: str | None = None) -> Where:
        return Where(self.sheet, self.row, column)

    def text(self, column: str) -> str:
        v = self.values.get(column)
        if v is None:
            return ""
        if isinstance(v, float) and v.is_integer():
            return str(int(v))  # a code typed as a number: 2080201.0 → 2080201
        return str(v).strip()


@dataclass(frozen=True)
class Problem:
    where: Where
    message: str

    def __str__(self) -> str:
        return f"{self.where.describe()}：{self.message}"


class BookError(Exception):
    """The book cannot be compiled; `problems` says where and why (Chinese)."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__("预算编制簿有误：\n" + "\n".join(str(p) for p in self.problems))


# No budget line reaches a thousand trillion 元; a longer figure is a typing or file error.
MAX_MONEY = Decimal(10) ** 15


def to_money(value: object) -> Decimal:
    """An amount in 元 exactly: text as typed, a spreadsheet float through its shortest repr.

    Raises ValueError (Chinese) for what is not a number or has more than two decimals.
    """
    if isinstance(value, bool):
        raise ValueError("不是金额")
    if isinstance(value, float):
        d = Decimal(repr(value))  # the shortest decimal that reads back as this float
        if float(d) != value:
            raise ValueError("数值无法精确读取")
    elif isinstance(value, (int, Decimal)):
        d = Decimal(value)
    else:
        text = str(value).strip().replace(",", "").replace("，", "")
        try:
            d = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"“{value}”不是金额") from None
    if not d.is_finite():
        raise ValueError(f"“{value}”不是金额")
    if abs(d) >= MAX_MONEY:
        raise ValueError(f"金额“{str(value)[:30]}”过大（应以元为单位，不超过{MAX_MONEY:,}元）")
    if d != d.quantize(FEN):
        raise ValueError(f"金额“{value}”超过两位小数（应以元为单位，精确到分）")
    return d.quantize(FEN)

"""Money as printed: an exact Decimal with its unit (元/万元) and its printed precision.

A printed amount is exact only to half a unit of its last printed digit; rules that compare
sums use `tolerance` so that rounding is never reported as an error.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum


class MoneyUnit(str, Enum):
    """The unit a table or form prints its amounts in."""

    YUAN = "元"
    WAN_YUAN = "万元"

    @property
    def in_yuan(self) -> Decimal:
        """How many 元 one of this unit is."""
        return Decimal(1) if self is MoneyUnit.YUAN else Decimal(10000)


@dataclass(frozen=True)
class Amount:
    """An amount exactly as printed.

    value: the exact decimal value in `unit`.
    unit: the printed unit.
    places: how many decimals were printed (2 for `4411.49`, 0 for `500,000`).
    """

    value: Decimal
    unit: MoneyUnit
    places: int

    @property
    def tolerance(self) -> Decimal:
        """Half a unit in the last printed place: how far the true value may be from this one."""
        return Decimal(5).scaleb(-(self.places + 1))

    def to(self, unit: MoneyUnit) -> Decimal:
        """The value expressed in another unit (exact)."""
        return self.value * self.unit.in_yuan / unit.in_yuan

    def __str__(self) -> str:
        return f"{self.value:,.{self.places}f}{self.unit.value}"


def rounding_tolerance(amounts: list[Amount] | tuple[Amount, ...]) -> Decimal:
    """How far a sum of printed amounts may be from the sum of the true values."""
    return sum((a.tolerance for a in amounts), Decimal(0))

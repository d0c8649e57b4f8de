"""A spreadsheet number as Excel prints it through its number format, as exact decimal text.

The float is turned into the shortest decimal that round-trips (``repr``), so 4411.49 stays 4411.49
and never becomes 4411.4899999999998; then it is rounded half away from zero (as Excel does) to the
places the format shows, and grouped by thousands where the format has a comma. Covered: General,
0 / 0.00 / #,##0 / #,##0.00 and their variants, percentages. Not reproduced: literal text inside a
format (``#,##0"元"`` prints the number only), colours, negative sections (a minus sign is used),
scientific notation (printed as General).

Every step runs in a decimal context wide enough for the number (a float reaches 1.8e308), so a huge
value under a fixed format prints all its digits exactly instead of failing; a format asking for more
than Excel's 30 decimal places is read as 30. A value that is not a finite number prints as ``#NUM!``.
"""
from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
# Excel keeps 15 significant digits; a General cell never shows more.
_GENERAL_DIGITS = 15
# Excel's number formats show at most 30 decimal places.
_MAX_PLACES = 30


def format_number(value: float | int, code: str = "General") -> str:
    """The text Excel prints for `value` under format `code`."""
    if isinstance(value, float) and not math.isfinite(value):
        return "#NUM!"
    number = _exact(value)
    with localcontext() as context:
        context.prec = max(context.prec, len(number.as_tuple().digits) + abs(number.adjusted()) + _MAX_PLACES + 4)
        return _formatted(number, code)


def _formatted(number: Decimal, code: str) -> str:
    section = _first_section(code)
    bare = _QUOTED.sub("", section)
    if not bare.strip() or bare.strip().lower() == "general" or "@" in bare or "E" in bare.upper():
        return _general(number)
    if "%" in bare:
        number *= 100
    digits = bare.replace("%", "")
    places = _places(digits)
    rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{rounded:,.{places}f}" if "," in _integer_part(digits) else f"{rounded:.{places}f}"
    if text.lstrip("-").strip("0.,") == "":
        text = text.lstrip("-")  # Excel prints a value rounding to zero without a sign
    return text + ("%" if "%" in bare else "")


def _exact(value: float | int) -> Decimal:
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) < 1e15):
        return Decimal(int(value))
    return Decimal(repr(value))


def _general(number: Decimal) -> str:
    if number == number.to_integral_value():
        return str(int(number))
    rounded = round(number, max(_GENERAL_DIGITS - number.adjusted() - 1, 0))
    text = format(rounded.normalize(), "f")
    return text


def _first_section(code: str) -> str:
    """The positive-number section of a format (sections are split by unquoted semicolons)."""
    return _QUOTED.sub(lambda m: m.group() if m.group().startswith('"') else " ", code).split(";")[0]


def _places(digits: str) -> int:
    if "." not in digits:
        return 0
    return min(sum(ch in "0#?" for ch in digits.split(".", 1)[1]), _MAX_PLACES)


def _integer_part(digits: str) -> str:
    return digits.split(".", 1)[0]

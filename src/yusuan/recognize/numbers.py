"""Printed numbers to exact amounts: the readers' names for `yusuan.text.numbers` (shared with audit and report)."""
from ..text.numbers import clean_number_text, is_amount_text, parse_amount, parse_decimal

__all__ = ["clean_number_text", "is_amount_text", "parse_amount", "parse_decimal"]

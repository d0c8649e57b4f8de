"""A shifted indicator row read by the order of its cells rather than their columns.

The row's filled cells are labels (一级/二级指标, known words) and texts. Leading labels give
the 一级 and the 实施期 二级指标; the texts up to the next 二级指标 label are the 实施期 pair,
the texts after it the 年度 pair. Without a 年度 label, four texts split two and two, and three
texts split where the 年度 column repeats the 实施期 name. What fits none of this is returned
as unplaced.
"""
from __future__ import annotations

from .grid import Pair, RowReading, kind, make_pair, mirrors
from .vocabulary import PERFORMANCE_LABEL, fold, level2_key


def read_by_sequence(cells: tuple[str, ...], year_column: int | None = None) -> RowReading:
    """The row read by order; `year_column` (the 年度 二级 column) places a row of bare texts
    that starts inside the 年度 half."""
    tokens = [c.strip() for c in cells if c.strip() and fold(c) != PERFORMANCE_LABEL]
    first = next(i for i, c in enumerate(cells) if c.strip())
    lead: list[str] = []
    while tokens and kind(tokens[0]) != "text":
        lead.append(tokens.pop(0))
    level1 = next((t for t in lead if kind(t) == "l1"), "")
    labels = _distinct([t for t in lead if kind(t) == "l2"])
    unplaced = [t for t in lead if kind(t) == "l1" and t != level1]
    if not tokens:  # a row of labels only (经济效益 with no 三级指标)
        return RowReading(
            level1=level1, period_level2=labels[0] if labels else "",
            year_level2=labels[1] if len(labels) > 1 else "", by_sequence=True,
            unplaced=tuple(unplaced + labels[2:]),
        )
    unplaced += labels[:-1]
    period_texts, year_level2, year_texts, rest = _halves(tokens)
    unplaced += rest
    if year_level2 or year_texts:
        period, year = _pair(period_texts, unplaced), _pair(year_texts, unplaced)
    elif not lead and year_column is not None and first >= year_column:
        period, year = None, _pair(period_texts, unplaced)
    else:
        period, year = _split(period_texts, unplaced)
    return RowReading(
        level1=level1, period_level2=labels[-1] if labels else "", year_level2=year_level2,
        period=period, year=year, by_sequence=True, unplaced=tuple(unplaced),
    )


def _distinct(labels: list[str]) -> list[str]:
    """Labels with repeats of the same 二级指标 dropped (a merged cell printed twice)."""
    out: list[str] = []
    for label in labels:
        if not out or level2_key(out[-1]) != level2_key(label):
            out.append(label)
    return out


def _halves(tokens: list[str]) -> tuple[list[str], str, list[str], list[str]]:
    """实施期 texts, 年度 二级指标, 年度 texts, and what came after them."""
    period: list[str] = []
    i = 0
    while i < len(tokens) and kind(tokens[i]) == "text":
        period.append(tokens[i])
        i += 1
    if i == len(tokens) or kind(tokens[i]) != "l2":
        return period, "", [], tokens[i:]
    label, i = tokens[i], i + 1
    year: list[str] = []
    while i < len(tokens) and kind(tokens[i]) == "text":
        year.append(tokens[i])
        i += 1
    return period, label, year, tokens[i:]


def _pair(texts: list[str], unplaced: list[str]) -> Pair | None:
    if not texts:
        return None
    if len(texts) == 3 and fold(texts[0]) == fold(texts[1]):  # the name echoed into the 二级 cell
        texts = texts[1:]
    if len(texts) > 2:
        unplaced.extend(texts)
        return None
    return make_pair(texts[0], texts[1] if len(texts) > 1 else "")


def _split(texts: list[str], unplaced: list[str]) -> tuple[Pair | None, Pair | None]:
    """Texts with no 年度 label between them: split into the 实施期 and 年度 pairs."""
    if len(texts) == 4:
        return _pair(texts[:2], unplaced), _pair(texts[2:], unplaced)
    if len(texts) == 3 and mirrors(texts[0], texts[2]):
        return _pair(texts[:2], unplaced), _pair(texts[2:], unplaced)
    if len(texts) == 3 and mirrors(texts[0], texts[1]):
        return _pair(texts[:1], unplaced), _pair(texts[1:], unplaced)
    if len(texts) == 2 and mirrors(texts[0], texts[1]):
        return _pair(texts[:1], unplaced), _pair(texts[1:], unplaced)
    if len(texts) <= 2:
        return _pair(texts, unplaced), None
    unplaced.extend(texts)
    return None, None

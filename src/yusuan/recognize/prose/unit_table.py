"""A list of budget units printed as a table inside the text (西安: 序号 | 单位名称 | 拟变动情况; 泉州: 序号 |
单位名称, under “…单位详细情况见下表”), read as the list it is: the names under the 单位名称 head, in the order
of their 序号, a name wrapped onto a row of its own joined to the one above."""
from __future__ import annotations

import re
from collections.abc import Sequence

from ...model import Paragraph
from ...text.folding import squash

_NAME_HEAD = re.compile(r"(?:预算|所属|下属)?单位(?:名称)?|名称")
_NUMBER = re.compile(r"\d{1,3}")
_HEAD_WITHIN = 2  # the head row stands right under the sentence introducing the list (or one line further)


def tabled_names(paragraphs: Sequence[Paragraph], start: int) -> list[str]:
    """The unit names of a table whose head row is among the first lines from `start`; [] if there is none."""
    for at in range(start, min(start + _HEAD_WITHIN, len(paragraphs))):
        cells = [squash(c) for c in paragraphs[at].text.split("\t")]
        column = next((k for k, c in enumerate(cells) if _NAME_HEAD.fullmatch(c)), None)
        if len(cells) > 1 and column is not None:
            return _rows(paragraphs[at + 1:], column)
    return []


def _rows(paragraphs: Sequence[Paragraph], column: int) -> list[str]:
    names: list[str] = []
    for p in paragraphs:
        cells = [squash(c) for c in p.text.split("\t")]
        if len(cells) <= column:
            break  # the table ends where a line of text stands
        if _NAME_HEAD.fullmatch(cells[column]):
            continue  # the head printed again over the rest on the next page
        if _NUMBER.fullmatch(cells[0]) and int(cells[0]) == len(names) + 1 and cells[column]:
            names.append(cells[column])
        elif not cells[0] and cells[column] and names:
            names[-1] += cells[column]  # the rest of a wrapped name
        elif cells[0] or cells[column]:
            break
    return names

"""项目经费情况说明 read from the narrative's sections (Shanghai 部门预算, part 七).

A section headed ``…项目经费情况说明`` opens a statement; the deeper sections under it are its
parts, told by their titles (项目概述/概况, 立项依据, 实施主体, 实施方案, 实施周期, 年度预算安排,
绩效目标). A deeper heading that names no part opens another project's statement inside the same
part (several projects under one ``项目经费情况说明``). The 年度预算安排 amount is the one figure
the text states, or the sum of figures stated per quarter or month.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ...model import Amount, MoneyUnit, ProjectStatement, Section
from ...text.folding import fold

_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）])?(.*?)(?:项目)?经费情况说明$")
# The seven parts: field name and the printed titles that name it.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("overview", ("项目概述", "项目概况", "概述", "概况")),
    ("basis", ("立项依据",)),
    ("implementer", ("实施主体",)),
    ("plan", ("实施方案",)),
    ("period", ("实施周期",)),
    ("budget_text", ("年度预算安排",)),
    ("target", ("绩效目标",)),
)
_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])")
_MONEY = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)")
_PERIODIC = re.compile(r"季度|[一二三四五六七八九十\d]+月")
_WHOLE_YEAR = re.compile(r"全年|合计|共计|总计|总额|年度预算")


def read_statements(sections: tuple[Section, ...]) -> tuple[ProjectStatement, ...]:
    out: list[ProjectStatement] = []
    i = 0
    while i < len(sections):
        head = sections[i]
        m = _HEADING.match(fold(head.title))
        j = i + 1
        while j < len(sections) and sections[j].level > head.level:
            j += 1
        if m and head.level > 0:
            out.extend(_statements(m.group(1), head, sections[i + 1:j]))
            i = j
        else:
            i += 1
    return tuple(out)


def _part(title: str) -> tuple[str, str] | None:
    """(field, text printed after the part's title) if a heading names a part."""
    key = _NUMBER.sub("", fold(title))
    for field, names in PARTS:
        for name in names:
            if key.startswith(name):
                return field, key[len(name):].lstrip(":：")
    return None


def _statements(name: str, head: Section, below: tuple[Section, ...]) -> list[ProjectStatement]:
    groups: list[tuple[str, Section, list[Section]]] = [(name, head, [])]
    for s in below:
        if _part(s.title):
            groups[-1][2].append(s)
        elif not groups[-1][2] or groups[-1][1] is not head:
            groups.append((_NUMBER.sub("", fold(s.title)), s, []))
    return [_statement(n, h, parts) for n, h, parts in groups if parts]


def _statement(name: str, head: Section, parts: list[Section]) -> ProjectStatement:
    texts: dict[str, str] = {}
    budget = None
    for s in parts:
        field, inline = _part(s.title)  # type: ignore[misc]
        texts.setdefault(field, "".join(x for x in (inline, "".join(s.text.split("\n"))) if x))
        if field == "budget_text" and budget is None:
            budget = s
    texts = _unglued(texts)
    missing = tuple(names[0] for field, names in PARTS if not texts.get(field))
    return ProjectStatement(
        name=name, overview=texts.get("overview", ""), basis=texts.get("basis", ""),
        implementer=texts.get("implementer", ""), plan=texts.get("plan", ""), period=texts.get("period", ""),
        budget_text=texts.get("budget_text", ""), target=texts.get("target", ""),
        annual_amount=annual_amount(texts.get("budget_text", "")), provenance=head.provenance,
        budget_provenance=budget.provenance if budget else None, missing=missing,
    )


_GLUED = re.compile(r"(?<=[。；;.])[一二三四五六七八九十]+[、.．](%s)[:：]?" % "|".join(n for _, ns in PARTS for n in ns[:2]))


def _unglued(texts: dict[str, str]) -> dict[str, str]:
    """A part's heading the reader glued to the end of the previous part's last line
    (``…158.05万元。七、绩效目标``) starts its own part again."""
    out = dict(texts)
    for field, text in texts.items():
        m = _GLUED.search(text)
        if not m:
            continue
        glued = next(f for f, names in PARTS if m.group(1) in names)
        if not out.get(glued):
            out[field], out[glued] = text[:m.start()], text[m.end():]
    return out


def annual_amount(text: str) -> Amount | None:
    """The year's amount a 年度预算安排 text states: its one figure, the figure it calls the
    year's (全年/合计 …), or the sum of figures stated per quarter or month; else None."""
    found = list(_MONEY.finditer(text))
    if not found:
        return None
    amounts = [_amount(m) for m in found]
    if len(found) == 1:
        return amounts[0]
    starts = [0, *(m.end() for m in found[:-1])]
    lead = [text[s:m.start()] for s, m in zip(starts, found)]
    whole = [a for a, ld in zip(amounts, lead) if _WHOLE_YEAR.search(ld)]
    if len(whole) == 1:
        return whole[0]
    if all(_PERIODIC.search(ld) for ld in lead) and len({a.unit for a in amounts}) == 1:
        return Amount(sum((a.value for a in amounts), Decimal(0)), amounts[0].unit, max(a.places for a in amounts))
    return None


def _amount(m: re.Match[str]) -> Amount:
    digits = m.group(1).replace(",", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    return Amount(Decimal(digits), MoneyUnit.WAN_YUAN if m.group(2) == "万元" else MoneyUnit.YUAN, places)

"""Where a document says a table has no data other than under the table: its list of tables, its narrative.

西安 lists its tables in a 目录 with 是否空表 and 公开空表理由 columns (``表9 | …政府性基金收支表 | 是 | 不涉及``);
上海 states in the 编制说明 that the fund is nil (``政府性基金拨款支出预算0万元``, ``本单位无机关运行经费``). Either
tells the reader the empty table is empty on purpose, as a note under the table would; a template that asks for
the note under the table itself (山西) takes only the list.
"""
from __future__ import annotations

import re

from ..model import Disclosure, Table, TableKind as K
from ..templates import template
from ..text.folding import fold
from ..text.titles import title_key

# What the narrative calls the money a table shows; every word must be stated nil for the table to be explained.
_SUBJECT = {
    K.FUND_INCOME: ("政府性基金",), K.FUND_EXPENDITURE: ("政府性基金",), K.FUND_SUMMARY: ("政府性基金",),
    K.STATE_CAPITAL: ("国有资本经营",), K.STATE_CAPITAL_EXPENDITURE: ("国有资本经营",),
    K.THREE_PUBLIC: ("三公",), K.AGENCY_RUNNING: ("机关运行经费",),
    K.THREE_PUBLIC_AND_RUNNING: ("三公", "机关运行经费"),
    K.PROJECTS: ("项目支出",), K.PROJECTS_CARRYOVER: ("结转",), K.CARRYOVER_EXPENDITURE: ("结转",),
    K.PROCUREMENT: ("政府采购",), K.MEETING_TRAINING: ("会议费", "培训费"),
}
# A nil amount or a plain "none": 0万元, 0.00元, 为0, 无…, 没有, 未安排, 不涉及 (not 无锡, not 无偿).
_NIL = re.compile(r"(?<![\d.,，])0(?:\.0+)?(?:万?元)?(?![\d.%])|没有|未安排|不涉及|无(?!锡|偿|增|变)")
_SENTENCE = re.compile(r"[。；;]")
# The conditional wording of a template's standing note: 此表如无数字则表示单位无该项支出.
CONDITIONAL = re.compile(r"如无|若无|如果|如没有|如未")


def _sentences(d: Disclosure):
    for s in d.sections:
        for p in s.paragraphs:
            yield from _SENTENCE.split(fold(p.text))


def _listed_empty(d: Disclosure) -> list[str]:
    """The titles a list of tables marks 是 (空表) with a reason beside them."""
    out = []
    for s in d.sections:
        for p in s.paragraphs:
            cells = [c.strip() for c in p.text.split("\t")]
            for i, c in enumerate(cells[:-1]):
                if c == "是" and cells[i + 1] and i > 0 and "表" in cells[i - 1]:
                    out.append(title_key(cells[i - 1]))
    return [k for k in out if k]


def explained_elsewhere(d: Disclosure, t: Table) -> bool:
    """Whether the document says, outside the table, that this empty table has no data."""
    key = title_key(t.title)
    if any(k in key or key in k for k in _listed_empty(d)):
        return True
    words = _SUBJECT.get(t.kind)
    if not words or template(d.meta.template).note_under_empty_table:
        return False
    sentences = [s for s in _sentences(d) if _NIL.search(s)]
    return all(any(_says_nil(w, s) for s in sentences) for w in words)


def _says_nil(word: str, sentence: str) -> bool:
    """The word and a nil within one clause, either way round (政府性基金拨款支出预算0万元, 本单位无机关运行经费)."""
    nil = _NIL.pattern
    return bool(re.search(f"{word}[^，,：:]{{0,20}}?(?:{nil})|(?:{nil})[^，,：:]{{0,10}}?{word}", sentence))


def prints_nonzero(t: Table) -> bool:
    """Whether the table prints an amount other than zero (a row of 0.00 is still "no data")."""
    return any(v.amount is not None and v.amount.value != 0 for r in t.rows for v in r.values)

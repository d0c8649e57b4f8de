"""A word printed twice in a row: ``支出支出``, ``的的``."""
from __future__ import annotations

import re
from functools import cache

from ...reference.bundled import KIND_FILES, read_rows
from ..catalog import rule
from ..claims import sentences
from ..claims.checks import MAX_MATCHES_PER_SENTENCE, at
from ..findings import Finding, Severity

# Two to eight Chinese characters printed twice in a row, or a doubled function word. Reduplicated
# words that are Chinese as written (个个, 逐步逐步 is not) are few in budget prose; 常常, 人人 and
# the like are listed so they pass.
_HAN = r"[\u4e00-\u9fff]"
DOUBLED = re.compile(rf"({_HAN}{{2,8}})\1|([的了和与及是在对])\2")
ALLOWED = frozenset({"常常", "人人", "个个", "年年", "天天", "事事", "处处", "种种", "刚刚", "渐渐", "谢谢"})


@rule("wording.duplicated_words", family="wording", title="词语重复", severity=Severity.WARNING)
def check(d, ctx):
    """说明中同一个词紧接着出现两次（“项目支出支出”“的的”）。

    为什么：多是修改时复制粘贴留下的，读者会以为漏了字。
    容差：汉语本来的叠词（常常、人人、个个、年年 等）不算。两个字的重复可能是三个词首尾相接
    （“监测预测预警”是监测、预测、预警，不是“测预”重复）：文件别处“预测”比“测预”常见，或两者都不见
    而前后的“监测”“预警”别处见过，或文件都不见而政府收支分类科目的名称中有“航空”无“空航”
    （“低空航空航天”），就不报。
    例：“主要用于行政运行运行支出”，报警告。
    """
    said = sentences(d)
    text = "\n".join(s.text for s in said)
    for s in said:
        seen: set[str] = set()
        for m in DOUBLED.finditer(s.text):
            word = m.group(0)
            if word in seen or word in ALLOWED or _words_in_a_row(s.text, m, text):
                continue
            seen.add(word)
            yield Finding("wording.duplicated_words", Severity.WARNING, f"说明中“{word}”词语重复。", (at(s, m.start()),))
            if len(seen) >= MAX_MATCHES_PER_SENTENCE:
                break


def _words_in_a_row(sentence: str, m: re.Match[str], text: str) -> bool:
    """``AB`` doubled read as ``XA BA BY``, three words end to end: the document (the doubling left out)
    prints ``BA`` at least as often as ``AB``, and if neither, prints ``XA`` or ``BY`` elsewhere."""
    unit = m.group(1)
    if unit is None or len(unit) != 2:
        return False
    rest = text.replace(unit + unit, "\0")
    straight, turned = rest.count(unit), rest.count(unit[::-1])
    if straight or turned:
        return turned >= straight
    before, after = sentence[m.start() - 1:m.start()], sentence[m.end():m.end() + 1]
    if any(re.fullmatch(_HAN, c) is not None and pair in rest
           for c, pair in ((before, before + unit[0]), (after, unit[1] + after))):
        return True
    # the document prints neither: the budget's own words say which (“低空航空航天”: 航空 is one, 空航 none)
    words = budget_words()
    return unit[::-1] in words and unit not in words


@cache
def budget_words() -> str:
    """The names of the bundled classifications (功能、经济、收入科目), one a line: the words budgets are written in."""
    return "\n".join(row["name"] for system in KIND_FILES for row in read_rows(system))

"""Template placeholders left in the text: XX, ××, {单位}, 【单位名称】, ＿＿ — in the narrative and
on every other printed line (cover, 目录, headings, table titles and heads, row labels, notes)."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims.checks import matches_in_text
from ..claims.lines import printed_lines
from ..findings import Finding, Severity

# XX / ＸＸ / ×× / xx standing for a name or figure (not inside a Latin word), {…} / ｛…｝ fields,
# 【…名称】 fields, runs of underscores left blank.
PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|[×＊*]{2,})(?![A-Za-z])|[{｛][^{}｛｝]{0,12}[}｝]|【[^】]{0,8}(?:名称|单位|部门)】|[_＿]{3,}"
)


_STARS = re.compile(r"\s*[＊*]+\s*")


@rule("wording.placeholder", family="wording", title="模板占位符未替换", severity=Severity.ERROR)
def check(d, ctx):
    """说明中，以及封面、目录、各级标题、表名、表头的部门名称、栏目、行名和表注中，留有模板的占位符：
    “XX”“××”“{单位}”“【单位名称】”“____”。

    为什么：占位符说明该处照搬模板、没有填入本部门的名称或数字，读者读不到真实内容；留在标题或表头的
    占位符（“第一部分 上海市普陀区XX局概况”）和留在正文的一样是错，而且更显眼。
    容差：无。英文单词中的字母（如“XXL”之外的拉丁词）不算。
    例：“XX单位2024年度收入支出总计……”，或部分标题“上海市普陀区XX局2026年部门预算编制说明”，报错误。
    """
    yield from matches_in_text(d, "wording.placeholder", PLACEHOLDER, Severity.ERROR,
                               lambda m: f"说明中留有模板占位符“{m.group(0)}”，应替换为实际内容。")
    seen: set[tuple[str, str]] = set()
    for text, where in printed_lines(d):
        if _STARS.fullmatch(text):
            continue  # a cell of asterisks alone marks or masks (评级 ***), it stands for no name
        for m in PLACEHOLDER.finditer(text):
            if (text, m.group(0)) not in seen:
                seen.add((text, m.group(0)))
                yield Finding("wording.placeholder", Severity.ERROR,
                              f"“{text[:40]}”中留有模板占位符“{m.group(0)}”，应替换为实际内容。", (where,))

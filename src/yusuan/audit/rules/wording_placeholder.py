"""Template placeholders left in the text: XX, ××, {单位}, 【单位名称】, ＿＿."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims.checks import matches_in_text
from ..findings import Severity

# XX / ＸＸ / ×× / xx standing for a name or figure (not inside a Latin word), {…} / ｛…｝ fields,
# 【…名称】 fields, runs of underscores left blank.
PLACEHOLDER = re.compile(
    r"(?<![A-Za-z])(?:[XxＸｘ]{2,}|[×＊*]{2,})(?![A-Za-z])|[{｛][^{}｛｝]{0,12}[}｝]|【[^】]{0,8}(?:名称|单位|部门)】|[_＿]{3,}"
)


@rule("wording.placeholder", family="wording", title="模板占位符未替换", severity=Severity.ERROR)
def check(d, ctx):
    """说明中留有模板的占位符：“XX”“××”“{单位}”“【单位名称】”“____”。

    为什么：占位符说明该句照搬模板、没有填入本部门的名称或数字，读者读不到真实内容。
    容差：无。英文单词中的字母（如“XXL”之外的拉丁词）不算。
    例：“XX单位2024年度收入支出总计……”，报错误。
    """
    return matches_in_text(d, "wording.placeholder", PLACEHOLDER, Severity.ERROR,
                           lambda m: f"说明中留有模板占位符“{m.group(0)}”，应替换为实际内容。")

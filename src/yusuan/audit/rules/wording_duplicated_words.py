"""A word printed twice in a row: ``支出支出``, ``的的``."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims.checks import matches_in_text
from ..findings import Severity

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
    容差：汉语本来的叠词（常常、人人、个个、年年 等）不算。
    例：“主要用于行政运行运行支出”，报警告。
    """
    return (f for f in matches_in_text(
        d, "wording.duplicated_words", DOUBLED, Severity.WARNING,
        lambda m: f"说明中“{m.group(0)}”词语重复。") if _word(f.message) not in ALLOWED)


def _word(message: str) -> str:
    return message.split("“", 1)[1].split("”", 1)[0]

"""Punctuation: doubled or stray marks, and half-width commas in Chinese text."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims import sentences
from ..claims.checks import at, matches_in_text
from ..findings import Finding, Severity

DOUBLED = re.compile(r"([。，；、：！？])\1|[，、；：][。；]|。[，、；]")
ASCII_COMMA = re.compile(r"(?<=[\u4e00-\u9fff）”])\s*,\s*(?=[\u4e00-\u9fff（“])|(?<=[\u4e00-\u9fff）”]),(?=\d)|(?<=\d),(?=[\u4e00-\u9fff])")


@rule("wording.doubled_punctuation", family="wording", title="标点重复或错用", severity=Severity.WARNING)
def check(d, ctx):
    """说明中标点重复（“。。”“，，”）或两个标点相连（“，。”“；。”“。，”）。

    为什么：常是删去一段文字后留下的痕迹，提示该处可能缺了内容。
    容差：无。
    例：“主要原因是人员减少，。”
    """
    return matches_in_text(d, "wording.doubled_punctuation", DOUBLED, Severity.WARNING,
                           lambda m: f"说明中标点“{m.group(0)}”重复或相连，可能有文字被删去。")


@rule("wording.ascii_comma", family="wording", title="中文句中使用半角逗号", severity=Severity.INFO)
def check_comma(d, ctx):
    """中文句子中用了半角逗号“,”分句（数字中的千分位逗号“4,411.49”不算）。

    为什么：只是排版不规范，不影响内容，作为提示。
    容差：无。
    例：“一般公共预算当年支出3,008.67万元,比上年增加330.11万元”。
    """
    for s in sentences(d):
        m = ASCII_COMMA.search(s.text)
        if m:
            yield Finding("wording.ascii_comma", Severity.INFO, "中文句子中使用了半角逗号“,”。", (at(s, m.start()),))

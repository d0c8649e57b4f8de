"""Template text left in the document: unresolved alternatives and sentences cut short."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims import sentences
from ..claims.checks import at, matches_in_text
from ..findings import Finding, Severity

_UP, _DOWN = "增加|增长|上升|提高", "减少|下降|降低"
ALTERNATIVE = re.compile(
    rf"(?:{_UP})\s*[（(/／或]\s*(?:{_DOWN})\s*[）)]?|(?:{_DOWN})\s*[（(/／或]\s*(?:{_UP})\s*[）)]?"
    r"|增\s*[（(/]\s*减\s*[）)]?|[（(]\s*增加\s*[/／、]\s*减少\s*[）)]"
)
# ``其中。`` after a verb of inclusion is a whole phrase (``不再列入其中。``), not a list left empty
# …执行数为。 / …预算安排为。: a figure left out after 为/是/达; …一般行政管理事务经。: 经费 cut to its first character
TRUNCATED = re.compile(r"(?:原因是|原因为|主要用于|主要包括|包括|如下|分别是|分别为|(?<!列入|纳入|计入|包含|归入|含在|列在)其中)"
                       r"\s*[：:]?\s*[。.]$|[：:，,、；;]\s*[。.]$"
                       r"|(?:数|额|金|费|计|预算|安排|支出|收入)\s*(?:为|是|达)\s*[。.]$"
                       r"|(?:事务|业务|管理|工作|专项|项目|运行|办案|业务费)经\s*[。.]$")


@rule("wording.template_alternative", family="wording", title="模板中的可选词未定稿", severity=Severity.ERROR)
def check(d, ctx):
    """说明中留有模板的可选词：“增加（减少）”“下降(增长)”“增长/下降”“增（减）”等，说明撰写时没有按实际
    情况选定其一。

    为什么：读者无法知道是增是减，且表明该句是套用模板未经核对。
    容差：无。
    例：“比2024年预算40.72万元减少0.04万元，下降(增长)0.001%”中的“下降(增长)”。
    """
    return matches_in_text(d, "wording.template_alternative", ALTERNATIVE, Severity.ERROR,
                           lambda m: f"说明中留有未选定的模板用词“{m.group(0)}”，应按实际增减改为其中之一。")


_HAN = re.compile(r"[\u4e00-\u9fff]")


@rule("wording.truncated_sentence", family="wording", title="句子残缺", severity=Severity.ERROR)
def check_truncated(d, ctx):
    """句子在“主要原因是”“主要包括”“其中”之后或在冒号、逗号之后直接结束（“主要原因是。”“……：。”），
    在“执行数为”“预算安排为”之后、数字该出现的地方结束（“2025年当年预算执行数为。”），或一个词只写了
    半个（“主要用于：一般行政管理事务经。”，“经费”只剩“经”），应写的内容没有写。

    为什么：残句说明模板中的说明文字被删去而未补写，是公开内容不完整。
    容差：无。只有数字和标点的“句子”（表格单元读作正文）不判断。
    例：“公用经费比上年减少2.00万元，主要原因是。”
    """
    for s in sentences(d):
        # a "sentence" of figures and marks only is a table's cell read as prose (重庆 商务委's 整体绩效目标表:
        # “2026 , 。”), not a sentence anyone wrote
        if (m := TRUNCATED.search(s.text)) and len(_HAN.findall(s.text)) >= 2:
            yield Finding("wording.truncated_sentence", Severity.ERROR,
                          f"句子“{s.short}”在应有内容处结束，内容残缺。", (at(s, m.start()),))

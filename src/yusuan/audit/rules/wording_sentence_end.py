"""A paragraph of the narrative ends with a full stop: ``主要原因是工作量增加`` then the next paragraph."""
from __future__ import annotations

import re

from ..catalog import rule
from ..claims.checks import at
from ..claims.sentences import split_paragraph
from ..findings import Finding, Severity

# What may end a paragraph besides 。: ！？, a colon or semicolon introducing a list, a closing
# bracket or quote after the stop, a figure or unit in a list line (表 items, 名词解释 …) ends otherwise.
ENDS = re.compile(r"[。！？!?：:；;…]\s*[”’」』）)】]*\s*$")
# A paragraph that reads as a sentence: a clause mark, or a verb of explanation (…的主要原因是工作量增加).
SENTENCE = re.compile(r"[，,].*\S{4,}|原因是|主要用于|是指|为了|由于")
MIN_CHARS = 16
# A numbered heading the reader ran into the paragraph's end (``…。七、绩效目标``).
HEADING_TAIL = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])[^，,。]{1,20}$")
FULL_LINE = 0.85  # a paragraph this close to the section's longest is a wrapped line of a text source
CONTINUED = re.compile(r"^[\d%％.,，。、；;：:）)”’]")


@rule("wording.sentence_end", family="wording", title="句末缺少句号", severity=Severity.WARNING)
def check(d, ctx):
    """说明中的一段话（含逗号、长于16字）没有以句号（或问号、冒号、分号）结尾。

    为什么：审核人员会指出“‘财政拨款收入支出增加的主要原因是工作量增加’后面漏了个句号”；缺句号也常是
    段落被截断或两段误合的信号。
    容差：短行（标题、列表项、表格行）不查；与本节最长行等长的行（文本文件中一段折成的几行）、跨页的句子、
    下一行以数字或标点接续的不查。
    例：“财政拨款收入支出增加的主要原因是工作量增加”后无句号，报警告。
    """
    for sec in d.sections:
        longest = max((len(p.text.strip()) for p in sec.paragraphs), default=0)
        for n, p in enumerate(sec.paragraphs):
            text = p.text.strip()
            if "\t" in text or len(text) < MIN_CHARS or not SENTENCE.search(text) or ENDS.search(text):
                continue
            nxt = sec.paragraphs[n + 1] if n + 1 < len(sec.paragraphs) else None
            following = nxt.text.strip() if nxt else ""
            if CONTINUED.match(following) or text[-1] in "，、,":
                continue
            if nxt is not None and nxt.provenance.page != p.provenance.page:
                continue  # a sentence running over a page break is read as two paragraphs  # the sentence runs on in the next line the reader did not join (``…占本年支出合计的`` / ``100.00%。``)
            if nxt is not None and len(text) >= FULL_LINE * longest and len(sec.paragraphs) > 2:
                continue  # one wrapped line of a paragraph printed over several (text form): it runs on
            last = split_paragraph(p, sec, n)[-1]
            if HEADING_TAIL.match(last.text):
                continue
            yield Finding("wording.sentence_end", Severity.WARNING,
                          f"说明中“{last.short}”句末缺少句号。", (at(last),))

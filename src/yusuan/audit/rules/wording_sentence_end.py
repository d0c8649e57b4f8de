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
# A comma between digits groups thousands (``1,131.92``): no clause mark. A stop with words after it is one
# (``财政拨款收入预算总计 21,940.96 万元。其中``: a sentence finished, the last one not), but for a remark in
# brackets after the last (``…住房公积金。（按“部门预算公开06表…”中实际发生经济分类支出事项填写）``, js-npc-office-2018).
SENTENCE = re.compile(r"(?:，|,(?!\d{3})).*\S{4,}|[。！？!?]\s*(?![（(\s])[^。！？!?]{2,}$|原因是|主要用于|是指|为了|由于")
MIN_CHARS = 16
# A numbered heading the reader ran into the paragraph's end (``…。七、绩效目标``).
HEADING_TAIL = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])[^，,。]{1,20}$")
FULL_LINE = 0.85  # a paragraph this close to the section's longest is a wrapped line of a text source
CONTINUED = re.compile(r"^[\d%％.,，。、；;：:）)”’]|^[^\W\d一二三四五六七八九十][，、,；;]")  # a figure, a mark, or a word's last character (``增`` / ``加，预算增加；``)
# A numbered title of two clauses (``（二）严格耕地用途管制，坚决守住耕地红线``): a heading, no sentence.
TITLE = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])[^。；;：:]{4,30}$")
# A bracketed note closing an item (``…争取国家和省政府政策支持。（发展处）``: who answers for it).
NOTE = re.compile(r"^[（(][^（()）]{1,12}[)）]$")
# An item of a list printed on one line, carried on by the next paragraph's next item
# (``本单位内设机构包括：(一）办公室`` / ``（二）法规处（三）行政审批处…``).
ITEM = re.compile(r"[（(][一二三四五六七八九十]+[)）]|(?<!\d)\d{1,2}[、.．](?!\d)")


@rule("wording.sentence_end", family="wording", title="句末缺少句号", severity=Severity.WARNING)
def check(d, ctx):
    """说明中的一段话（含逗号、长于16字）没有以句号（或问号、冒号、分号）结尾。

    为什么：审核人员会指出“‘财政拨款收入支出增加的主要原因是工作量增加’后面漏了个句号”；缺句号也常是
    段落被截断或两段误合的信号。
    容差：短行（标题、列表项、表格行）和带编号的两句式小标题（“（二）严格耕地用途管制，坚决守住耕地红线”）
    不查；与本节最长行等长的行（文本文件中一段折成的几行）、跨页的句子、下一行以数字或标点接续的、
    同一行列出的清单由下一段的下一项接续的、下一行被读成表格行（无法判断是否接续）的、以括注（“（发展处）”）
    结尾的不查。
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
            if CONTINUED.match(following) or text[-1] in "，、," or TITLE.match(text) or _list_runs_on(text, following):
                continue
            if "\t" in following:
                continue  # a line the reader split into cells: whether the sentence runs on into it is not known
            if nxt is not None and nxt.provenance.page != p.provenance_at(len(p.text)).page:
                continue  # a paragraph over a page break the reader could not join (the rest opens with 一、…)
            if nxt is not None and len(text) >= FULL_LINE * longest and len(sec.paragraphs) > 2:
                continue  # one wrapped line of a paragraph printed over several (text form): it runs on
            last = split_paragraph(p, sec, n)[-1]
            if HEADING_TAIL.match(last.text) or NOTE.match(last.text):
                continue
            yield Finding("wording.sentence_end", Severity.WARNING,
                          f"说明中“{last.short}”句末缺少句号。", (at(last, len(last.text) - 1),))


def _list_runs_on(text: str, following: str) -> bool:
    """The paragraph ends inside a list whose next item opens the next paragraph."""
    return bool(ITEM.match(following)) and ITEM.search(text) is not None and ("：" in text or ":" in text)

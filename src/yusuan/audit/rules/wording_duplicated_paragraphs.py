"""The same paragraph printed twice in the narrative (a copy-paste left behind)."""
from __future__ import annotations

import re

from ...sources.normalize import fold
from ..catalog import rule
from ..claims.checks import at
from ..claims.sentences import split_paragraph
from ..findings import Finding, Severity

MIN_CHARS = 20  # short lines repeat by design (列表项, 单位名称)
MIRRORED = 3
_FIGURE = re.compile(r"\d")


@rule("wording.duplicated_paragraphs", family="wording", title="段落重复", severity=Severity.WARNING)
def check(d, ctx):
    """说明中同一段文字（20字以上）出现两次。

    为什么：重复的段落是拼接文稿时留下的，常常意味着本该写的另一段被覆盖了。
    容差：20字以下的短行（列表项、单位名称）、表格行和名词解释不查。两个部分分别说明数字相同的
    两张表（江苏：财政拨款支出与一般公共预算支出，没有政府性基金时逐项相同）属并列说明，不报：含数字的
    一段与其前后段一起在另一部分出现，或一个部分有一半以上（且至少3段）与另一部分相同。
    例：“三公”经费一节的“主要原因是严格落实中央八项规定……”整段在下一节又出现一次，报警告。
    """
    flat = [(sec, n, p, fold(p.text)) for sec in d.sections if "名词解释" not in sec.title
            for n, p in enumerate(sec.paragraphs)]
    texts = [t for *_, t in flat]
    first: dict[str, int] = {}
    for k, text in enumerate(texts):
        first.setdefault(text, k)
    for k, (sec, n, p, text) in enumerate(flat):
        m = first[text]
        if m == k or "\t" in p.text or len(text) < MIN_CHARS or _parallel(flat, texts, first, k, m):
            continue
        other = split_paragraph(flat[m][2], flat[m][0], flat[m][1])[0]
        here = split_paragraph(p, sec, n)[0]
        yield Finding("wording.duplicated_paragraphs", Severity.WARNING,
                      f"说明中这一段与“{other.section_title}”中的一段完全相同：“{here.short}”。",
                      (at(here), at(other)))


def _parallel(flat, texts: list[str], first: dict[str, int], k: int, m: int) -> bool:
    """Paragraph k repeats paragraph m because k's part restates m's (two parts describing two tables
    with the same figures): a neighbour of k repeats m's part too and k states a figure, or at least
    MIRRORED paragraphs, half of k's part, repeat m's part."""
    here, there = _chapter(flat[k][0].id), _chapter(flat[m][0].id)
    if here == there:
        return False

    def repeats_there(j: int) -> bool:
        return 0 <= j < len(texts) and first[texts[j]] != j and _chapter(flat[first[texts[j]]][0].id) == there

    if _FIGURE.search(texts[k]) and (repeats_there(k - 1) or repeats_there(k + 1)):
        return True
    mine = [j for j in range(len(texts)) if _chapter(flat[j][0].id) == here]
    repeats = sum(repeats_there(j) for j in mine)
    return repeats >= MIRRORED and 2 * repeats >= len(mine)


def _chapter(section_id: str) -> str:
    """``s3.8.1`` → ``s3.8``: the numbered part (一、… under 第N部分) a section belongs to."""
    return ".".join(section_id.split(".")[:2])

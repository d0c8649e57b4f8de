"""The same paragraph printed twice in the narrative (a copy-paste left behind)."""
from __future__ import annotations

from ...sources.normalize import fold
from ..catalog import rule
from ..claims.checks import at
from ..claims.sentences import split_paragraph
from ..findings import Finding, Severity

MIN_CHARS = 20  # short lines repeat by design (列表项, 单位名称)


@rule("wording.duplicated_paragraphs", family="wording", title="段落重复", severity=Severity.WARNING)
def check(d, ctx):
    """说明中同一段文字（20字以上）出现两次。

    为什么：重复的段落是拼接文稿时留下的，常常意味着本该写的另一段被覆盖了。
    容差：20字以下的短行（列表项、单位名称）、表格行和名词解释不查。
    例：“三公”经费一节的“主要原因是严格落实中央八项规定……”整段在下一节又出现一次，报警告。
    """
    seen: dict[str, tuple] = {}
    for sec in d.sections:
        if "名词解释" in sec.title:
            continue
        for n, p in enumerate(sec.paragraphs):
            text = fold(p.text)
            if "\t" in p.text or len(text) < MIN_CHARS:
                continue
            first = split_paragraph(p, sec, n)[0]
            if text in seen:
                other = seen[text]
                yield Finding("wording.duplicated_paragraphs", Severity.WARNING,
                              f"说明中这一段与“{other.section_title}”中的一段完全相同：“{first.short}”。",
                              (at(first), at(other)))
            else:
                seen[text] = first

"""Quotes and brackets in pairs: ``开展‘人民调解协议书检查’、优秀调解案例”活动`` has one too many."""
from __future__ import annotations

from ..catalog import rule
from ..claims.checks import at
from ..claims.sentences import split_paragraph
from ..findings import Finding, Severity

PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("(", ")"), ("《", "》"), ("【", "】"))


def _unbalanced(text: str) -> list[str]:
    out = []
    for left, right in PAIRS:
        depth = 0
        for ch in text:
            if ch == left:
                depth += 1
            elif ch == right:
                depth -= 1
                if depth < 0:
                    break
        if depth != 0:
            out.append(left + right)
    return out


@rule("wording.unbalanced_marks", family="wording", title="引号或括号不成对", severity=Severity.WARNING)
def check(d, ctx):
    """说明的每一段中，引号（“”‘’）、括号（（）()【】）和书名号（《》）应成对出现、先开后闭。

    为什么：多出或缺少的引号、括号是编辑时删改留下的，审核人员会指出“这里多了一个右引号”。
    容差：按段落检查（引文可跨句，不跨段）；表格行不查。
    例：“开展‘人民调解协议书检查’、优秀调解案例”活动。”多了一个右引号，报警告。
    """
    for sec in d.sections:
        for n, p in enumerate(sec.paragraphs):
            if "\t" in p.text:
                continue
            bad = _unbalanced(p.text)
            if bad:
                first = split_paragraph(p, sec, n)[0]
                yield Finding("wording.unbalanced_marks", Severity.WARNING,
                              f"说明中这一段的{'、'.join(bad)}不成对：“{first.short}”。", (at(first),))

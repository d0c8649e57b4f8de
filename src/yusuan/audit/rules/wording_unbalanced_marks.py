"""Quotes and brackets in pairs: ``开展‘人民调解协议书检查’、优秀调解案例”活动`` has one too many."""
from __future__ import annotations

from ..catalog import rule
from ..claims.sentences import split_paragraph
from ..findings import Finding, Location, Severity

PAIRS = (("“", "”"), ("‘", "’"), ("（", "）"), ("(", ")"), ("《", "》"), ("【", "】"))


def _depths(text: str, left: str, right: str) -> tuple[int, int]:
    """(closing marks met before any opening, opening marks left unclosed)."""
    if right not in text:  # most paragraphs hold one mark of a pair or none: counted without a walk
        return 0, text.count(left)
    if left not in text:
        return text.count(right), 0
    early = depth = 0
    for ch in text:
        if ch == left:
            depth += 1
        elif ch == right:
            if depth:
                depth -= 1
            else:
                early += 1
    return early, depth


def _slip(text: str, left: str, right: str) -> int | None:
    """Where the pair goes wrong: the first closing mark met before any opening, else the first opening
    mark left unclosed; None when the marks pair up."""
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch == left:
            opened.append(i)
        elif ch == right:
            if not opened:
                return i
            opened.pop()
    return opened[0] if opened else None


def split_pair(before: str, text: str, after: str, left: str, right: str) -> bool:
    """The pair opens in one paragraph and closes in the next: a paragraph the reader could not join
    (a chart's legend, a sentence over a page break whose rest opens with a number). Which of the two
    halves is the slip, if any, the page alone would tell."""
    early, open_ = _depths(text, left, right)
    return ((early == 0 or _depths(before, left, right)[1] >= early)
            and (open_ == 0 or _depths(after, left, right)[0] >= open_))


def _unbalanced(text: str, before: str = "", after: str = "") -> list[tuple[str, int]]:
    """Each pair that does not balance in the paragraph, with the offset of its first stray mark."""
    out = []
    for left, right in PAIRS:
        slip = _slip(text, left, right)
        if slip is not None and not split_pair(before, text, after, left, right):
            out.append((left + right, slip))
    return out


def _mixed_widths(text: str, bad: list[str]) -> str:
    """"全角“（”配半角“)”" when the unbalanced brackets are one full-width and one half-width."""
    for left, right, wide in (("（", ")", True), ("(", "）", False)):
        if "（）" in bad and "()" in bad and text.count(left) > text.count("）" if wide else ")") \
                and text.count(right) > text.count("(" if wide else "（"):
            return f"{'全角' if wide else '半角'}“{left}”配了{'半角' if wide else '全角'}“{right}”"
    return ""


@rule("wording.unbalanced_marks", family="wording", title="引号或括号不成对", severity=Severity.WARNING)
def check(d, ctx):
    """说明的每一段中，引号（“”‘’）、括号（（）()【】）和书名号（《》）应成对出现、先开后闭。

    为什么：多出或缺少的引号、括号是编辑时删改留下的，审核人员会指出“这里多了一个右引号”。
    容差：按段落检查（引文可跨句，不跨段）；表格行不查；在上一段开、在这一段闭（或这一段开、下一段闭）的一对
    是没能接上的同一段（图例、跨页后以数字开头的下文），不报。
    例：“开展‘人民调解协议书检查’、优秀调解案例”活动。”多了一个右引号，报警告；“（一）收入预算)”是
    全角左括号配了半角右括号，消息直说混用。
    """
    for sec in d.sections:
        texts = [p.text for p in sec.paragraphs]
        for n, p in enumerate(sec.paragraphs):
            if "\t" in p.text:
                continue
            found = _unbalanced(p.text, texts[n - 1] if n else "", texts[n + 1] if n + 1 < len(texts) else "")
            if found:
                bad = [pair for pair, _ in found]
                first = split_paragraph(p, sec, n)[0]
                mixed = _mixed_widths(p.text, bad)
                what = f"括号全角与半角混用（{mixed}）" if mixed else f"{'、'.join(bad)}不成对"
                # the paragraph is named by its first sentence, the place is the first stray mark's line
                where = p.provenance_at(min(slip for _, slip in found))
                yield Finding("wording.unbalanced_marks", Severity.WARNING, f"说明中这一段的{what}：“{first.short}”。",
                              (Location.of_provenance(where, section=first.section or None, sentence=first.short),))

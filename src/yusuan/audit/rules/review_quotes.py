"""Quotation marks: every closing ” has its opening “ in the same paragraph, and every “ is closed.

A reviewer of the 普陀区 checklist found ``开展“人民调解协议书检查”、优秀调解案例”活动`` in a
project's description: a closing mark too many. Such slips survive every figure check.
"""
from __future__ import annotations

from typing import Iterator

from ...model import Disclosure
from ..catalog import rule
from ..findings import Finding, Location, Severity
from .wording_unbalanced_marks import split_pair

OPEN, CLOSE = "“", "”"
AROUND = 18  # characters shown on each side of the stray mark


def unmatched(text: str) -> Iterator[tuple[int, str]]:
    """(position, mark) of each closing mark without an opening one and each opening mark never
    closed. Quotes nest (“…‘…’…” uses other marks), so a depth count is enough."""
    opened: list[int] = []
    for i, ch in enumerate(text):
        if ch == OPEN:
            opened.append(i)
        elif ch == CLOSE:
            if opened:
                opened.pop()
            else:
                yield i, ch
    yield from ((i, OPEN) for i in opened)


def excerpt(text: str, i: int) -> str:
    start, end = max(0, i - AROUND), min(len(text), i + AROUND + 1)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


@rule("review.quotes", family="review", title="引号不成对", severity=Severity.WARNING)
def check(d: Disclosure, ctx):
    """说明中（含项目经费情况说明）每个右引号“””前都有与之配对的左引号“““”，每个左引号都有右引号闭合，
    按段落检查。
    为什么：多出或缺少的引号会改变句意（哪些是名称、哪些是正文），审核人员会逐条指出。
    容差：半角引号（"）不检查，因其不分左右；在上一段开、在这一段闭（或这一段开、下一段闭）的引号是
    没能接上的同一段，不报。
    例：“开展“人民调解协议书检查”、优秀调解案例”活动。”中第二个右引号没有对应的左引号。"""
    for section in d.sections:
        texts = [p.text for p in section.paragraphs]
        for n, p in enumerate(section.paragraphs):
            if split_pair(texts[n - 1] if n else "", p.text, texts[n + 1] if n + 1 < len(texts) else "", OPEN, CLOSE):
                continue  # opened in one paragraph, closed in the next: one the reader could not join
            for i, mark in unmatched(p.text):
                what = "多了一个右引号“””，没有与之配对的左引号" if mark == CLOSE else "左引号““”没有闭合"
                shown = excerpt(p.text, i)
                yield Finding("review.quotes", Severity.WARNING, f"“{shown}”中{what}。",
                              (Location.of_provenance(p.provenance_at(i), section=section.id, sentence=shown),))

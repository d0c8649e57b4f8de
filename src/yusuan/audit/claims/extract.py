"""Reading the figures of one sentence: a scan of printed numbers, then what each one means.

A number followed by 万元/元 is an amount, by % a share (after 占) or a change (after 增加,
下降 …), by 个/辆/家 … a count. The words just before a number decide its role: a comparison
(``比2024年预算40.72万元``) quotes last year's amount; a direction word makes it a change.
"""
from __future__ import annotations

import re
from decimal import Decimal

from .figures import (
    Figures, StatedAmount, StatedChange, StatedCount, StatedShare, make_amount, subject_of,
)
from .sentences import Sentence
from .subjects import FORMS, fold_subject

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\s?\d+)?|\d+(?:\.\s?\d+)?"
MEASURES = ("个", "辆", "家", "台（套）", "台(套)", "台", "项", "人", "名", "处")
_FIG = re.compile(
    rf"(?<![\d.,])(?P<num>{NUM})\s*(?P<unit>万元|亿元|元|%|％|{'|'.join(re.escape(m) for m in MEASURES)})?"
)
_DELIM = re.compile(r"[，；：。、;:！？]|,(?!\d{3})|(?<!\d),")
UP = ("增加", "增长", "上升", "提高")
DOWN = ("减少", "下降", "降低", "节约", "压减")
_WORD = "|".join(UP + DOWN)
_DIRECTION = re.compile(
    rf"(?P<dir>(?:{_WORD})(?:\s*[（(/、或]\s*(?:{_WORD})\s*[）)]?)?)\s*了?\s*$"
)
_COMPARE = re.compile(r"(?:比|较|与)(?P<year>上年|去年|上一年|\d{4}年)(?:度)?(?:预算|预算数|执行数|决算数)?\s*$"
                      # the base quoted in brackets after the comparison: ``与2016年度相比（2016年度…为8,648.07``
                      r"|(?:相比|比较)\s*[（(][^（()）]{0,40}$")
_BASE_YEAR = re.compile(r"(?:比|较|与)(?P<year>上年|去年|上一年|\d{4}年)")
_SAME = re.compile(r"(?:与|和|同)(?P<year>上年|去年|上一年|\d{4}年)[^，；。]{0,8}?(?:相同|持平|一致)|持平|无变化|没有变化|未发生变化")
_SHARE = re.compile(r"占(?P<base>[^，,；;。%\d]{0,30}?)(?:的)?(?:比[重例])?(?:为)?\s*$")
_REASON = re.compile(r"原因[是为：:]")
# A sentence that opens with the enumeration itself: its first amount is an item, not the whole.
_ITEMS_ONLY = re.compile(r"^\s*(?:其中|中)\s*[：:，,]")


def sign_of(direction: str) -> int | None:
    """+1 for 增加/增长…, -1 for 减少/下降…, None when the words name both ways (增加（减少）)."""
    ups = any(w in direction for w in UP)
    downs = any(w in direction for w in DOWN)
    if ups == downs:
        return None
    return 1 if ups else -1


def _places(num: str) -> int:
    n = re.sub(r"\s", "", num)
    return len(n.split(".")[1]) if "." in n else 0


def _decimal(num: str) -> Decimal:
    return Decimal(re.sub(r"[\s,]", "", num))


def _is_item(subject: str) -> bool:
    """Whether a subject is exactly a known figure's name (``公务用车运行维护费``), not words of
    an explanation that mention one (``批复民政局机关公务接待费``)."""
    t = fold_subject(re.sub(r"^(其中|主要包括|包括)", "", subject.strip("：: ")))
    return t in FORMS


def _clause_start(text: str, pos: int, floor: int) -> int:
    last = floor
    for m in _DELIM.finditer(text, floor, pos):
        last = m.end()
    return last


def _reason_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _REASON.finditer(text):
        end = min((i for i in (text.find("；", m.end()), text.find(";", m.end())) if i >= 0), default=len(text))
        spans.append((m.start(), end))
    return spans


def read_figures(sentence: Sentence) -> Figures:
    """The amounts, shares, changes and counts a sentence states."""
    text = sentence.text
    reasons = _reason_spans(text)
    amounts: list[StatedAmount] = []
    shares: list[StatedShare] = []
    changes: list[StatedChange] = []
    counts: list[StatedCount] = []
    prev_end, cut = 0, -1
    for m in _FIG.finditer(text):
        unit = m.group("unit")
        if not unit:
            continue
        num, start, end = m.group("num"), m.start(), m.end()
        before = text[max(0, start - 40):start]
        direction = _DIRECTION.search(before)
        if unit in ("万元", "亿元", "元"):
            amt = make_amount(num, unit)
            if direction:
                changes.append(_change(sentence, m, "amount", direction.group("dir"), unit, amounts))
            else:
                subject, key = subject_of(text[_clause_start(text, start, prev_end):start])
                if _is_item(subject):  # a new item ends the reason before it
                    cut = start
                role = "previous" if _COMPARE.search(before) else (
                    "reason" if any(a <= start < b and cut < a for a, b in reasons) else "stated")
                amounts.append(StatedAmount(m.group(0), amt, subject, key, sentence, start, end, role))
        elif unit in ("%", "％"):
            share = _SHARE.search(before)
            if direction and not share:
                changes.append(_change(sentence, m, "percent", direction.group("dir"), "%", amounts))
            elif share:
                shares.append(_share(sentence, m, share.group("base"), amounts))
        else:
            counts.append(_count(sentence, m, unit, prev_end))
        prev_end = end
    for m in _SAME.finditer(text):
        changes.append(StatedChange(m.group(0), "same", m.group(0), 0, None, 0, "", sentence, m.start(), m.end(),
                                    of=_changed(amounts, m.start(), text), base_year=m.group("year") or ""))
    changes.sort(key=lambda c: c.start)
    return Figures(sentence, tuple(amounts), tuple(shares), tuple(changes), tuple(counts))


# An enumeration numbered item by item (西安: “其中：1.行政运行（2010601）4,702.02万元，较上年增加121.66万元，
# 增长2.66%；2.…”): each item's change is its own, not the head's.
_NUMBERED_ITEM = re.compile(r"(?:^|[：:；;，,。])\s*(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[)）])")


# … the first item, alone before its change, and the next after a ； stating a change of its own (泉州: “其中：公务用车运行费856.00万元，比上年增加174.00万元，
# 增长25.51%；公务用车购置费330.00万元，比上年增加0.00万元”): each change is its item's.
_ITEMS_CHANGE_EACH = re.compile(r"[^。；;]*[；;][^。；;]*?\d[\d,.]*\s*万元[，,]?\s*(?:比|较)上年")


def _changed(amounts: list[StatedAmount], pos: int, text: str) -> StatedAmount | None:
    """The amount a change at `pos` is about: the last one stated before it — or, when a 其中
    enumeration lies between, the head amount stated before the 其中."""
    stated = [a for a in amounts if a.role == "stated" and a.end <= pos]
    if not stated:
        return None
    last = stated[-1]
    qz = text.rfind("其中", 0, pos)
    one_item = sum(qz < a.start < pos for a in stated) == 1
    if qz > 0 and last.start > qz and not _NUMBERED_ITEM.search(text, qz, last.start) \
            and not (one_item and _ITEMS_CHANGE_EACH.match(text, pos)):
        heads = [a for a in stated if a.end <= qz]
        if heads and ("；" not in text[heads[-1].end:pos]):
            return heads[-1]
    return last


def _change(sentence: Sentence, m: re.Match, kind: str, direction: str, unit: str,
            amounts: list[StatedAmount]) -> StatedChange:
    text = sentence.text
    of = _changed(amounts, m.start(), text)
    prev = next((a for a in reversed(amounts) if a.role == "previous" and (of is None or a.start > of.end)), None)
    year = None
    for y in _BASE_YEAR.finditer(text, of.end if of else 0, m.start()):
        year = y.group("year")
    num = m.group("num")
    return StatedChange(m.group(0), kind, direction, sign_of(direction), _decimal(num), _places(num), unit,
                        sentence, m.start(), m.end(), of=of, previous=prev, base_year=year or "")


def _share(sentence: Sentence, m: re.Match, base_text: str, amounts: list[StatedAmount]) -> StatedShare:
    stated = [a for a in amounts if a.role == "stated"]
    of = stated[-1] if stated else None
    head = stated[0] if stated and stated[0] is not of else None
    if head is not None and _ITEMS_ONLY.match(sentence.text):
        head = None  # the sentence lists items of a whole stated before it (a line cut after 其)
    if head is not None and re.match(r"\s*[，,]?\s*占", sentence.text[head.end:]):
        head = None  # the first amount has its own share (国家信访局: 因公出国（境）费4.69万元，占10.15%；…): an item too
    base_text = base_text.strip().removesuffix("的")
    num = m.group("num")
    return StatedShare(m.group(0), _decimal(num), _places(num), sentence, m.start(), m.end(), of=of,
                       base=None if base_text else head, base_text=base_text)


def _count(sentence: Sentence, m: re.Match, measure: str, prev_end: int) -> StatedCount:
    text = sentence.text
    before = text[_clause_start(text, m.start(), prev_end):m.start()].strip()
    tail = _DELIM.search(text, m.end())
    after = text[m.end():tail.start() if tail else len(text)][:12].strip()
    noun = after if after and measure in ("个", "家", "名", "处", "项") else before
    return StatedCount(m.group(0), int(_decimal(m.group("num"))), measure, noun, before, after, sentence,
                       m.start(), m.end())

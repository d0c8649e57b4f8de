"""Figures the narrative states: 政府采购 amounts and 国有资产 holdings.

Each is read from the section whose title names it, together with its sub-sections, with the
paragraphs joined without separators (a PDF wraps a sentence over lines). Amounts keep their
printed places; a figure the text does not state stays None.
"""
from __future__ import annotations

import re
from decimal import Decimal

from ...model import AssetHoldings, Count, MoneyUnit, Paragraph, Procurement, Section
from ..numbers import parse_amount, parse_decimal

PROCUREMENT_TITLE = "政府采购"
ASSETS_TITLE = "国有资产"
_NUM = r"(\d[\d,]*(?:\.\s*\d+)?)"
PROCUREMENT_PATTERNS = {
    "total": re.compile(r"政府采购(?:预算)?(?:总额|金额)?(?:为)?\s*" + _NUM + r"\s*万元"),
    "goods": re.compile(r"货物(?:预算|类)?(?:为)?\s*" + _NUM + r"\s*万元"),
    "works": re.compile(r"工程(?:预算|类)?(?:为)?\s*" + _NUM + r"\s*万元"),
    "services": re.compile(r"服务(?:预算|类)?(?:为)?\s*" + _NUM + r"\s*万元"),
}
_AS_OF = re.compile(r"截至\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_QUOTA = re.compile(r"编制\s*(\d+)\s*辆")
_ACTUAL = re.compile(r"(?:实有|共有(?:车辆|公务用车)?)\s*(\d+)\s*辆")
_VEHICLE_ITEM = re.compile(r"^(.+?)(\d+)\s*辆$")
_AREA = re.compile(r"(?:建筑)?总?面积\s*" + _NUM + r"\s*平方米")
_EQUIPMENT = re.compile(r"((?:价值|单价)[^，。；;]*?设备(?:（[^）]*）)?)\s*(\d+)\s*(台（套）|台\(套\)|台|套)")


def _scope(sections: tuple[Section, ...], title: str) -> list[Paragraph]:
    """The paragraphs of the first section titled `title` and of the sections nested in it."""
    start = next((i for i, s in enumerate(sections) if title in s.title), None)
    if start is None:
        return []
    head = sections[start]
    out = list(head.paragraphs)
    for s in sections[start + 1:]:
        if s.level <= head.level:
            break
        out.extend(s.paragraphs)
    return out


def read_procurement(sections: tuple[Section, ...]) -> Procurement | None:
    paragraphs = _scope(sections, PROCUREMENT_TITLE)
    text = "".join(p.text.strip() for p in paragraphs)
    found = {key: pattern.search(text) for key, pattern in PROCUREMENT_PATTERNS.items()}
    if not paragraphs or not any(found.values()):
        return None
    amounts = {k: parse_amount(m.group(1), MoneyUnit.WAN_YUAN) if m else None for k, m in found.items()}
    first = next((p for p in paragraphs if PROCUREMENT_TITLE in p.text), paragraphs[0])
    return Procurement(provenance=first.provenance, **amounts)


def _sentences(paragraphs: list[Paragraph]) -> list[tuple[str, Paragraph]]:
    """Sentences (split at 。) with the paragraph each starts in."""
    out: list[tuple[str, Paragraph]] = []
    carry, where = "", None
    for p in paragraphs:
        pieces = p.text.strip().split("。")
        for i, piece in enumerate(pieces):
            if piece.strip():
                where = where or p
            carry += piece
            if i < len(pieces) - 1:
                out.append((carry, where or p))
                carry, where = "", None
    if carry:
        out.append((carry, where or paragraphs[-1]))
    return out


def _vehicle_counts(sentence: str, paragraph: Paragraph) -> tuple[Count, ...]:
    _, _, listing = sentence.partition("其中")
    items = (_VEHICLE_ITEM.match(part.strip()) for part in re.split(r"[，,、；;：:]", listing))
    return tuple(Count(m.group(1), Decimal(m.group(2)), "辆", paragraph.provenance) for m in items if m)


def read_assets(sections: tuple[Section, ...]) -> AssetHoldings | None:
    """Holdings as of the 截至 date; only sentences stating holdings (截至 …) are read,
    so planned purchases (``预算安排购置车辆1辆``) are not taken for holdings."""
    paragraphs = _scope(sections, ASSETS_TITLE)
    stated = [(s, p) for s, p in _sentences(paragraphs) if _AS_OF.search(s)]
    if not stated:
        return None
    as_of = re.sub(r"\s", "", _AS_OF.search(stated[0][0]).group(1))  # type: ignore[union-attr]
    quota = actual = area = None
    vehicles: tuple[Count, ...] = ()
    equipment: list[Count] = []
    for sentence, p in stated:
        if "辆" in sentence and not vehicles:
            quota = _int(_QUOTA.search(sentence))
            actual = _int(_ACTUAL.search(sentence))
            vehicles = _vehicle_counts(sentence, p)
        if area is None and (m := _AREA.search(sentence)):
            area = parse_decimal(m.group(1))
        equipment += [Count(m.group(1), Decimal(m.group(2)), m.group(3), p.provenance) for m in _EQUIPMENT.finditer(sentence)]
    return AssetHoldings(as_of, quota, actual, vehicles, area, tuple(equipment), stated[0][1].provenance)


def _int(m: re.Match[str] | None) -> int | None:
    return int(m.group(1)) if m else None

"""机构设置: the internal offices and the budget units, with the counts the text states.

Read from the section whose title names 机构设置: an offices sentence (``设置6个科室：A、B。``),
a units sentence (``下属预算单位5个，分别是A、B``); where the list is not inline (``具体包括：``)
the numbered paragraphs that follow are the list. Where that section lists no units, they are read
from the part that says what the budget is made of (广州's 部门预算构成, 西安's 部门预算单位构成, 泉州's
单位预算单位构成: ``预算单位24个，具体包括：`` then （一）…（二十四）). A unit's kind (行政/参公/事业) is taken where
the text names the unit with its kind (the 机关运行经费 sentence ``所属A、B2家行政、参公单位``).
"""
from __future__ import annotations

import re
from dataclasses import replace

from ...model import BudgetUnit, IngestIssue, Organisation, Paragraph, Section
from ...text.folding import fold
from ...text.orgnames import split_names
from .headings import chinese_number
from .unit_table import tabled_names

ORGANISATION_TITLE = "机构设置"
# A part on what the budget is made of: its list of budget units (部门预算构成, 预算单位构成, 单位构成).
COMPOSITION_TITLE = re.compile(r"(?:预算|单位)构成")
_OFFICES = re.compile(
    r"设(?:置|有)?\s*(\d+)\s*个\s*(?:内设)?(?:科室|内设机构|机构|处室|职能处室)[，,]?"
    r"((?:包括|分别是|分别为)?[：:]?)([^。]*)"
)
# ``下属18个预算单位`` / ``预算单位24个，具体包括：`` (广州 部门预算构成) / ``预算单位共计 4 家`` (苏州)
_UNIT_COUNT = re.compile(r"(?:下属(?:预算单位)?|预算单位(?:共有|共计)?)\s*(\d+)\s*(?:个|家)")
# What introduces a list: 分别是/分别为/依次为, 具体包括…：/主要包括…：, or a count's own colon
# (下设自收自支二级预算单位3个:A、B).
_LIST_START = re.compile(
    r"(?:分别是|分别为|依次为|(?:具体|主要)包括[^：:。]*(?=[：:])|(?<=[个家所])\s*(?=[：:])|(?:见|如)下表)\s*[：:]?\s*")
# A list of the department's own offices (内设处室), not of its budget units: 广州 prints both
# with 分别是 (“局本级设13个内设处室……，内设机构分别是办公室、……。下属18个预算单位，分别是：……”).
_OFFICE_CLAUSE = re.compile(r"内设|处室|科室|职能机构|职能部门|规范简称")
_UNIT_CLAUSE = re.compile(r"(?<!本)单位")  # 预算单位, 事业单位; not 本单位 (“本单位设立6个内设机构”)
_NUMBERED = re.compile(r"^\s*(?:(\d{1,2})\s*[、.．]|[（(]([一二三四五六七八九十]+)[）)])\s*(.+)$")
# Where an item begins inside a paragraph, after a full stop: two items read as one paragraph (普陀区政府办公室
# “（九）对口支援科。……工作。（十）区域合作科。……”).
_ITEM_START = re.compile(r"(?<=。)(?=\s*(?:\d{1,2}\s*[、.．]|[（(][一二三四五六七八九十]+[）)]))")
# Words after a listed name that are remarks, not part of the name.
NAME_REMARKS = ("不单列预算",)
# ``下属事业单位X``: a kind printed before a listed name.
_KIND_PREFIX = re.compile(r"^下属(行政|参公|事业)单位")
# Who manages a listed unit, printed before its name (广州 商务局 “我局管理的直属单位广州商务会展促进服务中心”).
_MANAGED_BY = re.compile(r"^\S*?管理的(?:直属|下属|所属)单位")
# ``所属A、B2家行政、参公单位``: names with their kind (the 机关运行经费 sentence).
# The words around the last name of a list that closes with a count (广州 司法局 “……、广州市司法局戒毒医院，
# 以及1个法制教育管理所等17个二级预算单位”): the name is 法制教育管理所.
_COUNTED = re.compile(r"^(?:以及|及|和)?\d+\s*[个家所]")
_CLOSING = re.compile(r"等\s*\d+\s*[个家所]\S*$")
_KIND_SENTENCE = re.compile(r"所属(.+?)(\d+)\s*家((?:行政|参公|事业)(?:、(?:行政|参公|事业))*)(?:事业)?单位")
_KIND_SUFFIXES = ("", "机关", "本部", "（本部）")


def _names(listing: str) -> list[str]:
    return split_names(listing)


def _lists(text: str) -> list[tuple[str, str, bool]]:
    """(clause, listing, cut) of each list a paragraph introduces: the clause is what precedes the list in
    its sentence (“下属18个预算单位，”), the listing runs to the full stop or to the 分号 before the next
    list (“下属共有3所监狱，分别是A、B、C；7个强制隔离戒毒所，分别是D、E”); cut: it runs off the end of
    the paragraph with no full stop, as a list does that a page break cut (重庆 水利局's 12 units)."""
    starts = list(_LIST_START.finditer(text))
    out = []
    for k, m in enumerate(starts):
        clause = re.split(r"[。；;]", text[:m.start()])[-1]
        stop = text.find("。", m.end())
        end = stop if stop >= 0 else len(text)
        if k + 1 < len(starts) and (following := starts[k + 1].start()) < end:
            cut = max(text.rfind("；", m.end(), following), text.rfind(";", m.end(), following))
            end = cut if cut >= 0 else following
        out.append((clause, text[m.end():end].strip(), _runs_off(text, end)))
    return out


def _runs_off(text: str, end: int) -> bool:
    """Whether what ends at `end` runs off the paragraph: it ends there without a full stop. Cut, when
    more of the section follows (a section's last list may go without one: 阳泉's 下属预算单位)."""
    return not text[end:].strip() and not text.rstrip().endswith(("。", "."))


def _numbered_names(paragraphs: list[Paragraph], start: int, first: str = "") -> list[str]:
    """The first clause of items 1, 2, 3 … numbered in order from `start` on (`first`: item 1
    printed inline after the colon, ``具体包括：1.普陀区司法局本部``).

    Unnumbered paragraphs between items are continuation lines of a wrapped item; a number out of
    sequence ends the list.
    """
    names: list[str] = []
    texts = ([first] if first else []) + [p.text for p in paragraphs[start:]]
    for text in (item for t in texts for item in _ITEM_START.split(t)):
        m = _NUMBERED.match(text)
        if not m:
            continue
        ordinal = int(m.group(1)) if m.group(1) else chinese_number(m.group(2))
        if ordinal != len(names) + 1:
            break
        name = re.split(r"[。，,；;]", m.group(3))[0].strip()
        for remark in NAME_REMARKS:
            name = name.split(remark)[0]
        names.append(name)
    return names


def _unit(name: str, paragraph: Paragraph) -> BudgetUnit:
    name = _MANAGED_BY.sub("", _COUNTED.sub("", _CLOSING.sub("", name)))
    m = _KIND_PREFIX.match(name)
    if m:
        return BudgetUnit(name[m.end():], paragraph.provenance, kind=m.group(1))
    return BudgetUnit(name, paragraph.provenance)


def read_organisation(sections: tuple[Section, ...]) -> Organisation | None:
    """The organisation the 机构设置 section states; its units from the budget's composition part where
    the 机构设置 section lists none (the offices and their count stay the 机构设置 section's)."""
    section = next((s for s in sections if ORGANISATION_TITLE in s.title), None)
    composition = next((s for s in sections if COMPOSITION_TITLE.search(s.title) and s is not section), None)
    found = _read(section) if section is not None else None
    if composition is None:
        return found
    parts = _read(composition)
    if found is None:
        return parts if parts.units else None
    # the text is both parts': a unit the composition names outside its list (广州 生态环境局 “纳入编制范围的
    # 广东省广州生态环境监测中心站”) is named by the document
    found = replace(found, text=f"{found.text}\n{composition.text}")
    if found.units or not parts.units:
        return found
    return replace(parts, text=found.text, offices=found.offices, stated_office_count=found.stated_office_count)


def _read(section: Section) -> Organisation:
    paragraphs = list(section.paragraphs)
    offices: list[str] = []
    units: list[BudgetUnit] = []
    office_count = unit_count = count_at = None
    lists: list[int] = []  # the paragraph of each list of units
    cut = False
    for i, p in enumerate(paragraphs):
        if (m := _OFFICES.search(p.text)) and office_count is None:
            office_count = int(m.group(1))
            # only a list the count introduces (“设置6个科室：A、B”), not what follows it in the sentence
            # (重庆 “设置24个内设机构和机关党办、离退休人员工作处”: two bodies besides the 24)
            offices = _names(m.group(3)) if m.group(2) else []
            if not offices and not m.group(3).strip():
                offices = _numbered_names(paragraphs, i + 1)
            if not offices or (m.group(2) and m.group(3).strip() and _runs_off(p.text, m.end()) and i + 1 < len(paragraphs)):
                # a count with no list of its own, or with a list a page break cut (西安 民政局's 11 处室):
                # nothing to check it against
                office_count = None
        if (m := _UNIT_COUNT.search(p.text)) and unit_count is None:
            unit_count, count_at = int(m.group(1)), i
        for clause, inline, runs_off in _lists(p.text):
            if _OFFICE_CLAUSE.search(clause) and not _UNIT_CLAUSE.search(clause):
                continue
            numbered = _NUMBERED.match(inline)
            names = (_numbered_names(paragraphs, i + 1, inline) if numbered and numbered.group(1) == "1"
                     else _names(inline) or _numbered_names(paragraphs, i + 1) or tabled_names(paragraphs, i + 1))
            if names:
                units += [_unit(n, p) for n in names]
                lists.append(i)
                cut = cut or (runs_off and bool(inline) and not numbered and i + 1 < len(paragraphs))
        if i not in lists and p.text.rstrip().endswith(("：", ":")) and _UNIT_CLAUSE.search(p.text) \
                and (names := tabled_names(paragraphs, i + 1)):
            units += [_unit(n, p) for n in names]  # “…共有 61 个，包括：” over a table of the units (西安)
            lists.append(i)
    if lists != [count_at] or cut:
        # the count and the one list are not one statement (other paragraphs; 重庆 商务委's 财政拨款 and
        # 自收自支 units listed apart, the count naming one of them), or the list was cut
        unit_count = None
    return Organisation(
        text=section.text, offices=tuple(offices), units=tuple(units), provenance=section.provenance,
        stated_office_count=office_count, stated_unit_count=unit_count, units_cut=cut,
    )


def cut_notes(organisation: Organisation) -> tuple[IngestIssue, ...]:
    """A reading note for a list of units read to a paragraph's end with no full stop: it may go on past a
    page break the reader did not join, so the names after it are not checked as missing."""
    if not organisation.units_cut:
        return ()
    last = organisation.units[-1]
    return (IngestIssue(
        "ingest.unit_list_cut", "info",
        f"机构设置的预算单位名单读到“{last.name}”为止，段末没有句号，可能被分页截断：名单可能不全，"
        "表中单位不按此名单报“未列出”，所称个数也不与之比对，请对照原文。",
        last.provenance, last.name,
    ),)


def _kind(printed: str) -> str:
    """行政、参公 → 行政/参公 (one of the two; the text does not say which)."""
    return "/".join(printed.split("、"))


def assign_kinds(organisation: Organisation, sections: tuple[Section, ...]) -> tuple[Organisation, tuple[IngestIssue, ...]]:
    """Units given the kind a sentence names them with; names matching no unit are reported."""
    kinds: dict[str, str] = {}
    issues: list[IngestIssue] = []
    units = {fold(u.name): u for u in organisation.units}
    for p in (p for s in sections for p in s.paragraphs):
        for m in _KIND_SENTENCE.finditer(p.text):
            for name in _names(m.group(1)):
                match = next((k for k in (fold(name + s) for s in _KIND_SUFFIXES) if k in units), None)
                if match:
                    kinds.setdefault(match, _kind(m.group(3)))
                else:
                    issues.append(IngestIssue(
                        "ingest.unit_not_listed", "info",
                        f"文中按单位类型列出的单位“{name}”不在机构设置的预算单位名单中（名称可能不一致）。",
                        p.provenance, p.text,
                    ))
    updated = tuple(replace(u, kind=u.kind or kinds.get(fold(u.name))) for u in organisation.units)
    return replace(organisation, units=updated), tuple(issues)

"""Organisation names: what looks like one, which one a publication names, and one key per organisation.

Built for documents not seen yet: a name is told by its shape (it ends as an organisation ends:
厅, 局, 委员会, 办事处, 法院 …) and by what it must not be (a table title, a heading, a place alone,
a unit of money), not by a list of known departments.
"""
from __future__ import annotations

import re

from collections import Counter

from ...text.folding import fold
from ...text.orgnames import SCOPE as _SCOPE, organisation_key

# The last character of an organisation's name (厅 局 院 办 委 会 部 …): 江苏省政协办公厅,
# 上海市普陀区人民政府万里街道办事处, 中共江苏省委, 江苏省人民检察院, 阳泉市第一中学.
_ORG_END = re.compile(r"[厅局院办委会部府处室所站队馆校学园社团署行台场司组宫科联狱心庭]$")
# Words a name never holds: tables, titles, headings, units, publication words.
_NOT_ORG = re.compile(r"表|预算|决算|公开|目录|说明|概况|职能|情况|万元|单位[:：]|部分|附件|印制|名词|解释")
_ORDINAL = re.compile(r"^([一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+|\d+[、.．]|[（(])")
_YEAR_PHRASE = re.compile(r"\d{4}\s*年度?")
# What follows the name in a title: 部门预算, 单位预算公开, 区级部门决算, 省级部门预算公开报表, 部门综合预算.
_STAGE_TAIL = re.compile(r"(?:省级|市级|区级|县级|本级)?(?:部门|单位)?(?:综合)?(?:预算|决算)")
MIN_NAME, MAX_NAME = 4, 40
# A place in a name: a name holding none was cut from a longer one (社会工作部 of 中共上海市普陀区委社会工作部).
_PLACE = re.compile(r"[省市区县州盟旗镇乡]|自治|国家|中央|中共|中国")
ORGANISATION_LABELS = ("部门名称", "单位名称", "预算主管部门", "主管部门", "预算单位", "编制部门", "编制单位",
                       "公开部门", "公开单位")
# A label, or a bare 部门： opening a line (``部 门:中共江苏省委办公厅``, a Jiangsu page header).
_LABELLED = re.compile(r"(?:(?:%s)|^部门)[：:](\S+?)(?=(?:金额)?单位[：:]|$)" % "|".join(ORGANISATION_LABELS))


def looks_like_organisation(text: str) -> bool:
    """Whether a printed string is shaped like an organisation's name (not a title, heading or place)."""
    t = fold(text)
    return (MIN_NAME <= len(t) <= MAX_NAME and bool(_ORG_END.search(t)) and not _NOT_ORG.search(t)
            and not _ORDINAL.match(t) and not re.search(r"\d", t))


def organisation_name(text: str) -> str | None:
    """The organisation's name a printed string is, its scope mark taken off; None if it is none.

    ``西安市审计局（汇总）`` → ``西安市审计局``; ``上海市住房和城乡建设管理委员会人才开发评价中心`` (a unit
    under a department) stays whole; ``收支预算总表`` → None.
    """
    name = _SCOPE.sub("", fold(text))
    return name if looks_like_organisation(name) else None


def name_in_title(title: str) -> str | None:
    """The organisation a publication's title names, before or after its year, if any.

    ``江苏省政协办公厅2018年度部门预算公开`` and ``2017年度江苏省高级人民法院部门预算公开`` name one;
    ``上海市普陀区2025年区级部门预算`` names only a place.
    """
    t = fold(title)
    m = _YEAR_PHRASE.search(t)
    if not m:
        return None
    # What a label or an 附件1： before the name says is not the name.
    before, after = t[:m.start()].rsplit(":", 1)[-1], t[m.end():]
    tail = _STAGE_TAIL.search(after)
    for candidate in (before, after[:tail.start()] if tail else ""):
        if name := organisation_name(candidate):
            return name
    return None


def publication_name(texts: list[str], title: str, cover: list[str]) -> str:
    """The organisation a publication is of: the labelled name the cover agrees with, else the
    title's, else the one labelled most (the tables' page headers: ``部门：江苏省政协办公厅``), else a
    cover line's.

    The title decides between labels naming a department and one of its units (``主管部门：XX局``,
    ``单位名称：XX局XX中心``); the labels' printed form is kept where they agree with it.
    """
    labelled = Counter(name for t in texts for m in _LABELLED.finditer(fold(t))
                       if (name := organisation_name(m.group(1))))
    titled = _title_name(title, cover)
    named = titled or _cover_line_name(cover)
    agreeing = [n for n, _ in labelled.most_common() if named and same_organisation(n, named)]
    if agreeing:
        return agreeing[0]
    if titled or not labelled:
        return named
    return labelled.most_common(1)[0][0]


def _title_name(title: str, cover: list[str]) -> str:
    """The name the title holds. One with no place in it is the tail of a name wrapped from the
    line before (``中共上海市普陀区委`` / ``社会工作部 2024 年度`` / ``部门决算``): the two are joined."""
    named = name_in_title(title) if title else None
    if not named:
        return ""
    start = next((i for i, line in enumerate(cover) if title.startswith(line)), 0)
    joined = organisation_name(cover[start - 1] + named) if start and not _PLACE.search(named) else None
    return joined or named


def _cover_line_name(cover: list[str]) -> str:
    """A cover line shaped like a name, or one wrapped over two lines (上海市普陀区规划和自然 / 资源局)."""
    for i, line in enumerate(cover):
        for candidate in (line, "".join(cover[i:i + 2])):
            if name := organisation_name(candidate):
                return name
    return ""


def same_organisation(a: str, b: str) -> bool:
    """Whether two printed names name one organisation: one key, or one ending the other (the place
    left off: ``省委办公厅`` and ``江苏省委办公厅``). A name extending another is a unit under it
    (``上海市住房和城乡建设管理委员会人才开发评价中心``), not the same organisation."""
    ka, kb = organisation_key(a), organisation_key(b)
    return bool(ka and kb) and (ka.endswith(kb) or kb.endswith(ka))

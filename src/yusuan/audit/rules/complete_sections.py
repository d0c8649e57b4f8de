"""Completeness of the text: 概况 (职责, 机构设置), the 情况说明 parts, 名词解释, 目录 entries, empty headings."""
from __future__ import annotations

import re
from itertools import takewhile

from ...model import Disclosure, Section
from ...text.folding import fold
from ...text.contents_match import missing_entries
from ..catalog import NotApplicable, rule
from ..context import AuditContext
from ..findings import Finding, Location, Severity

# Keywords are alternatives (|): Shanghai prints 主要职能 where Shanxi prints 职责.
OVERVIEW = (("职责|职能", "职责（主要职能）"), ("机构设置|单位构成", "机构设置情况"))  # 决算: 部门决算单位构成
# 情况说明 parts by template: (keyword in the heading, what to call it).
EXPLANATION = {
    "shanxi-13": (("收入预算", "收入预算情况说明"), ("支出预算", "支出预算情况说明"),
                  ("财政拨款收支", "财政拨款收支预算总体情况说明"), ("一般公共预算支出", "一般公共预算支出情况说明"),
                  ("基本支出", "一般公共预算基本支出情况说明"), ("三公", "“三公”经费增减变动原因说明"),
                  ("机关运行经费", "机关运行经费增减变动原因说明"), ("政府采购", "政府采购情况"),
                  ("绩效", "绩效管理情况"), ("国有资产", "国有资产占有使用情况")),
    "shanghai-9": (("三公", "“三公”经费情况"), ("机关运行经费", "机关运行经费情况"), ("政府采购", "政府采购情况"),
                   ("绩效", "绩效目标设置情况"), ("国有资产", "国有资产占有使用情况")),
}
EXPLANATION["generic"] = EXPLANATION["shanghai-9"]


def _find(d: Disclosure, words: str) -> Section | None:
    return next((s for s in d.sections if any(w in fold(s.title) for w in words.split("|"))), None)


# A run-in heading: a numbered lead-in ending at its first stop, the text going on after it on the same line
# (重庆、长沙: ``（一）机关运行经费。2026 年一般公共预算财政拨款运行经费…``).
_RUN_IN = re.compile(r"^\s*[（(]?[一二三四五六七八九十]+[）)、]\s*([^。：:；;，,]{2,24})[。：:]")


def _run_in(d: Disclosure, words: str) -> bool:
    """Whether a paragraph opens with a run-in heading naming the part."""
    return any((m := _RUN_IN.match(p.text)) and any(w in fold(m.group(1)) for w in words.split("|"))
               for s in d.sections if s.level > 0 for p in s.paragraphs)


def _has_body(d: Disclosure, s: Section) -> bool:
    """Text under the heading itself or under a heading below it (the headings after it, up to the next one
    of its level or above: their ids may not extend its own when a heading between was not read)."""
    if s.paragraphs:
        return True
    at = d.sections.index(s)
    for o in d.sections[at + 1:]:
        if o.level <= s.level:
            break
        if o.paragraphs:
            return True
    return any(o.id.startswith(s.id + ".") and o.paragraphs for o in d.sections)


_PAGE_NUMBER = re.compile(r"^[-—\s第]*\d+[-—\s页]*$")  # a page's number left among the list's lines


# A heading naming a part of the 说明 (…情况, …经费, 政府采购) left empty is a slip, not a list's line.
_SUBJECT_WORDS = re.compile(r"情况|说明|预算|经费|支出|收入|采购|绩效|资产")
_MIN_LIST = 3


def _listed_item(d: Disclosure, s: Section) -> bool:
    """A numbered line of a list read as a heading: the 预算单位 a 部门预算构成 names one per line
    (``（一）广州市第一人民医院`` …), under a text that introduces them (``具体包括：``)."""
    at = d.sections.index(s)
    parent = next((o for o in reversed(d.sections[:at]) if o.level < s.level), None)
    if (parent is None or not parent.paragraphs or not parent.paragraphs[-1].text.rstrip().endswith(("：", ":"))
            or _SUBJECT_WORDS.search(s.title)):
        return False
    start = d.sections.index(parent) + 1
    run = list(takewhile(lambda o: o.level == s.level and all(_PAGE_NUMBER.match(p.text) for p in o.paragraphs),
                         d.sections[start:]))
    return start + len(run) > at and len(run) >= _MIN_LIST



def _missing(rule_id: str, d: Disclosure, required: tuple[tuple[str, str], ...], severity: Severity):
    if not any(s.level > 0 for s in d.sections):  # a cover alone (level 0): a tables-only half
        raise NotApplicable("未识别到文字部分（说明可能另册公开）")
    for word, name in required:
        # A heading without text is complete.empty_sections' finding, not this one's.
        if _find(d, word) is None and not _run_in(d, word):
            yield Finding(rule=rule_id, severity=severity, locations=(Location(file=d.source.file, section=name),),
                          message=f"未找到“{name}”部分。")


@rule("complete.overview_sections", family="complete", title="概况缺少部门职责或机构设置", severity=Severity.ERROR)
def overview_sections(d: Disclosure, ctx: AuditContext):
    """部门预算公开的概况部分应包括部门职责和机构设置（所属预算单位）两部分，缺少即为错误；
    有标题而无内容记为警告。
    例：“一、本部门职责”下列出十二项职责，“二、机构设置情况”说明内设科室和所属单位，符合要求。"""
    return _missing("complete.overview_sections", d, OVERVIEW, Severity.ERROR)


@rule("complete.explanation_sections", family="complete", title="情况说明缺少应有的部分", severity=Severity.WARNING)
def explanation_sections(d: Disclosure, ctx: AuditContext):
    """情况说明应逐项说明：收入预算、支出预算、财政拨款收支、一般公共预算支出、一般公共预算基本支出、
    “三公”经费、机关运行经费、政府采购、绩效管理、国有资产占有使用情况（山西模板；上海和通用模板要求其中的
    “三公”经费、机关运行经费、政府采购、绩效目标、国有资产部分）。缺少记为警告。
    段首以编号引出的小标题（重庆、长沙：“（一）机关运行经费。2026年……”）也算该部分。
    例：山西文件缺少“九、政府采购情况”，报告“未找到‘政府采购情况’部分”。"""
    return _missing("complete.explanation_sections", d, EXPLANATION.get(d.meta.template, EXPLANATION["generic"]),
                    Severity.WARNING)


@rule("complete.glossary", family="complete", title="缺少名词解释", severity=Severity.WARNING)
def glossary(d: Disclosure, ctx: AuditContext):
    """山西模板的部门预算公开应附名词解释（基本支出、项目支出、“三公”经费、机关运行经费等）；
    没有名词解释记为警告。其他模板不要求。
    例：“第四部分 名词解释”解释了基本支出、项目支出、“三公”经费等12个名词，符合要求。"""
    if d.meta.template != "shanxi-13":
        raise NotApplicable("该模板不要求名词解释")
    if d.glossary or ((s := _find(d, "名词解释")) is not None and _has_body(d, s)):
        return []
    return [Finding(rule="complete.glossary", severity=Severity.WARNING, locations=(Location(file=d.source.file),),
                    message="文件没有名词解释部分（山西模板要求）。")]


@rule("complete.contents_entries", family="complete", title="目录所列内容在正文中未找到", severity=Severity.WARNING)
def contents_entries(d: Disclosure, ctx: AuditContext):
    """目录中的每一项（部分、章节、表格）都应能在正文中找到对应的标题或表格；找不到记为警告
    （可能漏印、改名或文件不完整）。比较时去掉编号（表一、第二部分、一、）、空白和省略号；目录中的“部门”
    “单位”可对应正文中的部门（单位）全称（“部门主要职能”对应“上海市普陀区人民政府办公室主要职能”），
    “部门预算表”这样总称报表部分的目录项有表格即可，“项目经费情况说明”有各项目的情况说明即可（正文以各项目
    自己的标题印出，如“科技创新专项经费情况说明”）；只含说明的分册不查目录中的各表（表格在另一册）。
    措辞略有出入的标题视为找到（“部门预算绩效目标说明”对“部门预算绩效目标情况说明”，“2022年部门工作任务”对
    “2022年度部门工作任务”），表格按表名比较（“部门收支总表”对“2026年部门收支总体情况表”），“第一部分 单位概况”
    对正文标题另起一行印出的“第一部分”；西安的表格目录中注明“是”（空表）并说明理由的表格不要求印出。
    例：目录“表十三2025年项目支出预算表（上年结转）”在正文中找到同名表格，符合要求。"""
    if not d.contents:
        raise NotApplicable("没有目录")
    for e, title in missing_entries(d):
        yield Finding(rule="complete.contents_entries", severity=Severity.WARNING,
                      locations=(Location.of_provenance(e.provenance, sentence=e.title),),
                      message=f"目录所列“{title}”在正文中未找到。")


def _tabled(d: Disclosure) -> set[str]:
    """The sections a table is printed under (泉州: ``一、收支预算总表`` heads its table's page): the last
    heading above the table's title line, when one heading alone stands on that line."""
    starts = [(s.provenance.file, s.provenance.line, s.id) for s in d.sections if s.provenance.line is not None]
    out: set[str] = set()
    titles = [t.provenance for t in d.tables] + [t.provenance for t in d.targets]
    for prov in titles:
        file, line = prov.file, prov.line
        above = [(at, sid) for f, at, sid in starts if f == file and line is not None and at < line]
        last = max((at for at, _ in above), default=None)
        heads = [sid for at, sid in above if at == last]
        if len(heads) == 1:
            out.add(heads[0])
    return out


@rule("complete.empty_sections", family="complete", title="标题下没有内容", severity=Severity.WARNING)
def empty_sections(d: Disclosure, ctx: AuditContext):
    """情况说明等文字部分的每个二级及以下标题下都应有文字或表格（或其下级标题有）；只有标题没有内容
    记为警告。第N部分这样的一级标题和报表部分不检查；页码和页眉不算内容。列举的各行被读成标题时不算
    （“预算单位24个，具体包括：”下逐行列出的“（一）广州市第一人民医院”“（二）……”）。
    例：“十二、其他说明”下有“（一）政府购买服务指导性目录”“（二）其他”两个小标题及其内容，符合要求。"""
    if not any(s.level > 0 for s in d.sections):  # a cover alone (level 0): a tables-only half
        raise NotApplicable("未识别到文字部分（说明可能另册公开）")
    tabled = _tabled(d)
    for s in d.sections:
        if (s.level >= 2 and not _has_body(d, s) and not _listed_item(d, s)
                and not any(t == s.id or t.startswith(s.id + ".") for t in tabled)):
            yield Finding(rule="complete.empty_sections", severity=Severity.WARNING,
                          locations=(Location.of_provenance(s.provenance, section=s.id),),
                          message=f"“{s.number}{'、' if s.number and s.number[0] not in '(（' else ''}{s.title}”标题下没有内容。")

"""Completeness of the text: 概况 (职责, 机构设置), the 情况说明 parts, 名词解释, 目录 entries, empty headings."""
from __future__ import annotations

import re

from ...model import Disclosure, Section
from ...text.folding import fold
from ...text.titles import names_a_table, title_key as _title_key
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


def _has_body(d: Disclosure, s: Section) -> bool:
    """Text under the heading itself or under a heading below it."""
    return bool(s.paragraphs) or any(o.id.startswith(s.id + ".") and o.paragraphs for o in d.sections)


def _missing(rule_id: str, d: Disclosure, required: tuple[tuple[str, str], ...], severity: Severity):
    if not any(s.level > 0 for s in d.sections):  # a cover alone (level 0): a tables-only half
        raise NotApplicable("未识别到文字部分（说明可能另册公开）")
    for word, name in required:
        # A heading without text is complete.empty_sections' finding, not this one's.
        if _find(d, word) is None:
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


# The tables' part named as a whole (五、部门预算表): present when tables are.
_TABLES_PART = re.compile(r"(\d{4}年度?)?(部门|单位)?(预算)?(报表|表格|预算表)")


# The 目录's one entry for part 七 (七、项目经费情况说明): the body prints one statement per project under
# the project's own title (科技创新专项经费情况说明, 人民调解项目经费情况说明).
_STATEMENTS_PART = re.compile(r"(部门|单位)?项目经费情况说明")


def _found(k: str, titles: list[str], has_tables: bool, has_statements: bool = False) -> bool:
    if any(k in t or (t and t in k) for t in titles):
        return True
    if has_tables and _TABLES_PART.fullmatch(k):
        return True
    if has_statements and _STATEMENTS_PART.fullmatch(k):
        return True
    # “部门主要职能” in the contents, “上海市普陀区人民政府办公室主要职能” in the body
    rest = re.sub(r"^(本?部门|本?单位)", "", k)
    return rest != k and len(rest) >= 2 and any(t.endswith(rest) for t in titles)


@rule("complete.contents_entries", family="complete", title="目录所列内容在正文中未找到", severity=Severity.WARNING)
def contents_entries(d: Disclosure, ctx: AuditContext):
    """目录中的每一项（部分、章节、表格）都应能在正文中找到对应的标题或表格；找不到记为警告
    （可能漏印、改名或文件不完整）。比较时去掉编号（表一、第二部分、一、）、空白和省略号；目录中的“部门”
    “单位”可对应正文中的部门（单位）全称（“部门主要职能”对应“上海市普陀区人民政府办公室主要职能”），
    “部门预算表”这样总称报表部分的目录项有表格即可，“项目经费情况说明”有各项目的情况说明即可（正文以各项目
    自己的标题印出，如“科技创新专项经费情况说明”）；只含说明的分册不查目录中的各表（表格在另一册）。
    例：目录“表十三2025年项目支出预算表（上年结转）”在正文中找到同名表格，符合要求。"""
    if not d.contents:
        raise NotApplicable("没有目录")
    titles = [_title_key(t.title) for t in d.tables] + [_title_key(s.title) for s in d.sections]
    if d.targets:
        titles.append(_title_key(d.targets[0].title))
    for e in d.contents:
        k = _title_key(e.title)
        if not d.tables and not d.targets and names_a_table(e.title):
            continue  # a narrative-only half: its tables are the other file's (ingest.partial_publication)
        if k and not _found(k, titles, bool(d.tables), bool(d.project_statements)):
            yield Finding(rule="complete.contents_entries", severity=Severity.WARNING,
                          locations=(Location.of_provenance(e.provenance, sentence=e.title),),
                          message=f"目录所列“{e.title}”在正文中未找到。")


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
    记为警告。第N部分这样的一级标题和报表部分不检查；页码和页眉不算内容。
    例：“十二、其他说明”下有“（一）政府购买服务指导性目录”“（二）其他”两个小标题及其内容，符合要求。"""
    if not any(s.level > 0 for s in d.sections):  # a cover alone (level 0): a tables-only half
        raise NotApplicable("未识别到文字部分（说明可能另册公开）")
    tabled = _tabled(d)
    for s in d.sections:
        if s.level >= 2 and not _has_body(d, s) and not any(t == s.id or t.startswith(s.id + ".") for t in tabled):
            yield Finding(rule="complete.empty_sections", severity=Severity.WARNING,
                          locations=(Location.of_provenance(s.provenance, section=s.id),),
                          message=f"“{s.number}{'、' if s.number and s.number[0] not in '(（' else ''}{s.title}”标题下没有内容。")

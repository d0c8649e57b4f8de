"""Whether a 目录 entry is in the body: by title, by the table it names, by its part, or printed in the text.

A 目录 and the body word the same heading differently (``部门预算绩效目标说明`` / ``部门预算绩效目标情况说明``,
``2022 年部门工作任务`` / ``2022 年度部门工作任务``), name a table by its short name (``部门收支总表`` for
``2026年部门收支总体情况表``), and a part heading is often printed with its title on a line of its own
(``第一部分`` / ``单位概况``): none of these is an entry missing from the body.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import ContentsEntry, Disclosure
from .folding import fold
from .titles import contents_key, names_a_table, title_key

# The tables' part named as a whole (五、部门预算表, 国家信访局2024年度部门决算表): present when tables are.
_TABLES_PART = re.compile(r"(\d{4}年度?)?(部门|单位)?(综合)?(预算|决算)?(报表|表格|预算表|决算表)")
# The 目录's one entry for part 七 (七、项目经费情况说明): the body prints one statement per project under
# the project's own title (科技创新专项经费情况说明, 人民调解项目经费情况说明).
_STATEMENTS_PART = re.compile(r"(部门|单位)?项目经费情况说明")
_PART = re.compile(r"^第[一二三四五六七八九十]+部分")
# 西安's list of tables prints 是否空表 and 公开空表理由 beside each title: ``表9 …收支表 是 不涉及``.
_EMPTY_MARK = re.compile(r"\s+(是|否)(\s+\S.*)?$")
# Shortest heading compared loosely, and how much of the longer one it must cover.
_MIN_LOOSE, _LOOSE_SHARE = 4, 0.75
_PART_SHARE, _NUMBERED_SHARE = 0.5, 0.6
_YEAR = re.compile(r"\d{4}年度?")
_NUMBER = re.compile(r"^([一二三四五六七八九十]+)、")


def _table_name(key: str, org: str = "") -> str:
    """A table's name without its tag, the department, year, 部门/单位 and 情况: 2026年部门收支总体情况表 → 收支总表,
    公开10表:政府性基金支出预算表 → 政府性基金支出预算表."""
    key = re.sub(r"^(公开)?\d+表[:：]?", "", key)
    key = key.replace(org, "") if org else key
    key = re.sub(r"^\d{4}年度?", "", key)
    key = re.sub(r"^(部门|单位)", "", key)
    return key.replace("总体情况表", "总表").replace("情况表", "表")


# Letters a table's name gains or loses between the 目录 and its title (政府性基金财政拨款支出预算表 / 政府性基金预算支出表):
# those of 财政拨款, 预算, 支出, 情况, 总体, 部门, 单位, 年度, 的, 公开; not 基本, 项目, 经济, 功能: they name another table.
_FILLER = frozenset("财政拨款预算支出情况总体部门单位年度的公开")
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def _by_filler(a: str, b: str) -> bool:
    """One table name the other with only filler letters more, in whatever order (预算支出 / 支出预算)."""
    short, long = sorted((a, b), key=len)
    if len(short) < _MIN_LOOSE or Counter(short) - Counter(long):
        return False
    return set((Counter(long) - Counter(short)).elements()) <= _FILLER


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _loosely(a: str, b: str) -> bool:
    """One heading the other with a word or two more (情况, 预算, 度), in the same order."""
    short, long = sorted((a, b), key=len)
    return len(short) >= _MIN_LOOSE and len(short) >= _LOOSE_SHARE * len(long) and _subsequence(short, long)


def _shares(a: str, b: str, share: float) -> bool:
    """The letters both print make up `share` of the longer."""
    common = sum((Counter(a) & Counter(b)).values())
    return common >= share * max(len(a), len(b))


# Two entries read as one line (…培训费支出预算表十二、政府采购支出预算表): each is an entry.
_SECOND_ENTRY = re.compile(r"(?<=[表明况])\s*(?=[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)")


def entry_texts(e: ContentsEntry) -> list[tuple[str, bool]]:
    """The entry's titles without a 是否空表 mark, each with whether it is marked an empty table with a reason."""
    m = _EMPTY_MARK.search(e.title)
    title, empty = (e.title, False) if m is None else (e.title[:m.start()], m.group(1) == "是" and bool(m.group(2)))
    return [(t, empty) for t in _SECOND_ENTRY.split(title) if t.strip()]


def _part_found(d: Disclosure, title: str) -> bool:
    m = _PART.match(fold(title))
    if m is None:
        return False
    rest = _YEAR.sub("", contents_key(title))
    heads = [s for s in d.sections if s.part == m.group(0) and s.level == 1]
    # a part's title reworded (2026年部门预算说明 / 部门预算公开说明) or its letters read out of order
    return any(not contents_key(s.title) or _shares(rest, _YEAR.sub("", contents_key(s.title)), _PART_SHARE)
               for s in heads)


def found(d: Disclosure, title: str) -> bool:
    """Whether the body prints what the entry `title` names."""
    k = title_key(title)
    org = fold(d.meta.organisation or "")
    bare = k.replace(org, "") if org else k
    heads = [title_key(s.title) or fold(s.title) for s in d.sections]
    tables = [title_key(t.title) for t in d.tables] + [title_key(t.title) for t in d.targets[:1]]
    if any(k in t or (t and t in k) for t in heads + tables):
        return True
    if d.tables and _TABLES_PART.fullmatch(bare):
        return True
    # a part of the tables under the department's short name (第二部分 省人大办公厅 2017 年度部门预算表)
    if d.tables and _PART.match(fold(title)) and (m := _TABLES_PART.search(bare)) and m.end() == len(bare) and m.group(1):
        return True
    if d.project_statements and _STATEMENTS_PART.fullmatch(k):
        return True
    # “部门主要职能” in the contents, “上海市普陀区人民政府办公室主要职能” in the body
    rest = re.sub(r"^(本?部门|本?单位)", "", k)
    if rest != k and len(rest) >= 2 and any(t.endswith(rest) for t in heads):
        return True
    name = _table_name(k, org)
    names = [_table_name(t if _ASIDE.search(k) else _ASIDE.sub("", t), org) for t in tables]  # （不含上年结转）
    if any(n == name or _by_filler(name, n) for n in names):
        return True
    if names_a_table(title):  # a table is found among the tables, or printed in the text (below)
        return _printed_in_text(d, title)
    ck = contents_key(title)
    if any(_loosely(ck, contents_key(s.title)) for s in d.sections):
        return True
    return _part_found(d, title) or _numbered_found(d, title) or _printed_in_text(d, title)


def _numbered_found(d: Disclosure, title: str) -> bool:
    """The body's heading of the same number, worded a little otherwise (六、部门预算“三公”经费等情况说明 /
    六、部门预算“三公”经费等预算情况); not another subject under that number (四、部门人员情况说明 / 四、部门预算收支情况说明)."""
    m = _NUMBER.match(fold(title))
    if m is None:
        return False
    ck = contents_key(title)
    return any(s.number == m.group(1) and s.level == 2 and _shares(ck, contents_key(s.title), _NUMBERED_SHARE)
               for s in d.sections)


_MIN_PRINTED = 6


def _printed_in_text(d: Disclosure, title: str) -> bool:
    """The heading printed in the body but read into a paragraph (七、预算绩效目标情况 at a paragraph's end;
    a table's title over a form read as text, 2019年部门整体支出绩效目标表)."""
    whole, key = fold(title), title_key(re.sub(r"^\s*表\s*\d+\s*", "", title))  # 西安: 表14 2019年…绩效目标表
    if len(key) < _MIN_PRINTED:
        return False
    after = _contents_page(d)
    texts = [fold(p.text) for s in d.sections for p in s.paragraphs if (p.provenance.page or 0) > after]
    return any(whole in x or x.startswith(key) for x in texts)


def _contents_page(d: Disclosure) -> int:
    return max((e.provenance.page or 0 for e in d.contents), default=0)


# The 目录 of 西安's tables is a list with a header row (序号 报表名称 是否空表 公开空表理由).
_LIST_HEADER = re.compile(r"(?:\s*(?:序号|报表名称|报表|表号|表名|页码|备注|是否空表|公开空表理由))+\s*")


def missing_entries(d: Disclosure) -> Iterator[tuple[ContentsEntry, str]]:
    """Each 目录 entry (each of two read as one line) whose heading or table the body does not print,
    matched by meaning (contents_match.found): the reader's status and the audit's finding agree."""
    for e in d.contents:
        for title, empty_table in entry_texts(e):
            if not d.tables and not d.targets and names_a_table(title):
                continue  # a narrative-only half: its tables are the other file's (ingest.partial_publication)
            if _LIST_HEADER.fullmatch(title) or "是否空表" in title or empty_table:
                continue  # a list of tables: its header row, and a table it says is empty (西安: 是 | 不涉及)
            if title_key(title) and not found(d, title):
                yield e, title

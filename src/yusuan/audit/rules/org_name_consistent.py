"""The organisation's name printed alike everywhere: ``上海市规划和自然资源局`` over a table of
``上海市普陀区规划和自然资源局``, ``规划与自然资源局`` in its narrative."""
from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from ...model import Paragraph
from ...text.folding import fold
from ..catalog import NotApplicable, rule
from ..claims.checks import printed_offset
from ..findings import Finding, Location, Severity
from .wording_placeholder import PLACEHOLDER

SIMILAR = 0.8  # a near-copy of the name (one or two characters changed, dropped or added)
_STOP = "，。、；：:;,（）()“”《》 \t"
_ASIDE = re.compile(r"[（(][^）)]{0,12}[）)]")
# What makes a near-name the head of a branch's own name, another body's (广州 城市管理和综合执法局's unit
# “广州市水上市容环境卫生管理处（广州市城市管理综合执法局水上市容环境卫生分局）”, its name under the bureau's
# former name): a name printed on to 分局, 支队 …
_BRANCH = re.compile(f"[^{re.escape(_STOP)}]*(?:分局|支队|大队|分中心|分院|分站|分所|分会)")


def _texts(d):
    """Each printed text, where it stands, and for a paragraph the paragraph (a name may be printed on a
    later line of it, over a page break)."""
    for s in d.sections:
        yield s.title, Location.of_provenance(s.provenance, section=s.id, sentence=s.title[:60]), None
        for p in s.paragraphs:
            yield p.text, Location.of_provenance(p.provenance, section=s.id, sentence=p.text[:60]), p
    for t in d.tables:
        for text in (t.title, t.entity or ""):
            yield text, Location.of_table(t), None


def _printed(where: Location, paragraph: Paragraph | None, variant: str) -> Location:
    """The place of the paragraph's line printing the variant (found in the folded text)."""
    if paragraph is None:
        return where
    p = paragraph.provenance_at(printed_offset(paragraph.text, variant))
    return replace(where, page=p.page, line=p.line)


def _variants(text: str, name: str) -> set[str]:
    """Strings of `text` shaped like `name` (its first two characters … its last) that differ from it."""
    head, tail = re.escape(name[:2]), re.escape(name[-1])
    span = f"{{{max(0, len(name) - 7)},{len(name) + 4}}}"
    found = set()
    folded = fold(_ASIDE.sub("", text))
    for m in re.finditer(f"{head}[^{re.escape(_STOP)}]{span}?{tail}", folded):
        cand = m.group(0)
        if (cand != name and name not in cand and (_slip(cand, name) or _placeholder(cand, name))
                and not _BRANCH.match(folded, m.end())):
            found.add(cand)
    return found


def _placeholder(cand: str, name: str) -> bool:
    """The name with a run of it replaced by a placeholder (上海市普陀区XX局 for 上海市普陀区财政局)."""
    head = next((k for k, (a, b) in enumerate(zip(cand, name)) if a != b), min(len(cand), len(name)))
    tail = next((k for k, (a, b) in enumerate(zip(reversed(cand), reversed(name))) if a != b), 0)
    middle = cand[head:len(cand) - tail]
    return head >= 2 and bool(middle) and PLACEHOLDER.fullmatch(middle) is not None


def _slip(cand: str, name: str) -> bool:
    """The name with one character changed (规划和 → 规划与) or a short run dropped (上海市[普陀区]规划…);
    a word inserted or a different ending is another body (人民政府[外事]办公室, 人民政府研究室)."""
    if len(cand) == len(name):
        return sum(a != b for a, b in zip(cand, name)) == 1
    if len(cand) < len(name) <= len(cand) + 4:
        i = next((k for k, (a, b) in enumerate(zip(cand, name)) if a != b), len(cand))
        return name[:i] + name[i + len(name) - len(cand):] == cand and SequenceMatcher(None, cand, name).ratio() >= SIMILAR
    return False


@rule("org.name_consistent", family="org", title="部门名称前后写法不一致", severity=Severity.ERROR)
def check(d, ctx):
    """部门（单位）名称在封面、标题、表格和说明中应写法一致。与封面名称只差一两个字的写法（漏了区名、
    “和”写成“与”）视为同一机构的不同写法，逐处报告。

    为什么：名称不一致会让读者怀疑表格是别的单位的，也常是套用他人文稿留下的痕迹。
    容差：括注（“（本级）”“（下属事业单位）”）不计；只报改了一个字或漏了几个字的写法，多出词语或换了结尾的
    名称（“人民政府外事办公室”“人民政府研究室”）是别的机构，不报。
    例：封面“上海市普陀区规划和自然资源局”，表头却写“上海市规划和自然资源局 2024 年度部门决算表”，说明中写
    “上海市普陀区规划与自然资源局”，各报警告。名称的一段换成了占位符（封面“上海市普陀区财政局”，标题
    “上海市普陀区XX局”）不是可以容忍的别写，是模板没有填完，报错误。
    """
    name = fold(d.meta.organisation or "")
    if len(name) < 4:
        raise NotApplicable("文件的部门名称未识别")
    reported: set[tuple[str, int | None]] = set()
    for text, where, paragraph in _texts(d):
        for variant in sorted(_variants(text, name)):
            if (variant, where.line) in reported:
                continue
            reported.add((variant, where.line))
            if _placeholder(variant, name):
                yield Finding("org.name_consistent", Severity.ERROR,
                              f"名称“{variant}”留有模板占位符，应为封面的“{d.meta.organisation}”。",
                              (_printed(where, paragraph, variant),))
            else:
                yield Finding("org.name_consistent", Severity.WARNING,
                              f"名称“{variant}”与封面的“{d.meta.organisation}”不一致。", (_printed(where, paragraph, variant),))

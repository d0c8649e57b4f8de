"""The same paragraph printed twice in the narrative (a copy-paste left behind)."""
from __future__ import annotations

import re
from collections import Counter

from ...text.folding import fold
from ..catalog import rule
from ..claims.checks import at
from ..claims.sentences import split_paragraph
from ..findings import Finding, Severity

MIN_CHARS = 20  # short lines repeat by design (列表项, 单位名称)
MIRRORED = 3
_FIGURE = re.compile(r"\d")
# Repeated by design: a lead-in (``2022 年本部门当年一般公共预算支出 1899.9 万元，其中：`` before each of two
# lists), a note on the tables (``本报表金额转化为万元时，四舍五入可能存在尾差。``), a title (each 绩效目标表's
# ``2022年部门预算专项业务经费绩效目标表``: no sentence in it), a part withheld (``…涉密内容，按规定不予公开。``).
_BY_DESIGN = re.compile(r"[：:]\s*$|^注|本(?:报)?表|上表|此表|不予公开|^[^。！？；，,;]*$")


@rule("wording.duplicated_paragraphs", family="wording", title="段落重复", severity=Severity.WARNING)
def check(d, ctx):
    """说明中同一段文字（20字以上）出现两次。

    为什么：重复的段落是拼接文稿时留下的，常常意味着本该写的另一段被覆盖了。
    容差：20字以下的短行（列表项、单位名称）、表格行、紧接表格行的段落（未读成表格的表中文字）和名词解释
    不查；照例重复的也不查：以冒号结尾引出下文的一句（“……其中：”）、关于报表的注（“本报表金额转化为万元时……”）、
    不成句的标题（各张绩效目标表的表名）、“按规定不予公开”的说明。两个部分分别说明数字相同的
    两张表（江苏：财政拨款支出与一般公共预算支出，没有政府性基金时逐项相同）属并列说明，不报：含数字的
    一段与其前后段一起在另一部分出现，或一个部分有一半以上（且至少3段）与另一部分相同。
    例：“三公”经费一节的“主要原因是严格落实中央八项规定……”整段在下一节又出现一次，报警告。
    """
    flat = [(sec, n, p, fold(p.text)) for sec in d.sections if "名词解释" not in sec.title
            for n, p in enumerate(sec.paragraphs)]
    first: dict[str, int] = {}
    for k, (*_, text) in enumerate(flat):
        first.setdefault(text, k)
    parts = _Parts(flat, first)
    for k, (sec, n, p, text) in enumerate(flat):
        m = first[text]
        if m == k or "\t" in p.text or len(text) < MIN_CHARS or parts.parallel(k, _FIGURE.search(text) is not None):
            continue
        if _BY_DESIGN.search(p.text.strip()) or _in_table(flat, k) or _in_table(flat, m):
            continue
        other = split_paragraph(flat[m][2], flat[m][0], flat[m][1])[0]
        here = split_paragraph(p, sec, n)[0]
        yield Finding("wording.duplicated_paragraphs", Severity.WARNING,
                      f"说明中这一段与“{other.section_title}”中的一段完全相同：“{here.short}”。",
                      (at(here), at(other)))


def _in_table(flat, k: int) -> bool:
    """A paragraph right after a table row of its section: a cell's text wrapped out of a table the reader
    could not read (a 绩效目标表's ``目标 2：…``), repeated where two forms say the same."""
    return k > 0 and flat[k - 1][0] is flat[k][0] and "\t" in flat[k - 1][2].text


class _Parts:
    """Each paragraph's part, and for a repeat the part where it was printed first: enough to tell a
    part that restates another (two parts describing two tables with the same figures)."""

    def __init__(self, flat, first: dict[str, int]) -> None:
        self.part = [_chapter(sec.id) for sec, *_ in flat]
        self.source = [self.part[first[text]] if first[text] != k else None for k, (*_, text) in enumerate(flat)]
        self.size = Counter(self.part)
        self.restated: Counter[tuple[str, str | None]] = Counter((here, there) for here, there in zip(self.part, self.source) if there)

    def parallel(self, k: int, states_figure: bool) -> bool:
        """Repeat k belongs to a restating block: a neighbour repeats the same other part and k states
        a figure, or at least MIRRORED paragraphs, half of k's part, repeat that other part."""
        here, there = self.part[k], self.source[k]
        if here == there:
            return False
        if states_figure and any(0 <= j < len(self.source) and self.source[j] == there for j in (k - 1, k + 1)):
            return True
        repeats = self.restated[(here, there)]
        return repeats >= MIRRORED and 2 * repeats >= self.size[here]


def _chapter(section_id: str) -> str:
    """``s3.8.1`` → ``s3.8``: the numbered part (一、… under 第N部分) a section belongs to."""
    return ".".join(section_id.split(".")[:2])

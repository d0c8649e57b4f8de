"""Paragraphs as written, not as the pages cut them: a paragraph over a page break is one paragraph, the
page number and running header between its halves are furniture, and a title or a new paragraph is never
joined to the line before it. Inline PDF-like lines (boxes in points, A4 portrait, 16 pt text)."""
from __future__ import annotations

from yusuan.recognize.claims import Context
from yusuan.recognize.prose import recognize_prose
from yusuan.sources.raw import RawLine

CTX = Context("inline.pdf")
HEADER = "苏州市应急管理局2026年度部门预算公开"


class Page:
    """Lines of one page, numbered on from the page before (as a reader numbers them)."""

    def __init__(self, first_line: int, page: int) -> None:
        self.lines: list[RawLine] = []
        self.next, self.page, self.top = first_line, page, 80.0

    def line(self, text: str, x0: float = 73.0, x1: float = 519.0, rows: int = 1) -> Page:
        box = (x0, self.top, x1, self.top + 21.0 * rows)
        self.lines.append(RawLine(cells=(text,), line=self.next, page=self.page, bboxes=(box,)))
        self.next, self.top = self.next + 1, self.top + 21.0 * rows + 8
        return self

    def blank(self) -> Page:
        self.lines.append(RawLine(cells=(), line=self.next, page=self.page))
        self.next += 1
        return self


def paragraphs(*pages: Page) -> list[str]:
    lines = [ln for p in pages for ln in p.lines]
    (prose,) = recognize_prose(lines, CTX).items
    return [p.text for s in prose.sections for p in s.paragraphs]


def duties(page_two_first: str) -> list[str]:
    return paragraphs(*duty_pages(page_two_first))


def duty_pages(page_two_first: str) -> tuple[Page, Page, Page]:
    """js-sz-0ace4bb2 pages 3–4 (主要职能): item (6) runs over the page break, after the page number and the
    running header printed on every page."""
    three = (Page(1, 3).line(HEADER, x0=51, x1=218).blank().line("一、主要职能", x0=106, x1=202)
             .line("（5）组织指导协调安全生产类、自然灾害类等突发事件应急救援。承担市应对有关灾害指挥部工作。", rows=2)
             .line("（6）统一协调指挥各类应急专业队伍，建立应急协调联动机制，推进指挥平台对接。提请、衔接解放军和武警部队参与", rows=2)
             .blank().line("- 2 -", x0=286, x1=309))
    four = (Page(three.next, 4).blank().line(HEADER, x0=51, x1=218).blank().line(page_two_first, x1=185)
            .line("（7）统筹应急救援力量建设，统筹指导消防、森林火灾扑救、抗洪抢险、地震和地质灾害救援等专业应急救援力量建设。", rows=2)
            .blank().line("- 3 -", x0=286, x1=309))
    five = Page(four.next, 5).line(HEADER, x0=51, x1=218).line("二、机构设置", x0=106, x1=202).line(
        "本部门内设机构 12 个，下属单位 1 个。", x1=400)
    return three, four, five


def test_a_paragraph_over_a_page_break_is_one_paragraph_and_the_furniture_is_not_narrative():
    paras = duties("应急救援工作。")
    assert "（6）统一协调指挥各类应急专业队伍，建立应急协调联动机制，推进指挥平台对接。提请、衔接解放军和武警部队参与应急救援工作。" in paras
    assert paras.count(HEADER) == 1  # printed first as the title: kept once, not on every page
    assert not any(p.startswith("- ") for p in paras)


def test_a_numbered_item_opening_the_next_page_is_not_joined():
    paras = duties("二是做好应急救援工作。")  # not joined: a new item, however the page before ended
    assert any(p.endswith("武警部队参与") for p in paras)


def test_a_bracketed_code_opening_the_next_page_is_the_rest_not_an_item():
    # sn-xa-abb39910 p8–9 “…③文化产业发展专项支出” / “（2079903）20000 万元，较上年增加 20000 万元…”
    paras = duties("（2079903）20000 万元。")
    assert any(p.endswith("武警部队参与（2079903）20000 万元。") for p in paras)


def test_a_first_line_indented_deeper_than_the_reader_joins_is_joined_to_its_rest():
    """cq-52ece7fd page 2: the first line, indented two 16 pt characters, reads as a line of its own."""
    page = (Page(1, 2).line("二、部门收支总体情况", x0=109, x1=269)
            .line("（一）收入预算：2026 年年初预算数 168,441.81 万元，其", x0=109, x1=519)
            .line("中：一般公共预算拨款 154,304.22 万元，事业收入资金 3,252.59万元，其他收入资金 10,885 万元。", x0=77, x1=519, rows=5)
            .line("按照我市预算管理要求，结转金额已纳入相应性质的资金收入中进行反映。", x0=109, x1=519, rows=2))
    paras = paragraphs(page)
    assert paras[0] == ("（一）收入预算：2026 年年初预算数 168,441.81 万元，其中：一般公共预算拨款 154,304.22 万元，"
                        "事业收入资金 3,252.59万元，其他收入资金 10,885 万元。")
    assert paras[1].startswith("按照我市预算管理要求")


def test_a_title_or_a_short_last_line_ends_its_paragraph():
    """cq-3d4c3ce8 page 25: a form's title (big, centred) and a label over the form's text stay apart."""
    page = (Page(1, 25).line("本部门 2026 年预算情况说明到此结束，以下为各张表格及其填报说明", x0=74, x1=768)
            .line("2026年部门整体绩效目标表数据由各单位填报汇总形成并经审核确认", x0=296, x1=541, rows=2)
            .line("单位名称:重庆市商务委员会", x0=74, x1=210)
            .line("本表所列绩效目标均为本年度整体绩效目标，详见各项指标。", x0=74, x1=768))
    assert len(paragraphs(page)) == 4


def test_a_joined_paragraph_keeps_where_its_rest_is_printed():
    """The rest of duty (6), printed on page 4, is found on page 4: a finding quoting it points there."""
    pages = duty_pages("应急救援工作。")
    (prose,) = recognize_prose([ln for p in pages for ln in p.lines], CTX).items
    (para,) = [p for s in prose.sections for p in s.paragraphs if p.text.startswith("（6）")]
    rest = para.text.index("应急救援工作")
    first_line = next(ln for ln in pages[1].lines if ln.text == "应急救援工作。")
    assert (para.provenance.page, para.provenance.line) == (3, 5)
    assert [(o, p.page, p.line) for o, p in para.continued] == [(rest, 4, first_line.line)]
    assert para.provenance_at(rest - 1).page == 3 and para.provenance_at(rest).page == 4


def test_a_word_ending_in_yi_cut_at_the_line_end_is_not_an_item():
    """js-sz-ac8160cd p5: ``…构建集中统`` then ``一、全面覆盖、权威高效的审计监督体系。…``: 统一, not item 一、.
    A numbered paragraph after a line ending otherwise stays apart."""
    def page(end: str, rest: str) -> Page:
        return (Page(1, 5).line("（十二）职能转变。进一步完善审计管理体制，加强全市审计工作统筹，明晰各级审计机关职能定位，"
                                f"理顺内部职责关系，优化审计资源配置，充实加强一线审计力量，{end}", x0=73, x1=519, rows=4)
                .line(rest, x0=73, x1=519, rows=5))
    rest = "一、全面覆盖、权威高效的审计监督体系。优化审计工作机制，坚持科技强审，增强监督合力。"
    assert paragraphs(page("构建集中统", rest))[-1].endswith("构建集中统一、全面覆盖、权威高效的审计监督体系。优化审计工作机制，"
                                                            "坚持科技强审，增强监督合力。")
    assert len(paragraphs(page("构建审计监督", rest))) == 2

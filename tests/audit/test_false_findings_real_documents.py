"""False findings that ended: text hidden by a spreadsheet's print area, 目录 entries matched literally, a
part heading printed with its number. Each on a real document (司法局 2026 部门预算, samples/checklists;
万里街道 2024, samples/pdf — provenance in samples/README.md), or on one changed to read like the document
that showed it (万里街道 2023 and 商务委员会 2025 are not in the corpus)."""
from __future__ import annotations


from test_slips_real_documents import JUSTICE, SAMPLES, _raw, found, planted

from yusuan.recognize.pipeline import recognize

WANLI_2024 = SAMPLES / "pdf" / "putuo-wanli-2024-dept-budget.pdf"


def test_text_clipped_by_the_print_area_is_not_read_so_not_duplicated_nor_unfinished():
    """司法局 2026 pages 4–5 (主要职能): the spreadsheet behind the PDF keeps 131 + 135 characters of cells beyond
    its print area (“（八）负责本系统警车管理工作……”, “（六）组织实施和指导监督本区社区矫正工作……”), drawn but
    clipped away — and 515 characters drawn off the page on page 5. A reader that took them as printed saw each
    duty twice and a clause cut at the clip's edge (duplicated paragraphs, sentences without a full stop). The
    reader leaves them out and says so; the 职能 part then has no such finding."""
    d = recognize(_raw(JUSTICE))
    notes = {(i.code, i.provenance.page) for i in d.issues}
    assert {("read.text_clipped", 4), ("read.text_clipped", 5), ("read.text_off_page", 5)} <= notes
    duties = next(s for s in d.sections if s.title.endswith("主要职能"))
    fs = found(d, "wording.duplicated_paragraphs", "wording.sentence_end", "wording.duplicated_words")
    assert [f for f in fs if f.locations[0].section == duties.id or f.locations[0].page in (4, 5)] == []


def test_the_contents_entry_for_project_statements_is_found_under_each_project_s_own_title():
    """The 目录 (page 2) lists “七、项目经费情况说明”; the body prints each project's statement under its own title.
    司法局's one project (page 23) titled like 商务委员会 2025's “科技创新专项经费情况说明” — 专项, not 项目 — is still
    a statement heading, the statement is read (年度预算安排 795万元), and the 目录 entry is found."""
    d = planted(JUSTICE, ("人民调解项目经费情况说明…", "科技创新专项经费情况说明"))
    assert [(s.name, str(s.annual_amount)) for s in d.project_statements] == [("科技创新专项", "795万元")]
    assert found(d, "complete.contents_entries") == ()
    assert found(recognize(_raw(JUSTICE)), "complete.contents_entries") == ()


def test_a_part_heading_printed_with_its_contents_number_is_a_part_and_its_items_are_checked():
    """万里街道 2023 prints its 编制说明 heading as the 目录 does, “四、部门预算编制说明”, right after the 名词解释
    (whose own entries are numbered 一、二、…). 万里街道 2024 with its page-6 heading printed that way: the line is
    the part (not glossary entry 四), the 目录 entry is found, and the itemised checks run — the slip on page 9
    (item stated 350.35万元, its 2024年预算安排 352.67万元) is found as in the document as printed."""
    d = planted(WANLI_2024, ("2024年部门预算编制说明…", "四、部门预算编制说明"))
    part = next(s for s in d.sections if s.title == "部门预算编制说明")
    assert part.level == 1 and part.part == "四" and len(part.paragraphs) > 30
    glossary = next(s for s in d.sections if s.title == "名词解释")
    assert len(glossary.paragraphs) < 10
    assert found(d, "complete.contents_entries") == ()
    (slip,) = [f for f in found(d, "narrative.shanghai_item_change") if "350.35" in f.message]
    assert "352.67" in slip.message and slip.locations[0].page == 9

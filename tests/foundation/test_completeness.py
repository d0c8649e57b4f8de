"""Whether a document holds what its 目录 and its template announce."""
from yusuan.model import ContentsEntry, Disclosure, DocumentMeta, Level, Provenance, Section, SourceInfo, Stage
from yusuan.recognize.completeness import completeness_issues, contents_issues

P = Provenance(file="a.pdf", page=2)


def meta(template: str = "generic") -> DocumentMeta:
    return DocumentMeta("2025年部门预算", "上海市普陀区人民政府万里街道办事处", Level.DEPARTMENT, Stage.BUDGET, 2025, template)


def section(title: str) -> Section:
    return Section(id="s1", part="", number="", level=1, title=title, paragraphs=(), provenance=P)


def entries(*titles: str) -> tuple[ContentsEntry, ...]:
    return tuple(ContentsEntry(t, None, P) for t in titles)


def read(template: str, sections=(), contents=()):
    """A Disclosure's template tables and 目录 checked as the reader checks them."""
    d = Disclosure(meta(template), SourceInfo("a.pdf", "pdf", "", 0), sections=sections, contents=contents)
    return completeness_issues(d.meta, d.tables, d.sections, d.targets, "a.pdf") + contents_issues(d)


def codes(issues) -> list[str]:
    return [i.code for i in issues]


def test_contents_entry_found_under_a_heading_that_names_the_organisation():
    found = read("generic", (section("上海市普陀区人民政府万里街道办事处（部门）主要职能"),), entries("一、部门主要职能"))
    assert "ingest.contents_not_found" not in codes(found)


def test_contents_entry_missing_from_the_body_is_reported():
    found = read("generic", (section("名词解释"),), entries("六、其他相关情况说明"))
    assert codes(found).count("ingest.contents_not_found") == 1
    assert "其他相关情况说明" in found[-1].message


def test_template_tables_missing_are_reported_one_by_one():
    found = read("shanghai-9")
    assert codes(found) == ["ingest.missing_table"] * 9


def test_a_narrative_only_half_leaves_its_tables_to_the_other_file():
    """说明 published apart from the tables (江苏): ingest.partial_publication says so once; no warning
    per template table, none per table entry of the contents; other entries are still checked."""
    found = read("shanghai-9", (section("部门主要职能"),),
                 entries("一、部门主要职能", "四、财政拨款收支预算总表", "六、其他相关情况说明"))
    assert codes(found) == ["ingest.contents_not_found"]
    assert "其他相关情况说明" in found[0].message

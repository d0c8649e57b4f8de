"""The findings list as a reviewer reads it, from small inline findings: duplicates merged, reading
notes of one kind folded, rounding hidden until asked, search, printed precision, Beijing time."""
from datetime import datetime
from decimal import Decimal

from yusuan.web.findings_view import Filters, Item, NoteGroup, build, clean_message
from yusuan.web.formatting import beijing, figures_text, printed, rule_title, template_zh
from yusuan.web.places import Place, context_lines
from yusuan.sources.raw import RawLine


def finding(fp, rule, severity, message, *, table=None, row=None, column=None, accepted=False, **figures):
    loc = {"table": table, "row": row, "column": column, "line": 10, "table_title": "2025年预算收入总表" if table else None}
    return {"fingerprint": fp, "rule": rule, "severity": severity, "message": message, "location": [loc],
            "accepted": accepted, **figures}


ROUNDING = dict(expected="2895.75", actual="2895.74", difference="-0.01", tolerance="0.03", unit="万元")
FINDINGS = [
    finding("a1", "arith.class_sum", "info", "“208”行合计应等于其下各款之和……属尾差。", table="t02", row=5, column="total", **ROUNDING),
    finding("a2", "arith.class_sum", "info", "“208”行一般公共预算……属尾差。", table="t02", row=5, column="general_public", **ROUNDING),
    finding("b1", "target.stated_amount", "error", "说明中“共计金额2,545.59万元”应等于各绩效目标表年度资金之和",
            expected="2576.096801", actual="2545.59", difference="-30.506801", tolerance="0.005", unit="万元"),
    finding("b2", "target.stated_amount", "error", "说明中“涉及项目金额2,545.59万元”应等于各绩效目标表年度资金之和",
            expected="2576.096801", actual="2545.59", difference="-30.506801", tolerance="0.005", unit="万元"),
    finding("c1", "ingest.issue", "info", "指标行单元格错位，已按指标标签和顺序读取。（ingest.target_shifted_row）"),
    finding("c2", "ingest.issue", "info", "指标行单元格错位，已按指标标签和顺序读取。（ingest.target_shifted_row）"),
    finding("c3", "ingest.issue", "warning", "第3列的内容“x”无法对应到表头的任何一列。（ingest.cell_unplaced）"),
    finding("d1", "wording.ascii_comma", "info", "中文句子中使用了半角逗号“,”。", accepted=True),
]


class Tables:  # a disclosure as Names.of reads it: only the printed names (and its files) matter here
    tables = ()
    targets = ()
    sections = ()
    parts = ()

    class source:
        file = "阳泉市民政局2025.txt"


def view(**flt):
    return build([dict(f, location=[dict(loc) for loc in f["location"]]) for f in FINDINGS], Tables(),
                 Filters(**flt), anchors=lambda loc: loc.get("table") or "")


def entries(v):
    return [e for _, es in v.sections for e in es]


def test_the_same_problem_told_twice_is_one_item_with_both_places():
    items = [e for e in entries(view()) if isinstance(e, Item) and e.first["rule"] == "target.stated_amount"]
    assert len(items) == 1 and items[0].fingerprints == "b1,b2"


def test_reading_notes_of_one_kind_fold_into_one_line():
    notes = [e for e in entries(view()) if isinstance(e, NoteGroup)]
    assert [(n.code, len(n.items)) for n in notes] == [("ingest.target_shifted_row", 2)]
    assert notes[0].label == "绩效指标行单元格错位，已按标签和顺序读取"
    alone = [e for e in entries(view()) if isinstance(e, Item) and e.first["rule"] == "ingest.issue"]
    assert [e.key for e in alone] == ["c3"]  # a kind with one note stays a plain line
    assert clean_message(FINDINGS[4]) == "指标行单元格错位，已按指标标签和顺序读取。"


def test_rounding_differences_wait_behind_the_toggle():
    hidden = view()
    assert hidden.rounding_hidden == 2 and all(e.first["rule"] != "arith.class_sum" for e in entries(hidden) if isinstance(e, Item))
    shown = view(rounding=True)
    merged = [e for e in entries(shown) if isinstance(e, Item) and e.first["rule"] == "arith.class_sum"]
    assert shown.rounding_hidden == 0 and len(merged) == 1 and len(merged[0].findings) == 2


def test_accepted_findings_have_their_own_tab_and_search_narrows():
    assert view(tab="accepted").shown == 1 and view().open_count == 7 and view().accepted_count == 1
    assert view(q="年度资金").shown == 2
    assert view(q="年度资金 涉及").shown == 1
    assert view(q="不存在的词").shown == 0
    assert view(severity="error").shown == 2 and view(rule="ingest.issue").shown == 3


def test_figures_print_at_the_printed_precision():
    text = figures_text(FINDINGS[2])
    assert text == "应为 ≈2,576.10万元 · 实为 2,545.59万元 · 相差 ≈-30.51万元 · 允许尾差 ±0.005万元"
    assert printed(Decimal("42.212801"), "万元") == "≈42.21" and printed(Decimal("38.21"), "万元") == "38.21"
    assert printed(Decimal("43.000000"), "个") == "43"
    assert printed(Decimal("0.0127910402538"), "%") == "0.0128"  # a rate keeps its small places (no ≈0.00%)


def test_people_read_titles_times_and_template_names_in_chinese():
    assert rule_title("arith.class_sum") != "arith.class_sum" and rule_title("ingest.issue") == "读取提示"
    assert beijing(datetime(2026, 12, 5, 8, 3)) == "2026-12-05 16:03"
    assert beijing("2026-12-05T23:30:00", with_zone=True) == "2026-12-06 07:30（北京时间）"
    assert (template_zh("shanxi-13"), template_zh("shanghai-9"), template_zh("generic")) == ("山西13表", "上海9表", "通用格式")


def test_source_lines_around_two_places_close_together_are_one_excerpt():
    lines = tuple(RawLine((f"第{i}行",), i) for i in range(1, 40))
    excerpts = context_lines(lines, [Place(None, 10, None), Place(None, 13, None), Place(None, 30, None)], around=2)
    assert [[ln.number for ln in ex] for ex in excerpts] == [[8, 9, 10, 11, 12, 13, 14, 15], [28, 29, 30, 31, 32]]
    assert [ln.number for ex in excerpts for ln in ex if ln.marked] == [10, 13, 30]


def test_findings_like_one_share_rule_severity_and_message_but_their_particulars():
    from yusuan.web.findings_view import cause_key

    a = {"rule": "target.project_without_form", "severity": "warning",
         "message": "《2025年项目支出预算表（本年预算）》阳泉市民政事务中心“地名标志牌管理工作经费”（10.00万元）没有对应的项目支出绩效目标表。"}
    b = dict(a, message="《2025年项目支出预算表（本年预算）》阳泉市民政事务中心“社会组织管理培训工作会议费”（3.62万元）没有对应的项目支出绩效目标表。")
    carried = dict(a, message=a["message"].replace("本年预算", "上年结转"))
    assert cause_key(a) == cause_key(b)
    assert cause_key(a) != cause_key(carried) and cause_key(a) != cause_key(dict(b, severity="info"))


def test_reading_notes_have_their_own_section_after_the_warnings():
    """What could not be read (读取提示) is not a finding about the document: its own section, not 提示."""
    sections = [(title, len(es)) for title, es in view(rounding=True).sections]
    assert [t for t, _ in sections] == ["错误", "警告", "读取提示", "提示"]
    reading = dict(view().sections)["读取提示"]
    assert [n.code for n in reading if isinstance(n, NoteGroup)] == ["ingest.target_shifted_row"]

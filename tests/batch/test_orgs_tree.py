"""The organisation list: read from CSV (UTF-8 or GBK) or XLSX, and publications matched to it by
name, tolerantly (spacing, width, 机关, a city prefix) but not loosely (another unit is another unit)."""
from __future__ import annotations

import pytest

from yusuan.errors import InputError
from yusuan.orgs import OrgUnit, load_tree, match_name, parse_rows

ROWS = [["主管部门", "预算单位", "单位编码"],
        ["阳泉市民政局", "", "101"],
        ["阳泉市民政局", "阳泉市社会福利院", "101001"],
        ["阳泉市民政局", "阳泉市殡仪馆", "101002"],
        ["", "", ""],
        ["上海市普陀区民政局", "上海市普陀区社会福利院", ""]]


def test_a_list_names_departments_and_their_units():
    tree = parse_rows(ROWS)
    assert tree.departments == ("阳泉市民政局", "上海市普陀区民政局")
    assert tree.units_of("阳泉市民政局") == ("阳泉市社会福利院", "阳泉市殡仪馆")
    assert OrgUnit("阳泉市民政局", "阳泉市殡仪馆", "101002") in tree.entries
    assert OrgUnit("上海市普陀区民政局") in tree.entries  # a department named only by its units' rows


def test_csv_in_gbk_and_xlsx_read_the_same(tmp_path):
    import xlsxwriter

    csv_text = "\n".join(",".join(r) for r in ROWS) + "\n"
    (tmp_path / "list.csv").write_bytes(csv_text.encode("gbk"))
    wb = xlsxwriter.Workbook(str(tmp_path / "list.xlsx"))
    ws = wb.add_worksheet()
    for i, row in enumerate(ROWS):
        ws.write_row(i, 0, row)
    wb.close()
    assert load_tree(tmp_path / "list.csv") == load_tree(tmp_path / "list.xlsx") == parse_rows(ROWS)


def test_rows_that_cannot_be_placed_are_reported_not_skipped():
    with pytest.raises(InputError, match="第3行：有单位“孤儿单位”但没有所属部门"):
        parse_rows([["部门", "单位"], ["甲局", ""], ["", "孤儿单位"]])
    with pytest.raises(InputError, match="缺少“部门”列"):
        parse_rows([["名称"], ["甲局"]])


@pytest.mark.parametrize("printed, department, unit, sureness", [
    ("阳泉市民政局", "阳泉市民政局", "", "same"),
    ("阳泉市民政局机关", "阳泉市民政局", "", "same"),
    ("阳泉市 民政局", "阳泉市民政局", "", "same"),
    ("民政局", "阳泉市民政局", "", "same"),
    ("阳泉市殡仪馆", "阳泉市民政局", "阳泉市殡仪馆", "same"),
    ("普陀区社会福利院", "上海市普陀区民政局", "上海市普陀区社会福利院", "same"),
    ("阳泉市社会福利院（本级）", "阳泉市民政局", "阳泉市社会福利院", "similar"),
])
def test_publications_are_matched_tolerantly(printed, department, unit, sureness):
    m = match_name(parse_rows(ROWS), printed)
    assert (m.entry.department, m.entry.unit, m.sureness) == (department, unit, sureness)


@pytest.mark.parametrize("printed", ["阳泉市财政局", "上海市普陀区人民政府办公室", ""])
def test_other_organisations_match_nothing(printed):
    assert match_name(parse_rows(ROWS), printed) is None

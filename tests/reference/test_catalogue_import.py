"""Importing next year's official catalogue from a CSV or spreadsheet the user supplies."""
from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from yusuan.errors import InputError
from yusuan.reference import (
    EntryKind,
    NameVerdict,
    bundled_catalogue,
    load_catalogue,
    with_user_catalogue,
)

FUNCTION_CSV = """2026年政府收支分类科目（支出功能分类）
科目编码,科目名称,说明
208,社会保障和就业支出,
20802,民政管理事务,
2080201,行政运行,反映行政单位的基本支出
2080299,其他民政管理事务支出,
20899,其他社会保障和就业支出,
合计,,
"""

SPLIT_CSV = """科目编码,,,科目名称
类,款,项,
208,,,社会保障和就业支出
,05,,行政事业单位养老支出
,,01,行政单位离退休
,,05,机关事业单位基本养老保险缴费支出
210,11,02,事业单位医疗
"""


def _xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A minimal workbook written by hand (inline strings, numeric cells as numbers)."""

    def cell(ref: str, value: object) -> str:
        if value is None:
            return ""  # an empty cell is simply absent, as spreadsheet programs write it
        if isinstance(value, (int, float)):
            return f'<c r="{ref}"><v>{value}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'

    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    names = list(sheets)
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            + "".join(
                f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                for i in range(1, len(names) + 1)
            )
            + "</Types>",
        )
        book.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        )
        book.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {ns} xmlns:r="{rel}"><sheets>'
            + "".join(f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(names, 1))
            + "</sheets></workbook>",
        )
        book.writestr(
            "xl/_rels/workbook.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, len(names) + 1)
            )
            + "</Relationships>",
        )
        for i, name in enumerate(names, 1):
            rows = "".join(
                f'<row r="{r}">' + "".join(cell(f"{'ABCDEFGH'[c]}{r}", v) for c, v in enumerate(row)) + "</row>"
                for r, row in enumerate(sheets[name], 1)
            )
            book.writestr(
                f"xl/worksheets/sheet{i}.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><worksheet {ns}><sheetData>{rows}</sheetData></worksheet>',
            )
    return path


def test_a_csv_with_chinese_headers_under_a_title(tmp_path):
    path = tmp_path / "2026年政府收支分类科目.csv"
    path.write_text(FUNCTION_CSV, encoding="utf-8")
    catalogue = load_catalogue(path)
    assert catalogue.year == 2026
    assert catalogue.provenance == (str(path),)
    assert catalogue.name("2080201") == "行政运行"
    assert catalogue.children("208") == ("20802", "20899")
    assert catalogue.children("20802") == ("2080201", "2080299")
    entry = catalogue.lookup("2080201")
    assert entry.kind is EntryKind.OFFICIAL and entry.first_year == entry.last_year == 2026
    assert entry.source == f"{path.name}#row=5"
    assert catalogue.lookup("2080202") is None
    assert catalogue.problems == (f"{path.name}#row=8：“合计”不是科目编码，未导入",)


def test_a_gbk_csv_with_split_columns_inherits_the_class_from_the_rows_above(tmp_path):
    path = tmp_path / "catalogue.csv"
    path.write_bytes(SPLIT_CSV.encode("gb18030"))
    catalogue = load_catalogue(path, year=2025)
    assert catalogue.codes() == ("208", "20805", "2080501", "2080505", "2101102")
    assert catalogue.name("2080505") == "机关事业单位基本养老保险缴费支出"
    assert catalogue.year == 2025


def test_an_xlsx_with_english_headers_numeric_codes_and_two_sheets(tmp_path):
    path = _xlsx(
        tmp_path / "catalogue-2026.xlsx",
        {
            "支出功能分类": [["code", "name"], [208, "社会保障和就业支出"], [20802, "民政管理事务"], [2080201, "行政运行"]],
            "部门预算经济分类": [["类", "款", "科目名称"], [301, None, "工资福利支出"], [None, 2, "津贴补贴"], [302, 1, "办公费"]],
        },
    )
    catalogue = load_catalogue(path)
    assert catalogue.year == 2026
    assert catalogue.codes() == ("208", "20802", "2080201", "301", "30102", "30201")
    assert catalogue.lookup("30102").source == f"{path.name}#部门预算经济分类!row=3"
    assert catalogue.children("301") == ("30102",)


def test_the_users_catalogue_wins_over_the_bundled_one(tmp_path):
    path = tmp_path / "2026.csv"
    path.write_text("科目编码,科目名称\n30202,印刷装订费\n2089999,其他社会保障和就业支出\n", encoding="utf-8")
    merged = with_user_catalogue(path)
    assert merged.name("30202") == "印刷装订费"
    assert merged.name_matches("30202", "印刷装订费").verdict is NameVerdict.MATCH
    assert merged.name_matches("30202", "印刷费").verdict is NameVerdict.VARIANT  # renamed: still known
    assert merged.name("2080201") == bundled_catalogue().name("2080201") == "行政运行"
    assert merged.provenance[0] == str(path) and len(merged) == len(bundled_catalogue())
    assert bundled_catalogue().name("30202") == "印刷费"  # the cached bundle is untouched


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("目录.csv", "编号,内容\n1,2\n", "catalogue.no_codes"),
        ("目录.csv", "", "catalogue.no_codes"),
        ("目录.csv", b"\x00\xff\xfe\x00binary", "catalogue.encoding"),
        ("目录.xlsx", b"PK\x03\x04 not really a zip", "catalogue.unreadable"),
        ("目录.docx", "科目编码,科目名称\n208,社会保障和就业支出\n", "catalogue.type"),
    ],
)
def test_a_bad_catalogue_is_an_input_error_in_chinese(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(InputError) as raised:
        load_catalogue(path)
    assert raised.value.code == code
    assert "科目目录" in raised.value.message


def test_a_missing_catalogue_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="找不到科目目录文件"):
        load_catalogue(tmp_path / "nowhere.xlsx")

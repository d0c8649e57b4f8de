"""Classification codes as printed: one column (Shanxi) or 类 款 项 over three (Shanghai)."""
from __future__ import annotations

import pytest

from yusuan.reference import (
    Code,
    CodeLevel,
    CodeSystem,
    ancestors_of,
    is_ancestor,
    level_of,
    parent_of,
    parse_code,
    system_of,
)


@pytest.mark.parametrize(
    "printed",
    [
        ("2080201",),
        ("208 02 01",),
        ("208\t02\t01",),
        ("20802 01",),
        ("208 0201",),
        ("208", "02", "01"),  # the three cells of a Shanghai row
        ("20802", "01"),
        (" 2080201 ",),
        ("２０８０２０１",),  # full-width digits from a PDF text layer
    ],
)
def test_every_printed_form_gives_the_seven_digits(printed):
    assert parse_code(*printed) == "2080201"


def test_empty_cells_of_a_split_code_are_skipped():
    assert parse_code("208", "", "") == "208"
    assert parse_code("208", "05", None) == "20805"


def test_a_part_that_lost_its_leading_zero_is_padded():
    # putuo-wanli-2024-dept-budget.pdf page 29 prints 301 | 2 | 津贴补贴
    assert parse_code("301", "2") == "30102"
    assert parse_code("301 7") == "30107"
    assert parse_code(208, 5, 1) == "2080501"


@pytest.mark.parametrize(
    "bad",
    [("",), ("合计",), ("20",), ("2080",), ("208 05 01 02",), ("30101 01",), ("408",), ("2024年",), ("2080 1",)],
)
def test_what_is_not_a_code_is_refused(bad):
    with pytest.raises(ValueError):
        parse_code(*bad)


def test_levels_follow_the_length():
    assert level_of("208") is CodeLevel.CLASS
    assert level_of("20802") is CodeLevel.SECTION
    assert level_of("2080201") is CodeLevel.ITEM
    assert level_of("1030155") is CodeLevel.ITEM
    assert level_of("30101") is CodeLevel.SECTION
    assert level_of("50905") is CodeLevel.SECTION
    with pytest.raises(ValueError):
        level_of("3010101")  # the economic classifications stop at 款


def test_parents_and_ancestors():
    assert parent_of("2080201") == "20802"
    assert parent_of("20802") == "208"
    assert parent_of("208") is None
    assert parent_of("1030155") == "10301"
    assert ancestors_of("2296002") == ("22960", "229")
    assert is_ancestor("208", "2080201")
    assert is_ancestor("20802", "2080201")
    assert not is_ancestor("2080201", "2080201")
    assert not is_ancestor("2080201", "20802")
    assert not is_ancestor("208", "2090201")
    assert not is_ancestor("20805", "2080201")


def test_the_first_digit_names_the_system():
    assert system_of("2080201") is CodeSystem.FUNCTION
    assert system_of("1030155") is CodeSystem.REVENUE
    assert system_of("30101") is CodeSystem.DEPT_ECONOMIC
    assert system_of("50101") is CodeSystem.GOV_ECONOMIC
    assert system_of("408") is None
    assert CodeSystem.GOV_ECONOMIC.label == "政府预算支出经济分类"


def test_code_objects_are_frozen_and_know_their_family():
    code = Code.of("208 05 01")
    assert (code.system, code.digits, code.level) == (CodeSystem.FUNCTION, "2080501", CodeLevel.ITEM)
    assert code.parent == Code(CodeSystem.FUNCTION, "20805")
    assert code.parent.parent.parent is None
    assert Code.of("208").is_ancestor_of(code)
    assert str(code) == "2080501"
    with pytest.raises(ValueError):
        Code(CodeSystem.REVENUE, "2080501")
    with pytest.raises(AttributeError):
        code.digits = "208"  # type: ignore[misc]

"""The rounding rule and the Chinese wording of computed figures, on small cases."""
from __future__ import annotations

from decimal import Decimal as D

import pytest

from yusuan.author.cells import to_money
from yusuan.author.rounding import apportion, round_tree
from yusuan.author.text import change, item_change, money, ordinal, percent, share

STEP = D("0.01")


def test_largest_remainder_makes_three_thirds_add_up():
    # 100 元 split three ways is 33.33… 元 each: half-up would print 0.01 ×3 = 0.03 万元 ≠ 0.01
    parts = [D("0.003333")] * 3
    assert apportion(D("0.01"), parts, STEP) == [D("0.01"), D("0"), D("0")]


def test_the_step_goes_to_the_part_rounded_down_most():
    assert apportion(D("1.00"), [D("0.334"), D("0.333"), D("0.333")], STEP) == [D("0.34"), D("0.33"), D("0.33")]
    # an excess step is taken from the part rounded up the most (0.336 → 0.34 was rounded up by 0.004)
    assert apportion(D("0.99"), [D("0.336"), D("0.327"), D("0.327")], STEP) == [D("0.33"), D("0.33"), D("0.33")]


def test_zero_parts_stay_zero():
    assert apportion(D("0.02"), [D("0.006"), D("0"), D("0.006"), D("0")], STEP) == [D("0.01"), 0, D("0.01"), 0]


def test_a_tree_prints_every_node_as_the_sum_of_its_children():
    exact = {"": D("10.005"), "208": D("6.0035"), "20802": D("6.0035"), "221": D("4.0015")}
    printed = round_tree(exact, {"": ["208", "221"], "208": ["20802"]}, "", STEP)
    assert printed[""] == D("10.01") and printed["208"] + printed["221"] == printed[""]
    assert printed["208"] == printed["20802"]


def test_an_anchored_figure_keeps_its_half_up_value_and_its_siblings_take_the_step():
    exact = {"": D("0.0132"), "a": D("0.0066"), "b": D("0.0066")}
    free = round_tree(exact, {"": ["a", "b"]}, "", STEP)
    anchored = round_tree(exact, {"": ["a", "b"]}, "", STEP, frozenset({"a"}))
    assert free == {"": D("0.01"), "a": D("0"), "b": D("0.01")}  # a tie: the first gives the step back
    assert anchored["a"] == D("0.01") and anchored["b"] == D("0.00")
    # a total made only of anchored figures is their sum, not its own half-up value
    both = round_tree(exact, {"": ["a", "b"]}, "", STEP, frozenset({"a", "b"}))
    assert both == {"": D("0.02"), "a": D("0.01"), "b": D("0.01")}


@pytest.mark.parametrize("now, before, said", [
    (D("4411.49"), D("3477.16"), "比上年增加934.33万元，增长26.87%"),
    (D("40.68"), D("40.72"), "比上年减少0.04万元，下降0.10%"),
    (D("19.30"), D("19.30"), "与上年持平"),
    (D("0.80"), D("0"), "比上年增加0.80万元"),
])
def test_change_wording(now, before, said):
    assert change(now, before) == said


def test_item_change_wording_of_the_three_public_expenses():
    assert item_change(D("0.80"), D("0")) == "与上年相比预算数增加0.80万元"
    assert item_change(D("0"), D("0")) == "与上年预算数相同"


def test_amounts_shares_and_ordinals():
    assert money(D("4411.49")) == "4,411.49万元" and money(D("0")) == "0万元"
    assert share(D("3008.67"), D("4411.49")) == "3,008.67万元，占68.20%"
    assert percent(D("0.04"), D("40.72")) == "0.10%"
    assert [ordinal(n) for n in (1, 10, 12, 20, 25, 30)] == ["一", "十", "十二", "二十", "二十五", "三十"]


@pytest.mark.parametrize("raw, exact", [
    (1234.5, D("1234.50")), (0.1, D("0.10")), (19240, D("19240.00")), ("4,411.49", D("4411.49")), (D("7.1"), D("7.10")),
])
def test_money_cells_are_read_exactly(raw, exact):
    assert to_money(raw) == exact


@pytest.mark.parametrize("raw", [0.1 + 0.2, "12.345", "十元", True, float("nan")])
def test_money_cells_that_are_not_fen_are_refused(raw):
    with pytest.raises(ValueError):
        to_money(raw)

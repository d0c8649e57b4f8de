"""Charts: figures from the tables, drawn with a CJK font; the year-over-year chart only with data."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from yusuan.model import Column, TableKind, Value
from yusuan.render.chart_draw import cjk_font_path, echarts_option, png
from yusuan.render.charts import basic_project, by_function, charts, mentioned, three_public, year_over_year


def test_three_public_chart_shows_the_items_of_the_three_public_table(reference):
    c = three_public(reference)
    assert dict(zip(c.labels, c.values)) == {
        "因公出国（境）费": Decimal("0"), "公务接待费": Decimal("0.80"),
        "公务用车购置费": Decimal("0"), "公务用车运行维护费": Decimal("18.50"),
    }
    assert sum(c.values) == reference.table(TableKind.THREE_PUBLIC).total_row().number("total")


def test_function_classes_and_basic_vs_project(reference):
    assert dict(zip(by_function(reference).labels, by_function(reference).values))["社会保障和就业支出"] == Decimal("2895.74")
    assert basic_project(reference).values == (Decimal("1099.45"), Decimal("3312.04"))


def test_year_over_year_only_when_last_year_is_held(reference):
    assert year_over_year(reference) is None
    t = reference.table(TableKind.EXPENDITURE_SUMMARY)
    def with_last_year(r):
        if not (r.code and len(r.code) == 3):
            return r
        return replace(r, values=(*r.values, Value("last_year", "1.00", replace(r.values[0].amount, value=Decimal("1.00")), r.provenance)))
    t2 = replace(t, columns=(*t.columns, Column("last_year", "2024年预算数")), rows=tuple(with_last_year(r) for r in t.rows))
    d = replace(reference, tables=tuple(t2 if x is t else x for x in reference.tables))
    c = year_over_year(d)
    assert c.series[0] == ("上年", (Decimal("1.00"),) * 5) and len(charts(d)) == 4


def test_png_is_drawn_with_a_cjk_font(reference):
    assert "CJK" in cjk_font_path()
    assert png(three_public(reference), dpi=50).startswith(b"\x89PNG")


def test_caption_paragraphs_name_their_chart():
    assert mentioned("三公经费分布图") == "three_public"
    assert mentioned("2025年“三公”经费预算19.30万元，比2024年增加1.18万元，主要原因是按照市级财政预算安排。") is None


def test_echarts_pie_leaves_out_empty_items_and_keeps_amounts_exact(reference):
    option = echarts_option(three_public(reference))
    assert option["series"][0]["data"] == [{"name": "公务接待费", "value": "0.80"}, {"name": "公务用车运行维护费", "value": "18.50"}]

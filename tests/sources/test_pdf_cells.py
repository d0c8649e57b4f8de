"""Table cells found from the page's rules (sources/pdf_cells.py, issue 20) are pdfplumber's cells, and
the rules snapped and joined before (sources/pdf_rules.py) are pdfplumber's merged edges.

The indexed search replaces pdfplumber's scan of every pair of rule crossings; the reading must not
move, so on every ruled page of two real disclosures (the Jiangsu procuratorate file, the densest
ruled pages of the corpus, and a Putuo budget from samples/) the crossings, cells and tables are
compared with pdfplumber's own functions run on the same rules, and so are the merged rules, dict for
dict and in order. Small inline cases show the rules that decide a cell, the snapping and the joining.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfplumber import table as plumber_table
from pdfplumber.utils import filter_edges

from yusuan.sources.pdf_cells import Crossings, frame, rows, tables
from yusuan.sources.pdf_open_ends import close_open_ends
from yusuan.sources.pdf_page import TOLERANCE
from yusuan.sources.pdf_pdfium import View, page_edges
from yusuan.sources.pdf_rules import long_enough, merge_rules

ROOT = Path(__file__).resolve().parents[2]
PROCURATORATE = ROOT / "samples" / "jiangsu" / "js-procuratorate-2018-dept-budget-full-b6f855.pdf"
PUTUO = ROOT / "samples" / "pdf" / "putuo-wanli-2024-dept-budget.pdf"


def merged_rules(path: Path) -> list[list[dict]]:
    """Each ruled page's edges, merged as the reader merges them before finding cells."""
    doc = pdfium.PdfDocument(path)
    out = []
    try:
        for page in doc:
            edges = page_edges(page, View.of(page), 50_000)
            if edges:
                edges = plumber_table.merge_edges(filter_edges(edges, min_length=1), *[TOLERANCE] * 4)
                out.append(close_open_ends(filter_edges(edges, min_length=TOLERANCE))[0])
    finally:
        doc.close()
    return out


@pytest.mark.parametrize("path", [PROCURATORATE, PUTUO], ids=lambda p: p.name[:20])
def test_cells_and_tables_are_pdfplumbers_on_every_ruled_page(path):
    pages = merged_rules(path)
    assert len(pages) > 5
    found = 0
    for edges in pages:
        points = plumber_table.edges_to_intersections(edges, TOLERANCE, TOLERANCE)
        crossings = Crossings(edges, TOLERANCE, TOLERANCE)
        assert set(crossings.vertical) == set(points)
        cells = crossings.cells()
        assert cells == plumber_table.intersections_to_cells(points)
        assert tables(cells) == plumber_table.cells_to_tables(cells)
        for table in tables(cells):
            theirs = plumber_table.Table(None, table)  # type: ignore[arg-type]
            assert frame(table) == theirs.bbox
            assert rows(table) == [tuple(row.cells) for row in theirs.rows]
        found += len(cells)
    assert found > 500


def rule(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    return {"orientation": orientation, "x0": x0, "top": top, "x1": x1, "bottom": bottom}


def grid(xs: list[float], ys: list[float]) -> list[dict]:
    return ([rule("h", xs[0], y, xs[-1], y) for y in ys] + [rule("v", x, ys[0], x, ys[-1]) for x in xs])


def test_a_two_by_two_grid_is_four_cells_in_one_table():
    cells = Crossings(grid([0, 50, 100], [0, 20, 40]), 3, 3).cells()
    assert cells == [(0, 0, 50, 20), (0, 20, 50, 40), (50, 0, 100, 20), (50, 20, 100, 40)]
    assert tables(cells) == [cells]
    assert frame(cells) == (0, 0, 100, 40)
    assert rows(cells) == [((0, 0, 50, 20), (50, 0, 100, 20)), ((0, 20, 50, 40), (50, 20, 100, 40))]


def test_a_cell_spanning_two_columns_leaves_the_second_place_of_its_row_empty():
    # a title row across the table over a row of two cells
    cells = Crossings(grid([0, 100], [0, 20]) + grid([0, 50, 100], [20, 40]), 3, 3).cells()
    assert rows(cells) == [((0, 0, 100, 20), None), ((0, 20, 50, 40), (50, 20, 100, 40))]


def test_a_rule_that_stops_short_of_the_next_crossing_makes_no_cell_there():
    # the middle vertical rule covers only the upper row: the lower row is one cell across
    edges = [e for e in grid([0, 100], [0, 20, 40])] + [rule("v", 50, 0, 50, 20)]
    assert Crossings(edges, 3, 3).cells() == [(0, 0, 50, 20), (0, 20, 100, 40), (50, 0, 100, 20)]


def test_two_grids_apart_are_two_tables_top_first_and_a_lone_cell_is_none():
    lower, upper, lone = grid([0, 50, 100], [200, 220, 240]), grid([0, 50, 100], [0, 20]), grid([300, 350], [0, 20])
    found = tables(Crossings(lower + upper + lone, 3, 3).cells())
    assert [t[0] for t in found] == [(0, 0, 50, 20), (0, 200, 50, 220)]


def page_rules(path: Path) -> list[list[dict]]:
    doc = pdfium.PdfDocument(path)
    try:
        return [e for e in (page_edges(page, View.of(page), 50_000) for page in doc) if e]
    finally:
        doc.close()


@pytest.mark.parametrize("path", [PROCURATORATE, PUTUO], ids=lambda p: p.name[:20])
def test_merged_rules_are_pdfplumbers_on_every_ruled_page(path):
    pages = page_rules(path)
    assert len(pages) > 5
    for edges in pages:
        for length in (1, TOLERANCE):
            assert long_enough(edges, length) == filter_edges(edges, min_length=length)
        theirs = plumber_table.merge_edges(filter_edges(edges, min_length=1), *[TOLERANCE] * 4)
        ours = merge_rules(long_enough(edges, 1), TOLERANCE)
        assert ours == theirs
        assert [list(e) for e in ours] == [list(e) for e in theirs]  # same keys in the same order


def drawn(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict:
    """A rule as the reader gives it (pdf_pdfium.page_edges)."""
    return {**rule(orientation, x0, top, x1, bottom), "doctop": top, "width": x1 - x0, "height": bottom - top,
            "object_type": "line"}


def test_rules_within_the_tolerance_snap_to_their_mean_and_touching_ones_join():
    # two halves of one row rule drawn 1 pt apart in height and 2 pt apart in length
    edges = [drawn("h", 0, 100, 50, 100), drawn("h", 52, 101, 100, 101), drawn("v", 0, 90, 0, 110)]
    merged = merge_rules(edges, TOLERANCE)
    assert merged == plumber_table.merge_edges(edges, *[TOLERANCE] * 4)
    assert [(e["orientation"], e["x0"], e["top"], e["x1"]) for e in merged] == [("h", 0, 100.5, 100), ("v", 0, 90, 0)]


def test_a_chain_of_close_rules_is_one_cluster_and_a_gap_starts_another():
    # 100, 102, 104 chain within 3 pt of each other (one cluster, though 100 and 104 are 4 apart); 110 stands apart
    edges = [drawn("h", 0, y, 50, y) for y in (100, 102, 104, 110)]
    merged = merge_rules(edges, TOLERANCE)
    assert merged == plumber_table.merge_edges(edges, *[TOLERANCE] * 4)
    assert [e["top"] for e in merged] == [102, 110]


def test_a_short_rule_is_left_out_as_pdfplumber_leaves_it():
    edges = [drawn("h", 0, 0, 0.5, 0), drawn("v", 0, 0, 0, 2), drawn("h", 0, 10, 30, 10)]
    assert long_enough(edges, 1) == filter_edges(edges, min_length=1) == edges[1:]
    assert long_enough(edges, TOLERANCE) == filter_edges(edges, min_length=TOLERANCE) == edges[2:]

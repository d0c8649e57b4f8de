"""Table cells found from the page's rules (sources/pdf_cells.py, issue 20) are pdfplumber's cells.

The indexed search replaces pdfplumber's scan of every pair of rule crossings; the reading must not
move, so on every ruled page of two real disclosures (the Jiangsu procuratorate file, the densest
ruled pages of the corpus, and a Putuo budget from samples/) the crossings, cells and tables are
compared with pdfplumber's own functions run on the same rules. Small inline cases show the rules
that decide a cell.
"""
from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pdfplumber import table as plumber_table
from pdfplumber.utils import filter_edges

from yusuan.sources.pdf_cells import Crossings, tables
from yusuan.sources.pdf_open_ends import close_open_ends
from yusuan.sources.pdf_page import TOLERANCE
from yusuan.sources.pdf_pdfium import View, page_edges

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


def test_a_rule_that_stops_short_of_the_next_crossing_makes_no_cell_there():
    # the middle vertical rule covers only the upper row: the lower row is one cell across
    edges = [e for e in grid([0, 100], [0, 20, 40])] + [rule("v", 50, 0, 50, 20)]
    assert Crossings(edges, 3, 3).cells() == [(0, 0, 50, 20), (0, 20, 100, 40), (50, 0, 100, 20)]


def test_two_grids_apart_are_two_tables_top_first_and_a_lone_cell_is_none():
    lower, upper, lone = grid([0, 50, 100], [200, 220, 240]), grid([0, 50, 100], [0, 20]), grid([300, 350], [0, 20])
    found = tables(Crossings(lower + upper + lone, 3, 3).cells())
    assert [t[0] for t in found] == [(0, 0, 50, 20), (0, 200, 50, 220)]

"""Text drawn several times over itself is read once (西安 2022 商务局 draws each table title three times)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from yusuan.sources.pdf_overprint import without_overprints
from yusuan.sources.pdf_pdfium import Char

CITIES = Path(os.environ.get("YUSUAN_CORPUS", "/work/shared/corpus")) / "cities"


def chars(text: str, x: float, top: float = 100.0, width: float = 10.0) -> list[Char]:
    return [Char(c, x + i * width, x + (i + 1) * width, top, top + 12) for i, c in enumerate(text)]


def test_a_title_drawn_three_times_in_place_is_one_title():
    drawn = chars("2022年收支总表", 300) * 3
    assert "".join(c.text for c in without_overprints(drawn)) == "2022年收支总表"


def test_the_same_character_printed_again_elsewhere_is_kept():
    # “2022” has two 2s side by side; “合计 | 合计” in two columns; a second line under the first
    line = chars("2022", 10) + chars("合计", 200) + chars("合计", 300) + chars("合计", 200, top=130)
    assert "".join(c.text for c in without_overprints(line)) == "2022合计合计合计"


def test_a_repeat_a_fraction_of_a_point_off_is_still_the_same_drawing():
    first, again = chars("收", 100), chars("收", 100.6, top=100.4)
    assert len(without_overprints(first + again)) == 1


@pytest.mark.skipif(not (CITIES / "sn-xa-f76ac8df.pdf").exists(), reason="shared corpus not present")
def test_xian_commerce_2022_reads_its_tables_by_their_titles():
    from yusuan.ingest import read_disclosure

    d = read_disclosure(CITIES / "sn-xa-f76ac8df.pdf")
    titles = {t.provenance.page: t.title for t in d.tables}
    assert titles[36] == "2022年部门综合预算收支总表"  # was "222000222222年年年部部部门门门…"
    assert titles[40] == "2022年部门综合预算财政拨款收支总表"
    assert len(d.tables) == 13

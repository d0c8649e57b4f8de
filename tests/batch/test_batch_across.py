"""The batch over the five Jiangsu departments of 2017 and 2018 finds the partners by itself (the
party office across its renaming), runs the cross-document rules into findings.csv, and exports the
researchers' long table (series.csv/.parquet) described in datapackage.json."""
from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pytest

JIANGSU = Path(__file__).resolve().parents[2] / "samples" / "jiangsu"


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def jiangsu_batch(tmp_path_factory):
    from yusuan.batch.run import BatchOptions, run_batch

    out = tmp_path_factory.mktemp("jiangsu-batch")
    return run_batch([JIANGSU], BatchOptions(out=out, workers=2)), out


def test_pairs_follow_one_organisation_across_its_renaming(jiangsu_batch):
    _, out = jiangsu_batch
    years = {(r["a_organisation"], r["b_organisation"]) for r in read_csv(out / "pairs.csv") if r["kind"] == "years"}
    assert ("中国共产党江苏省委员会办公厅", "中共江苏省委办公厅") in years  # the tables files, 2017 → 2018
    assert len({b for _, b in years}) == 6  # five departments (two print the party office's name two ways)
    assert all(a.replace("中国共产党", "中共").replace("委员会", "委").removeprefix("中共") ==
               b.removeprefix("中共") for a, b in years)  # never two organisations


def test_cross_document_findings_join_the_findings_file(jiangsu_batch):
    """省人民检察院 2018: 21,940.96 − 3,958.98 = 17,981.98 万元 against 17,981.68 printed in 2017."""
    _, out = jiangsu_batch
    rows = [r for r in read_csv(out / "findings.csv") if r["rule"] == "across.last_year_claims" and r["severity"] != "info"]
    assert [(r["organisation"], r["year"], r["expected"], r["actual"]) for r in rows] == [
        ("江苏省人民检察院", "2018", "17981.68", "17981.98")]
    assert rows[0]["document"].startswith("js-procuratorate-2018")


def test_the_long_table_holds_each_organisations_figures_over_the_years(jiangsu_batch):
    _, out = jiangsu_batch
    rows = read_csv(out / "series.csv")
    party = [r for r in rows if r["organisation_id"] == "江苏省委办公厅"]
    assert {r["organisation"] for r in party} == {"中国共产党江苏省委员会办公厅", "中共江苏省委办公厅"}
    totals = {r["year"]: Decimal(r["amount"]) for r in party
              if r["table_kind"] == "general_budget_expenditure" and r["row_key"] == "合计" and r["column_key"] == "total"}
    assert totals == {"2017": Decimal("20702.25"), "2018": Decimal("24458.43")}  # 24,458.43 − 20,702.25 = 3,756.18
    key = ("organisation_id", "year", "stage", "level", "table_kind", "row_key", "column_key", "document")
    assert len({tuple(r[k] for k in key) for r in rows}) == len(rows)  # the declared primary key holds
    assert all(r["unit"] in ("元", "万元") and r["amount"] for r in rows)


def test_series_parquet_and_datapackage_describe_the_same_columns(jiangsu_batch):
    import pyarrow.parquet as pq

    from yusuan.batch.columns import SERIES

    _, out = jiangsu_batch
    table = pq.read_table(out / "series.parquet")
    assert table.column_names == [c.name for c in SERIES]
    assert str(table.schema.field("amount").type) == "string"  # exact decimal text, never float
    assert table.num_rows == len(read_csv(out / "series.csv"))
    package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    series = next(r for r in package["resources"] if r["name"] == "series")
    assert [f["name"] for f in series["schema"]["fields"]] == [c.name for c in SERIES]
    assert all(f.get("title") for f in series["schema"]["fields"])
    assert any(r["name"] == "series-parquet" for r in package["resources"])

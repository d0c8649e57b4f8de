"""The disclosure JSON: exact, complete, validated by the published schema, loaded back unchanged."""
import json
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest

from yusuan.model import (
    Amount, Column, Disclosure, DocumentMeta, Funding, Level, MoneyUnit, PerformanceTarget,
    Provenance, Row, RowRole, SourceInfo, Stage, Table, TableKind, Value,
)
from yusuan.serialize import dumps, loads, to_data
from yusuan.serialize.schema import disclosure_schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "docs" / "disclosure.schema.json"
WAN = MoneyUnit.WAN_YUAN


def small_disclosure() -> Disclosure:
    p = Provenance(file="a.txt", line=10, table="t01", row=0, column="total")
    row = Row(
        index=0, role=RowRole.TOTAL, label="合计", code=None,
        values=(Value("total", "4411. 49", Amount(Decimal("4411.49"), WAN, 2), p),), provenance=p, lines=(10,),
    )
    table = Table(
        id="t01", kind=TableKind.EXPENDITURE_SUMMARY, title="2025年预算支出总表", unit=WAN,
        columns=(Column("total", "合计"),), rows=(row,), provenance=p.at(row=None, column=None),
        caption="预算公开表3", notes=("注：本表无数据",),
    )
    target = PerformanceTarget(
        id="pt01", title="项目支出绩效目标表", project_name="遗属补助",
        funding_period=Funding(total=Amount(Decimal("19240"), MoneyUnit.YUAN, 0)),
        funding_year=Funding(), provenance=p,
    )
    return Disclosure(
        meta=DocumentMeta("2025年度部门预算公开", "阳泉市民政局", Level.DEPARTMENT, Stage.BUDGET, 2025, "shanxi-13"),
        source=SourceInfo(file="a.txt", format="txt", sha256="0" * 64, size=1),
        tables=(table,), targets=(target,),
    )


def test_round_trip_of_a_small_disclosure_is_exact():
    d = small_disclosure()
    assert loads(dumps(d)) == d
    back = loads(dumps(d)).tables[0].rows[0].values[0].amount
    assert back.value == Decimal("4411.49") and isinstance(back.value, Decimal) and back.places == 2


def test_money_is_text_in_json_never_a_float():
    data = json.loads(dumps(small_disclosure()))
    amount = data["disclosure"]["tables"][0]["rows"][0]["values"][0]["amount"]
    assert amount == {"value": "4411.49", "unit": "万元", "places": 2}


def test_decimal_never_in_exponent_form():
    assert to_data(Decimal("1E+1")) == "10"


def test_published_schema_is_current():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == disclosure_schema(), (
        "docs/disclosure.schema.json is stale: python -m yusuan.serialize.schema > docs/disclosure.schema.json"
    )


def test_small_disclosure_validates():
    jsonschema.validate(json.loads(dumps(small_disclosure())), disclosure_schema())


def test_schema_rejects_a_float_amount():
    data = json.loads(dumps(small_disclosure()))
    data["disclosure"]["tables"][0]["rows"][0]["values"][0]["amount"]["value"] = 4411.49
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, disclosure_schema())


def test_reference_round_trip_and_schema(reference):
    text = dumps(reference)
    assert loads(text) == reference
    jsonschema.validate(json.loads(text), disclosure_schema())


def test_reference_tables_convert_to_dataframes(reference):
    df = reference.tables[1].to_dataframe()
    assert len(df) == len(reference.tables[1].rows)
    amounts = [v for v in df["total"] if v is not None]
    assert amounts and all(isinstance(v, Decimal) for v in amounts)


def test_written_json_has_ordinary_file_permissions(tmp_path):
    import os
    import stat

    from yusuan.ingest import write_disclosure

    old = os.umask(0o022)
    try:
        out = tmp_path / "d.json"
        write_disclosure(small_disclosure(), out)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644

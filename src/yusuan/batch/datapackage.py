"""``datapackage.json``: a Frictionless Data Package (Fiscal Data Package profile) describing the
batch's files, written by hand as JSON — no library needed to write a descriptor.

The measure is `yuan_fen` (exact integer 分, factor 0.01 to 元); `amount` keeps the printed text in
its printed unit. Dimensions follow the Fiscal Data Package model: the publishing entity, the
fiscal year, the classification code, the direction (table and column) and the publication.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..files import write_text_atomic
from .columns import AMOUNTS, DOCUMENTS, FINDINGS, PAIRS, SERIES, Col
from .writers import CSV_ENCODING

RESOURCES = (
    ("documents", DOCUMENTS, "读取和检查的文件", ["sha256"]),
    ("amounts", AMOUNTS, "全部表格金额（精确小数）", None),
    ("series", SERIES, "各部门（单位）历年数字（长表：单位、年度、阶段、表、行、列）",
     ["organisation_id", "year", "stage", "level", "table_kind", "row_key", "column_key", "document"]),
    ("findings", FINDINGS, "审核发现（含跨文件核对）", None),
    ("pairs", PAIRS, "配对：同一部门（单位）相邻年度；部门与所属单位；同年预算与决算", None),
)

MODEL = {
    "measures": {"amount": {"source": "yuan_fen", "currency": "CNY", "factor": 0.01,
                            "title": "金额（元）", "description": "exact integer 分 × 0.01; see column `amount` for the printed text"}},
    "dimensions": {
        "entity": {"dimensionType": "entity", "primaryKey": ["organisation"],
                   "attributes": {"organisation": {"source": "organisation", "title": "部门（单位）名称"}}},
        "date": {"dimensionType": "datetime", "primaryKey": ["year"],
                 "attributes": {"year": {"source": "year", "title": "年度"}}},
        "classification": {"dimensionType": "classification", "primaryKey": ["code"],
                           "attributes": {"code": {"source": "code", "title": "科目编码"},
                                          "label": {"source": "label", "labelfor": "code", "title": "项目名称"}}},
        "table": {"dimensionType": "other", "primaryKey": ["table_kind", "column_key"],
                  "attributes": {"table_kind": {"source": "table_kind"}, "column_key": {"source": "column_key"},
                                 "column_label": {"source": "column_label", "labelfor": "column_key"}}},
        "document": {"dimensionType": "other", "primaryKey": ["sha256"],
                     "attributes": {"sha256": {"source": "sha256"}, "document": {"source": "document"},
                                    "level": {"source": "level"}, "stage": {"source": "stage"}}},
    },
}


def _field(c: Col) -> dict:
    f: dict[str, object] = {"name": c.name, "type": c.type, "title": c.title}
    if c.doc:
        f["description"] = c.doc
    if c.type == "number":
        f["bareNumber"] = True  # exact decimal text: parse as Decimal, never as float
    return f


def _resource(name: str, cols: tuple[Col, ...], title: str, key, parquet: bool) -> list[dict]:
    schema = {"fields": [_field(c) for c in cols], "missingValues": [""]}
    if key:
        schema["primaryKey"] = key
    csv = {"name": name, "title": title, "path": f"{name}.csv", "profile": "tabular-data-resource",
           "format": "csv", "mediatype": "text/csv", "encoding": CSV_ENCODING, "schema": schema}
    if name == "amounts":
        csv["model"] = MODEL
    out = [csv]
    if parquet and name != "pairs":
        out.append({"name": f"{name}-parquet", "title": title, "path": f"{name}.parquet", "format": "parquet",
                    "mediatype": "application/vnd.apache.parquet", "schema": schema})
    return out


def descriptor(parquet: bool = True) -> dict:
    return {
        "profile": "fiscal-data-package",
        "name": "yusuan-batch",
        "title": "部门预算公开：批量读取与检查结果",
        "description": "Every printed amount and every audit finding of a corpus of budget disclosures, read "
                       "and checked by yusuan. Amounts are exact decimal text in their printed unit.",
        "countryCode": "CN",
        "resources": [r for name, cols, title, key in RESOURCES for r in _resource(name, cols, title, key, parquet)],
        "model": MODEL,
    }


def write_datapackage(out: Path, parquet: bool = True) -> Path:
    text = json.dumps(descriptor(parquet), ensure_ascii=False, indent=2) + "\n"
    return write_text_atomic(out / "datapackage.json", text)

"""The columns of every exported file, declared once: the CSV header, the Parquet schema and the
datapackage.json fields all come from here. Amounts are exact decimal text, never float."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Col:
    """name: the column's name; type: a Table Schema type (string, integer, boolean, number —
    "number" columns hold exact decimal text); title: Chinese, for people; doc: English, for developers."""

    name: str
    type: str
    title: str
    doc: str = ""


DOCUMENT = (
    Col("document", "string", "文件", "path relative to the batch's common folder"),
    Col("sha256", "string", "文件指纹", "SHA-256 of the file's bytes"),
    Col("organisation", "string", "部门（单位）名称"),
    Col("year", "integer", "年度"),
    Col("level", "string", "层级", "department | unit"),
    Col("stage", "string", "阶段", "budget | final_accounts"),
)

DOCUMENTS = DOCUMENT + (
    Col("size", "integer", "文件大小（字节）"),
    Col("status", "string", "状态", "audited | unreadable | failed"),
    Col("exit_code", "integer", "退出码", "what `yusuan audit` exits with for this file: 0, 1, 2 or 70"),
    Col("error_code", "string", "错误编号"),
    Col("message", "string", "错误信息"),
    Col("template", "string", "模板"),
    Col("incomplete", "boolean", "不完整", "parts the document announces were not found (exit 3 of ingest)"),
    Col("errors", "integer", "错误数"),
    Col("warnings", "integer", "警告数"),
    Col("infos", "integer", "提示数"),
)

# An amount exactly as printed, in its unit and in integer 分: the same three columns wherever figures are exported.
EXACT_AMOUNT = (
    Col("amount", "number", "金额", "exact decimal text in `unit`, as printed"),
    Col("unit", "string", "金额单位", "元 | 万元"),
    Col("yuan_fen", "integer", "金额（分）", "exact integer 分, empty when finer than 分"),
)


AMOUNTS = DOCUMENT + (
    Col("table_id", "string", "表编号"),
    Col("table_kind", "string", "表类型"),
    Col("table_title", "string", "表名"),
    Col("row_index", "integer", "行序号", "0-based row of the recognised table"),
    Col("code", "string", "科目编码"),
    Col("label", "string", "项目名称"),
    Col("column_key", "string", "列", "what the column means (region-neutral key)"),
    Col("column_label", "string", "列名", "the column's printed header"),
    *EXACT_AMOUNT,
    Col("page", "integer", "页码"),
    Col("line", "integer", "行号", "source line"),
)

FINDINGS = DOCUMENT + (
    Col("rule", "string", "规则编号"),
    Col("severity", "string", "严重程度", "error | warning | info"),
    Col("message", "string", "问题说明"),
    Col("fingerprint", "string", "问题指纹"),
    Col("accepted", "boolean", "已接受"),
    Col("table_id", "string", "表编号"),
    Col("table_title", "string", "表名"),
    Col("code", "string", "科目编码"),
    Col("row_label", "string", "项目名称"),
    Col("column_key", "string", "列"),
    Col("section", "string", "章节"),
    Col("target", "string", "绩效目标表"),
    Col("page", "integer", "页码"),
    Col("line", "integer", "行号"),
    Col("expected", "number", "应为", "exact decimal text"),
    Col("actual", "number", "实为", "exact decimal text"),
    Col("difference", "number", "差额", "exact decimal text"),
    Col("tolerance", "number", "容差", "exact decimal text"),
)

PAIRS = (
    Col("kind", "string", "配对类型", "years: the same organisation in consecutive years; department_unit: a 部门 and one of its 单位; "
                                     "budget_final: the 预算 and the 决算 of one year"),
    Col("a_document", "string", "文件甲"),
    Col("a_organisation", "string", "名称甲"),
    Col("a_year", "integer", "年度甲"),
    Col("a_level", "string", "层级甲"),
    Col("b_document", "string", "文件乙"),
    Col("b_organisation", "string", "名称乙"),
    Col("b_year", "integer", "年度乙"),
    Col("b_level", "string", "层级乙"),
    Col("match", "string", "名称匹配", "same (one organisation: its own body, or the same name across years or stages) | "
                                     "listed (named in the department's 机构设置 or the organisation list)"),
)

SERIES = (
    Col("organisation_id", "string", "单位标识", "one key for an organisation's printed names over the years "
                                              "(中共江苏省委办公厅 = 江苏省委办公厅): group or pivot by it"),
    Col("organisation", "string", "部门（单位）名称", "as this publication prints it"),
    Col("year", "integer", "年度"),
    Col("stage", "string", "阶段", "budget | final_accounts"),
    Col("level", "string", "层级", "department | unit"),
    Col("table_kind", "string", "表类型", "what the table is, whatever its printed title (region-neutral)"),
    Col("row_key", "string", "行", "the classification code, else the printed row name folded (full width, "
                                  "spacing and ordinals such as 一、 removed): the same row in every year"),
    Col("code", "string", "科目编码"),
    Col("label", "string", "项目名称", "as printed"),
    Col("column_key", "string", "列", "what the column means (region-neutral key)"),
    *EXACT_AMOUNT,
    Col("document", "string", "文件", "the publication it was printed in (amounts.csv holds its every cell)"),
)

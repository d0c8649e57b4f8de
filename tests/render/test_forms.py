"""The printed 项目支出绩效目标表 grid: funding rows under other labels, and the 填报日期 footer."""
from __future__ import annotations

from decimal import Decimal

from yusuan.model import Amount, Funding, FundingLine, MoneyUnit, PerformanceTarget, Provenance
from yusuan.render.forms import form


def _yuan(text: str) -> Amount:
    return Amount(Decimal(text), MoneyUnit.YUAN, len(text.partition(".")[2]))


def _target(period: Funding, year: Funding, filled_on: str = "") -> PerformanceTarget:
    return PerformanceTarget("pt01", "项目支出绩效目标表", "社会福利院挡墙加固", period, year,
                             Provenance("t.txt", line=1), filled_on=filled_on)


def _rows(f) -> list[tuple[str, ...]]:
    """Printed funding rows: the texts of columns 3 … 6 of each row the 项目资金 label spans."""
    label = next(c for c in f.cells if c.text.startswith("项目资金"))
    rows = range(label.row, label.row + label.rowspan)
    return [tuple(c.text for c in f.cells if c.row == r and c.col >= 3) for r in rows]


def test_lines_only_form_prints_each_label_once_between_its_two_amounts():
    lines = (FundingLine("财政拨款", _yuan("201943.3")), FundingLine("债券(债务)", _yuan("0")))
    f = form(_target(Funding(lines=lines), Funding(lines=lines)))
    assert _rows(f) == [("", "201943.3", "财政拨款", "201943.3"), ("", "0", "债券(债务)", "0")]
    assert "项目资金（元）" in [c.text for c in f.cells]


def test_standard_rows_stay_and_a_line_of_one_column_prints_its_own_label():
    period = Funding(total=_yuan("500"), lines=(FundingLine("财政拨款", _yuan("500")),))
    f = form(_target(period, Funding(total=_yuan("500"))))
    rows = _rows(f)
    assert rows[0] == ("实施期资金总额：", "500", "年度资金总额：", "500")
    assert len(rows) == 7 and rows[-1] == ("财政拨款", "500", "", "")


def test_footer_prints_the_filling_date_and_is_left_out_without_one():
    dated = form(_target(Funding(), Funding(), filled_on="20250115173308"))
    assert dated.footer == ("负责人：", "经办人：", "联系电话：", "填报日期：20250115173308")
    assert form(_target(Funding(), Funding())).footer == ()

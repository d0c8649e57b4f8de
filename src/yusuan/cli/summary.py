"""A short Chinese summary of a read disclosure, for the terminal."""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..model import Disclosure
from ..templates import template_zh

if TYPE_CHECKING:
    from rich.console import Console

    from .console import LazyConsole

LEVEL_ZH = {"department": "部门", "unit": "单位"}
STAGE_ZH = {"budget": "预算", "final_accounts": "决算"}


def print_summary(d: Disclosure, console: Console | LazyConsole) -> None:
    from rich import box
    from rich.table import Table as RichTable

    m = d.meta
    console.print(
        f"[bold]{m.organisation or '（未识别单位名称）'}[/] {m.year or ''}年 "
        f"{LEVEL_ZH.get(m.level.value, '')}{STAGE_ZH.get(m.stage.value, '')}  模板：{template_zh(m.template)}  "
        f"来源：{d.source.file}（{d.source.format}）"
    )
    t = RichTable(title="表格", show_lines=False, box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("编号", "类型", "标题", "单位", "行数"):  # type and title fold in an 80-column terminal, never cut
        t.add_column(col, overflow="fold", no_wrap=col not in ("类型", "标题"))
    for tb in d.tables:
        t.add_row(tb.id, tb.kind.title_zh, tb.title, tb.unit.value, str(len(tb.rows)))
    console.print(t)
    counts = Counter(i.severity for i in d.issues)
    console.print(
        f"章节 {len(d.sections)} 个，绩效目标表 {len(d.targets)} 张，"
        f"读取提示 {len(d.issues)} 条（警告 {counts.get('warning', 0)}，信息 {counts.get('info', 0)}）"
    )

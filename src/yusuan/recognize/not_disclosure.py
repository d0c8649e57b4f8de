"""Files that read like tables but are no disclosure: a reviewer's 公开情况检查表 (the bureau's own
checklist workbook) is one sheet of checks with verdicts. Read as a disclosure it became a
"（未识别）" document with seven missing tables; it is refused instead, with what it is."""
from __future__ import annotations

import re

from ..model import PerformanceTarget, Table, TableKind

# the checklist's title and its header row ("…公开检查内容 | 符合要求 | 问题截图")
_CHECKLIST_TITLE = re.compile(r"公开(?:情况)?检查表|公开检查内容")
_CHECKLIST_HEADER = ("符合要求", "问题截图")


def is_checklist(tables: tuple[Table, ...], targets: tuple[PerformanceTarget, ...], lines: list[str]) -> bool:
    """True for a reviewer's checklist: no table a disclosure prints, no performance targets, and a
    checklist's title or header."""
    if targets or any(t.kind is not TableKind.GENERIC for t in tables):
        return False
    titles = [t.title for t in tables] + lines[:5]
    header = any(all(word in line for word in _CHECKLIST_HEADER) for line in lines[:30])
    return header or any(_CHECKLIST_TITLE.search(t) for t in titles)


CHECKLIST_REFUSED = ("该文件是预算公开情况检查表（审核人员填写的检查表格），不是部门（单位）预算或决算公开文件，未予读取。"
                     "请上传部门公开的预算或决算文件（PDF、Word、Excel 或文本）。")

"""One region to one table: header, unit, draft rows, then (with the document's hints) the Table."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...model import Column, ColumnKind, IngestIssue, MoneyUnit, Row, Table, TableKind, Value
from ...text.folding import fold, squash
from ..claims import Context
from ..numbers import is_amount_text
from .generic import GENERIC_SET, by_meaning
from .not_budget import not_budget
from .panes import repeated_panes, unfold_panes, unfold_repeated
from .headers import GridColumn, Layout, read_header
from .regions import Region
from .roles import Hints, assign_roles
from .placement import join_page_split_rows
from .rows import DraftRow, RowReader, header_keys, is_repeated_header
from .profiles.national import NATIONAL
from .templates import CODE_PARTS, LABEL, template_for_title


@dataclass(frozen=True)
class TableDraft:
    region: Region
    kind: TableKind
    unit: MoneyUnit
    layout: Layout
    rows: tuple[DraftRow, ...]
    issues: tuple[IngestIssue, ...]
    not_budget: str = ""  # why a generic table is no budget table (not_budget.py)


MISREAD_SHARE = 20  # a column of figures may hold one misread figure in this many (reported as not a number)
_FIGURE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{4,}")


def _generic_layout(layout: Layout, data: tuple, unit_known: bool) -> Layout:
    """A table without template: the first column names the row, the others are kept by position
    (amounts where the unit is known and the cells read as numbers, else text). Judged without the
    header printed again on later pages, and allowing a rare figure misread with words run into it
    (``支 2947399.16``): one bad cell on one page does not make a long table's figures text."""
    header = header_keys(layout)
    data = tuple(ln for ln in data if not is_repeated_header(ln, header))
    columns = []
    for c in layout.columns:
        if c.index == 0:
            columns.append(replace(c, key=LABEL))
            continue
        cells = [ln.cells[c.index].strip() for ln in data if c.index < len(ln.cells) and ln.cells[c.index].strip()]
        odd = [t for t in cells if not is_amount_text(t)]
        numeric = (unit_known and bool(cells) and len(odd) <= len(cells) // MISREAD_SHARE
                   and all(_FIGURE.search(t) for t in odd))
        columns.append(replace(c, key=f"col{c.index + 1}", kind=ColumnKind.AMOUNT if numeric else ColumnKind.TEXT))
    return Layout(tuple(columns), layout.header)


def fits(layout: Layout) -> bool:
    """A template fits when most printed headers have a meaning in it (a title can mislead)."""
    printed = [c for c in layout.columns if c.label]
    return sum(bool(c.key) for c in printed) * 2 > len(printed)


def fits_national(layout: Layout) -> bool:
    """A national kind named by its title keeps it when the header gives at least one amount column a
    meaning: columns it cannot name are kept as ``colN`` and reported, never dropped."""
    return any(c.key and c.key not in (*CODE_PARTS, LABEL) and c.kind is ColumnKind.AMOUNT for c in layout.columns)


def _fits(region: Region, layout: Layout) -> bool:
    return fits(layout)


def _national_reading(region: Region) -> tuple[Region, Layout, int] | None:
    """The region read with the national template its title names, if that template fits its header."""
    found = template_for_title(fold(region.title_text), (NATIONAL,))
    if found is None or region.template_set is NATIONAL:
        return None
    layout, first = read_header(region.grid, found[1])
    return (replace(region, template_set=found[0], template=found[1]), layout, first) if fits_national(layout) else None


def _name_unmatched(layout: Layout, region: Region, ctx: Context) -> tuple[Layout, list[IngestIssue]]:
    """A printed header the template does not know keeps its cells under ``colN`` and is reported."""
    issues, columns = [], []
    for c in layout.columns:
        if not c.key and c.label:
            issues.append(ctx.issue(
                "ingest.column_unmatched", f"表格“{region.title_text}”的列“{c.label}”不符合模板，按第{c.index + 1}列保留。",
                region.title,
            ))
            c = replace(c, key=f"col{c.index + 1}")
        columns.append(c)
    return Layout(tuple(columns), layout.header), issues


def draft_table(region: Region, ctx: Context) -> TableDraft:
    template, issues = region.template, []
    title = region.title_text
    panes = repeated_panes(region.grid) if template and not template.two_sided else (1, -1)
    if panes[0] > 1:  # the header says how many panes, whatever the template expects
        region = replace(region, grid=unfold_repeated(region.grid, *panes))
    elif template and template.panes > 1:
        region = replace(region, grid=unfold_panes(region.grid, template.panes))
    layout, first = read_header(region.grid, template)
    if template and not _fits(region, layout) and (reread := _national_reading(region)) is not None:
        region, layout, first = reread  # a regional title in another region's layout: the national reading
        template = region.template
    if template and not _fits(region, layout):
        issues.append(ctx.issue(
            "ingest.table_header_misfit",
            f"表格“{title}”的标题像“{template.kind.title_zh}”，但表头不符，已按通用表格保留。", region.title,
        ))
        region = replace(region, template=None)
        template = None
        layout, first = read_header(region.grid, None)
    if template is None and (meant := by_meaning(region.grid)):
        template, layout, first = meant
        region = replace(region, template=template, template_set=GENERIC_SET)
        issues = [ctx.issue(
            "ingest.table_by_header", f"表格“{title}”的标题不符合任何模板，按表头识别为《{template.kind.title_zh}》，请核对。",
            region.title, severity="info",
        )]
    data = region.grid[first:]
    unit = region.unit
    aside = not_budget(title, region.grid, layout.header) if template is None else ""
    if aside:
        issues = [ctx.issue("ingest.table_not_budget", f"表格“{title}”是{aside}，不是预算表，按原样保留，不作核对。",
                            region.title, severity="info")]
    elif template is None:
        issues = issues or [ctx.issue("ingest.table_generic", f"表格“{title}”不符合任何已知模板，已按通用表格保留。", region.title)]
    if template is None:
        layout = _generic_layout(layout, data, unit is not None)
    else:
        layout, unmatched = _name_unmatched(layout, region, ctx)
        issues += unmatched
        if unit is None:
            unit = template.default_unit or (region.template_set.default_unit if region.template_set else MoneyUnit.YUAN)
            issues.append(ctx.issue(
                "ingest.table_unit_missing", f"表格“{title}”未注明金额单位，按“{unit.value}”读取，请核对。", region.title,
            ))
    reader = RowReader(layout, unit, bool(template and template.two_sided), ctx)
    known = frozenset((*template.totals, *template.subtotals)) if template else frozenset()
    rows = reader.read(join_page_split_rows(data, layout, known))
    return TableDraft(
        region=region, kind=template.kind if template else TableKind.GENERIC,
        unit=unit or MoneyUnit.YUAN, layout=layout, rows=tuple(rows), issues=(*issues, *reader.issues),
        not_budget=aside,
    )


def _column(c: GridColumn) -> Column:
    return Column(key=c.key, label=c.label, kind=c.kind, side=c.side)


def finish(draft: TableDraft, table_id: str, hints: Hints, ctx: Context) -> Table:
    region = draft.region
    roles = assign_roles(region.template, draft.rows, hints)
    rows = []
    for i, (d, role) in enumerate(zip(draft.rows, roles)):
        at = ctx.at(d.line, table=table_id, row=i)
        values = tuple(Value(v.column, v.text, v.amount, at.at(column=v.column, bbox=v.bbox)) for v in d.values)
        rows.append(Row(i, role, d.label, d.code, values, at, side=d.side, lines=(d.line.line,)))
    return Table(
        id=table_id, kind=draft.kind, title=region.title_text, unit=draft.unit,
        columns=tuple(_column(c) for c in draft.layout.columns if c.key not in ("", *CODE_PARTS, LABEL)),
        rows=tuple(rows), provenance=ctx.at(region.title, table=table_id),
        caption=squash(region.caption.filled[0]) if region.caption else None, entity=region.entity,
        notes=tuple(" ".join(n.filled) for n in region.notes),
        profile=region.template_set.name if region.template_set and region.template else "",
        not_budget=draft.not_budget,
    )

"""Forms read into PerformanceTargets, with a debug view of where each line went.

`read_forms` is the debug entry point (as pdfplumber's debug_tablefinder): for each form it
returns the target, its issues and the part of the form that took each non-blank line
(``head``, ``funding``, ``indicator``, … or ``unplaced``).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ...model import Funding, IngestIssue, PerformanceTarget
from ...sources.raw import RawLine
from ..claims import Context, Lines
from . import head as hd
from .form import FormReader
from .funding import read_funding
from .regions import Region, find_regions
from .vocabulary import PROJECT_TITLE, TITLE, fold


@dataclass(frozen=True)
class FormReading:
    """One form: the target, what was reported, and line → part for every non-blank line."""

    region: Region
    target: PerformanceTarget
    issues: tuple[IngestIssue, ...]
    placements: tuple[tuple[int, str], ...]


def read_forms(lines: Lines, ctx: Context) -> tuple[FormReading, ...]:
    """Every form of the lines, read in order; ids ``pt01`` …"""
    return tuple(read_region(region, f"pt{n:02d}", ctx) for n, region in enumerate(find_regions(lines), start=1))


def read_region(region: Region, target_id: str, ctx: Context) -> FormReading:
    reader = FormReader(ctx, target_id, furniture=region.furniture)
    for line in region.lines[region.title_lines:]:
        reader.feed(line)
    reader.finish()
    if not reader.head.values.get("name") and (name := titled_name(region.title.filled[0])):
        reader.head.values["name"] = name
        reader.head.issues.append(ctx.issue(
            "ingest.target_inferred_label", f"项目名称未印出，取自表题：{name}。", region.title, "info"))
    target, funding_issues = _target(reader, region)
    issues = (*reader.head.issues, *reader.issues, *funding_issues, *reader.grid.issues, *_missing(target, region.title, ctx))
    placements = (*((ln.line, "title") for ln in region.lines[:region.title_lines]), *sorted(reader.placements.items()))
    return FormReading(region, target, issues, placements)


def _target(reader: FormReader, region: Region) -> tuple[PerformanceTarget, list[IngestIssue]]:
    title, values, goals = region.title, reader.head.values, reader.goals
    period_funding, year_funding, funding_issues = read_funding(reader.funding_lines, reader.ctx, reader.unit)
    code, department = hd.split_department(values.get("department", ""))
    target = PerformanceTarget(
        id=reader.target_id, title=title.filled[0], project_name=values.get("name", ""),
        funding_period=period_funding, funding_year=year_funding,
        provenance=reader.ctx.at(title, table=reader.target_id), year_label=reader.year_label,
        competent_department=department, department_code=code,
        implementing_unit=values.get("unit", ""), attribute=values.get("attribute", ""),
        period=values.get("period", ""), texts=tuple(reader.texts),
        goal_period=goals.get("period", ""), goal_year=goals.get("year", ""),
        indicators=_scoped(reader.grid.indicators, period_funding, goals), end_line=region.lines[-1].line,
        filled_on=reader.filled_on or "", category=values.get("category", ""),
    )
    return target, funding_issues


def titled_name(title: str) -> str:
    """The project a form's title names (泉州 “301008_泉州市公安局台商投资区分局_科技兴警绩效目标表” → 科技兴警: code,
    unit and project joined by ``_``); "" for a title naming no project (…项目支出绩效目标表)."""
    text = title.strip()
    if TITLE.search(fold(text)) or not PROJECT_TITLE.search(fold(text)):
        return ""
    return text.removesuffix("绩效目标表").split("_")[-1].strip()


def _scoped(indicators, period_funding: Funding, goals: dict[str, str]) -> tuple:
    """A form that prints nothing for the 实施期 (the older Shanghai form: 年度 funding and goal
    only) prints its one half of indicators for the year."""
    year_only = period_funding == Funding(provenance=period_funding.provenance) and not goals.get("period")
    if year_only and goals.get("year") and all(i.scope == "period" for i in indicators):
        return tuple(replace(i, scope="year") for i in indicators)
    return tuple(indicators)


def _missing(target: PerformanceTarget, title: RawLine, ctx: Context) -> list[IngestIssue]:
    """Reports for parts a form should have and this one lacks."""
    lacks = [
        ("项目名称", not target.project_name),
        ("项目资金", target.funding_period == Funding(provenance=target.funding_period.provenance)
         and target.funding_year == Funding(provenance=target.funding_year.provenance)),
        ("绩效指标", not target.indicators),
    ]
    return [
        ctx.issue("ingest.target_missing_part", f"绩效目标表“{target.project_name}”中未找到{part}。", title)
        for part, missing in lacks if missing
    ]

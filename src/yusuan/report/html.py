"""The audit report as one self-contained HTML page (Chinese, inline CSS, no external assets).

Summary first, then every finding (each with an anchor ``f12`` and links to where it points),
then every table as printed with each offending cell marked and linked back, the narrative
sentences findings quote, and the target forms with their findings. Jinja2 autoescapes every
printed text, so a document cannot inject markup into the report.
"""
from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from ..audit import Finding, Report
from ..clock import beijing
from ..model import Disclosure
from ..templates import template_zh
from .describe import (
    ACCEPTED_ZH, Names, figures, grouped, natural, outcome_line, place, readable, summary_line,
)
from .html_marks import Mark, Marks, Quote, mark_findings
from .html_tables import table_view
from .notes import rule_title, shown

_ENV = Environment(
    loader=PackageLoader("yusuan.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


@dataclass(frozen=True)
class Link:
    href: str | None  # element id on the page, None when the place is not shown
    text: str


@dataclass(frozen=True)
class FindingView:
    number: int
    finding: Finding
    tone: str
    accepted: bool
    links: tuple[Link, ...]
    quotes: tuple[str, ...]
    figures: str


@dataclass(frozen=True)
class SectionQuotes:
    id: str
    title: str
    quotes: tuple[tuple[Quote, tuple[Mark, ...], str], ...]  # (quote, marks, tone)


@dataclass(frozen=True)
class TargetView:
    id: str
    name: str
    detail: str  # implementing unit and where the form starts: two forms may share a name
    tone: str
    findings: tuple[FindingView, ...]


def render_html(report: Report, disclosure: Disclosure) -> str:
    names = Names.of(disclosure)
    blocks_of = grouped(report, names)
    ordered = [f for _, groups in blocks_of for g in groups for f in g.findings]  # numbered as listed
    marks = mark_findings(report, disclosure, ordered)
    views = {n: _finding_view(n, f, report, marks, names) for n, f in enumerate(ordered, 1)}
    number_of = {id(f): n for n, f in enumerate(ordered, 1)}
    blocks = [
        (label, sum(len(g.findings) for g in groups),
         [(g.heading, [views[number_of[id(f)]] for f in g.findings]) for g in groups])
        for label, groups in blocks_of
    ]
    return _ENV.get_template("report.html").render(
        report=report, meta=report.meta, source=report.source, summary=report.summary,
        summary_line=summary_line(report), outcome_line=outcome_line(report),
        crashed=[o for o in report.outcomes if o.status == "crashed"],
        not_applicable=[o for o in report.outcomes if o.status == "not_applicable"],
        blocks=blocks, tables=[table_view(t, marks) for t in disclosure.tables],
        sections=_sections(marks, names), targets=_targets(disclosure, views, marks),
        accepted_zh=ACCEPTED_ZH, generated=beijing(), rule_title=rule_title, shown=shown, template_zh=template_zh,
    )


def _finding_view(n: int, f: Finding, report: Report, marks: Marks, names: Names) -> FindingView:
    accepted = f.fingerprint in report.accepted
    links = tuple(Link(el, place(loc, names)) for loc, el in zip(f.locations, marks.links[n]))
    quotes = tuple(readable(loc.sentence) for loc in f.locations if loc.sentence)
    return FindingView(n, f, "accepted" if accepted else f.severity.value, accepted, links, quotes, figures(f))


def _sections(marks: Marks, names: Names) -> list[SectionQuotes]:
    by_section: dict[str | None, list[Quote]] = {}
    for q in marks.quotes.values():
        by_section.setdefault(q.section, []).append(q)
    out = []
    for section, quotes in sorted(by_section.items(), key=lambda kv: (kv[0] is None, natural(kv[0] or ""))):
        title = names.sections.get(section, section) if section else "其他被指出的原文（多为读取提示）"
        out.append(SectionQuotes(f"sec-{section or 'none'}", title,
                                 tuple((q, tuple(marks.at(q.id)), marks.tone(q.id)) for q in quotes)))
    return out


def _targets(d: Disclosure, views: dict[int, FindingView], marks: Marks) -> list[TargetView]:
    out = []
    for p in d.targets:
        found = tuple(views[m.number] for m in marks.at(p.id))
        if found:
            where = f"第{p.provenance.line}行" if p.provenance.line is not None else ""
            detail = "，".join(x for x in (p.implementing_unit, where) if x)
            out.append(TargetView(p.id, p.project_name or p.title, detail, marks.tone(p.id), found))
    return out

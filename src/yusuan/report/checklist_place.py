"""Where a finding goes on the reviewer's checklist.

In order: a family that names its item (org → 机构设置); the finding's locations, in the order its
family prefers (a narrative finding belongs where the sentence is, a target finding with the
forms, others with their table); the word its rule id or ingest code carries (contents, glossary,
target …); the table or section whose printed lines hold its source line; a table named in its
message (未找到“政府性基金预算支出表”). What fits nothing goes to 其他问题.
"""
from __future__ import annotations

import bisect
import re

from ..audit import Finding, Location
from ..model import Disclosure, TableKind
from .checklist_items import OTHER, checklist

MATCH_ORDER = ("targets", "n.three_public", "n.running", "n.procurement", "n.assets", "n.performance",
               "n.basic", "n.general", "n.fiscal", "n.income", "n.expenditure", "n.other", "n.overall",
               "duties", "organisation", "glossary", "cover", "contents")
PREFERENCE = {"narrative": ("section", "target", "table"), "target": ("target", "section")}
RULE_WORDS = (("contents", "contents"), ("glossary", "glossary"), ("cover", "cover"), ("duties", "duties"),
              ("unit_not_listed", "organisation"), ("target", "targets"))
FAMILY_ITEM = {"org": "organisation", "target": "targets"}
_INGEST_CODE = re.compile(r"（(ingest\.[a-z_]+)）$")


def _last_line(t) -> int:
    return max((ln for r in t.rows for ln in (*r.lines, r.provenance.line or 0)), default=t.provenance.line or 0)


class Placer:
    """Places findings on a disclosure's checklist (`items`, in the sheet's order)."""

    def __init__(self, d: Disclosure) -> None:
        self.items = checklist(d)
        self.keys = {i.key for i in self.items}
        by_key = {i.key: i for i in self.items}
        self._headings = [(k, by_key[k].headings) for k in MATCH_ORDER]
        self._kind_of = {t.id: t.kind.value for t in d.tables}
        self._section_titles = {s.id: s.title for s in d.sections}
        self._table_spans = [(t.provenance.line or 0, _last_line(t), t.kind.value) for t in d.tables]
        self._section_starts = sorted((s.provenance.line, s.id) for s in d.sections if s.provenance.line is not None)
        self._pages = _page_items(d)

    def item_for(self, f: Finding) -> str:
        family = f.rule.split(".", 1)[0]
        if family == "org":
            return "organisation"
        kinds = PREFERENCE.get(family, ("table", "target", "section"))
        for kind in kinds:
            for loc in f.locations:
                key = self._by_location(loc, kind)
                if key:
                    return key
        return (self._by_rule(f, family) or self._by_line(f) or self._by_page(f) or self._by_title(f.message)
                or OTHER)

    def _by_location(self, loc: Location, kind: str) -> str | None:
        if kind == "table":
            table_kind = self._kind_of.get(loc.table or "") or loc.table_kind
            if table_kind and f"table.{table_kind}" in self.keys:
                return f"table.{table_kind}"
            return self._by_title(loc.table_title or "")
        if kind == "target":
            return "targets" if loc.target else None
        return self._by_section(loc.section) if loc.section else None

    def _by_section(self, section: str) -> str | None:
        """Its own heading first, then its parents' (s3.5.1 → s3.5 → s3); inside a project's
        description, the project forms."""
        ids = [section]
        while "." in ids[-1]:
            ids.append(ids[-1].rsplit(".", 1)[0])
        found = [key for sid in ids for key, words in self._headings
                 if (title := self._section_titles.get(sid, "")) and any(w in title for w in words)]
        # a project's own headings (七、绩效目标) stay with its 项目经费情况说明
        return "targets" if "targets" in found else (found[0] if found else None)

    def _by_title(self, text: str) -> str | None:
        """A table named in a title or a message: the longest kind name it contains."""
        hits = [k for k in TableKind if k.title_zh in text and f"table.{k.value}" in self.keys]
        return f"table.{max(hits, key=lambda k: len(k.title_zh)).value}" if hits else None

    def _by_rule(self, f: Finding, family: str) -> str | None:
        m = _INGEST_CODE.search(f.message)
        rule_id = f"{f.rule} {m.group(1) if m else ''}"
        for word, key in RULE_WORDS:
            if word in rule_id:
                return key
        return FAMILY_ITEM.get(family)

    def _by_page(self, f: Finding) -> str | None:
        """A finding that names only a page (a reading note): the item printed on that page; a blank
        page goes with the page before it (an empty page after the 目录 is the 目录's fault)."""
        page = next((loc.page for loc in f.locations if loc.page and loc.line is None), None)
        if page is None:
            return None
        if "read.blank_page" in f.message:
            page -= 1
        where = self._pages.get(page)
        if where is None:
            return None
        kind, ref = where
        if kind == "table":
            return f"table.{ref}" if f"table.{ref}" in self.keys else None
        return ref if kind == "item" else self._by_section(ref)

    def _by_line(self, f: Finding) -> str | None:
        """The table, else the section, whose printed lines hold the finding's source line."""
        for line in (loc.line for loc in f.locations if loc.line is not None):
            for first, last, kind in self._table_spans:
                if first <= line <= last and f"table.{kind}" in self.keys:
                    return f"table.{kind}"
            i = bisect.bisect_right(self._section_starts, (line, "\uffff")) - 1
            if i >= 0:
                return self._by_section(self._section_starts[i][1])
        return None


def _page_items(d: Disclosure) -> dict[int, tuple[str, str]]:
    """What each page prints first: ("item", "contents"), ("section", id) or ("table", kind)."""
    found: list[tuple[int, int, tuple[str, str]]] = []
    for e in d.contents:
        found.append((e.provenance.page or 0, e.provenance.line or 0, ("item", "contents")))
    for s in d.sections:
        for prov in (s.provenance, *(q for p in s.paragraphs for q in (p.provenance, *(c for _, c in p.continued)))):
            found.append((prov.page or 0, prov.line or 0, ("section", s.id)))
    for t in d.tables:
        found.append((t.provenance.page or 0, t.provenance.line or 0, ("table", t.kind.value)))
    pages: dict[int, tuple[str, str]] = {}
    for page, _, where in sorted(found, key=lambda x: (x[0], x[1])):
        pages.setdefault(page, where)
    return pages

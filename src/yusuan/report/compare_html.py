"""A comparison as one self-contained HTML page: the figures side by side (only the differing lines on
request), the findings fixed and new where the two are versions or consecutive years, and the
narratives' changed paragraphs with deletions struck through and insertions marked (<del>/<ins>).
Jinja2 autoescapes every printed text, so a document cannot inject markup into the page."""
from __future__ import annotations

from ..audit.compare_docs import Comparison
from ..audit.compare_text import spans
from .compare_report import name, sections, shown
from .html import _ENV
from .notes import rule_title


def render_compare_html(c: Comparison, *, only_diff: bool = False) -> str:
    return _ENV.get_template("compare.html").render(
        labels=c.labels, names=(name(c, "a"), name(c, "b")), notes=c.notes, only_diff=only_diff,
        parts=sections(c, only_diff=only_diff), findings=c.findings, changes=c.text, spans=spans, shown=shown,
        title=lambda rule: rule_title(rule) or "审核发现")

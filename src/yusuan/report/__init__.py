"""Audit outputs: terminal text, JSON, one-page HTML, the reviewer's XLSX checklist; accepting findings.

Each output reads the same Report (and, where it shows the document, the Disclosure); the words
they share come from `describe`. The names below are imported on first use: a JSON report does not
load the HTML templates (Jinja2) or the workbook writer (XlsxWriter, YAML layouts).
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .acceptance import accept, apply_accepted, exit_code, load_accepted, sidecar_path
    from .checklist import render_checklist
    from .html import render_html
    from .json_report import dumps, report_from_json, report_to_json
    from .text import render_text

_HOME = {
    "accept": "acceptance", "apply_accepted": "acceptance", "exit_code": "acceptance", "load_accepted": "acceptance",
    "sidecar_path": "acceptance", "render_checklist": "checklist", "render_html": "html", "dumps": "json_report",
    "report_from_json": "json_report", "report_to_json": "json_report", "render_text": "text",
}
__all__ = [
    "accept", "apply_accepted", "dumps", "exit_code", "load_accepted", "render_checklist", "render_html",
    "render_text", "report_from_json", "report_to_json", "sidecar_path",
]


def __getattr__(name: str):
    if name in _HOME:
        return getattr(import_module(f".{_HOME[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

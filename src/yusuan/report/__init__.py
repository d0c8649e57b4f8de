"""Audit outputs: terminal text, JSON, one-page HTML, the reviewer's XLSX checklist; accepting findings.

Each output reads the same Report (and, where it shows the document, the Disclosure); the words
they share come from `describe`.
"""
from .acceptance import accept, apply_accepted, exit_code, load_accepted, sidecar_path
from .checklist import render_checklist
from .html import render_html
from .json_report import dumps, report_from_json, report_to_json
from .text import render_text

__all__ = [
    "accept", "apply_accepted", "dumps", "exit_code", "load_accepted", "render_checklist", "render_html",
    "render_text", "report_from_json", "report_to_json", "sidecar_path",
]

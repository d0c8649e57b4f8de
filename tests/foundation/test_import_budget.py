"""A command loads only what it uses (issue 20): `yusuan --version` answers without the app; a plain
`audit` or `ingest` without Typer, Pydantic or the other commands; a JSON audit loads no HTML templates,
workbook writer, YAML, web, database, PDF rendering or Rich's help; a PDF without ruled tables no
pdfplumber.

Checked on the modules a fresh process holds after the command, never on time (speed lives in
bench/bench_startup.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
REFERENCE = SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt"
PDFS = sorted((SAMPLES / "pdf").glob("*.pdf"))

# What no JSON audit needs: report formats, web, store, rendering, data frames, Rich (help, tables).
NOT_FOR_A_JSON_AUDIT = (
    "jinja2", "xlsxwriter", "yaml", "weasyprint", "matplotlib", "fastapi", "starlette", "sqlalchemy", "pandas",
    "openpyxl", "docx", "rich.markdown", "rich.console", "typer.rich_utils", "yusuan.report.html",
    "yusuan.report.checklist", "yusuan.web", "yusuan.store.engine", "yusuan.store.repository", "yusuan.render",
)
PDF_READER = ("pdfplumber", "pdfminer", "pypdfium2")
# What a plain `audit` / `ingest` command line runs without (`yusuan.cli.quick`): Typer's parsing and its
# Pydantic validators, the app and the other commands.
NOT_FOR_A_PLAIN_COMMAND = ("typer", "click", "pydantic", "pydantic_core", "yusuan.cli.root", "yusuan.cli.zh",
                           "yusuan.cli.audit_cmd", "yusuan.cli.ingest_cmd", "yusuan.cli.show_cmd",
                           "yusuan.cli.compare_cmd", "yusuan.cli.batch_cmd")
NARRATIVE = SAMPLES / "jiangsu" / "js-party-office-2018-dept-budget-narrative-d22abd.pdf"  # no ruled table


def modules_after(tmp_path, *argv: str) -> tuple[set[str], str]:
    """The modules loaded by `yusuan *argv` in a fresh process (the console entry), and its output."""
    listing = tmp_path / "modules.json"
    code = (f"import sys\nsys.argv = ['yusuan', *{list(argv)!r}]\nfrom yusuan.cli import main\n"
            f"try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"import json, pathlib\npathlib.Path({str(listing)!r}).write_text(json.dumps(sorted(sys.modules)))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert listing.exists(), done.stderr
    return set(json.loads(listing.read_text())), done.stdout


def loaded(modules: set[str], names) -> list[str]:
    """Which of `names` (packages or modules) were loaded, a package counting with any of its modules."""
    return [n for n in names if any(m == n or m.startswith(n + ".") for m in modules)]


def test_version_loads_neither_typer_nor_any_command(tmp_path):
    modules, out = modules_after(tmp_path, "--version")
    assert out.startswith("yusuan（预算）")
    assert loaded(modules, ("typer", "click", "rich", "pydantic", "yusuan.cli.root", "yusuan.ingest",
                            *NOT_FOR_A_JSON_AUDIT, *PDF_READER)) == []


def test_a_json_audit_of_a_text_file_loads_no_report_format_and_no_pdf_reader(tmp_path):
    modules, out = modules_after(tmp_path, "audit", "-f", "json", str(REFERENCE))
    assert json.loads(out)["format"] == "yusuan.audit-report"
    assert loaded(modules, (*NOT_FOR_A_JSON_AUDIT, *PDF_READER, *NOT_FOR_A_PLAIN_COMMAND)) == []


def test_a_plain_ingest_loads_neither_typer_nor_the_other_commands(tmp_path):
    modules, out = modules_after(tmp_path, "ingest", str(REFERENCE), "-q")
    assert json.loads(out)["disclosure"]["source"]["format"] == "txt"
    assert loaded(modules, (*NOT_FOR_A_PLAIN_COMMAND, *PDF_READER, "sqlalchemy", "jinja2", "yusuan.web")) == []


def test_help_and_usage_errors_still_build_the_typer_app(tmp_path):
    modules, out = modules_after(tmp_path, "audit", "--help")
    assert "用法：" in out and "typer" in modules and "yusuan.cli.audit_cmd" in modules


@pytest.mark.skipif(not NARRATIVE.exists(), reason="no bundled narrative PDF")
def test_a_pdf_without_ruled_tables_loads_no_pdfplumber(tmp_path):
    modules, out = modules_after(tmp_path, "audit", "-f", "json", str(NARRATIVE))
    assert json.loads(out)["source"]["format"] == "pdf" and "pypdfium2" in modules
    assert loaded(modules, ("pdfplumber", "pdfminer", *NOT_FOR_A_PLAIN_COMMAND)) == []


@pytest.mark.skipif(not PDFS, reason="no bundled PDF")
def test_a_json_audit_of_a_pdf_loads_the_reader_but_no_report_format(tmp_path):
    modules, out = modules_after(tmp_path, "audit", "-f", "json", str(PDFS[0]))
    assert json.loads(out)["source"]["format"] == "pdf"
    assert loaded(modules, (*NOT_FOR_A_JSON_AUDIT, *NOT_FOR_A_PLAIN_COMMAND)) == []
    assert "pypdfium2" in modules


@pytest.mark.skipif(not PDFS, reason="no bundled PDF")
def test_ruled_tables_are_read_without_pdfplumber(tmp_path):
    """The table finder's steps are our own (sources/pdf_rules.py, pdf_cells.py, tested against
    pdfplumber's): a ruled Putuo budget loads neither pdfplumber nor pdfminer."""
    modules, out = modules_after(tmp_path, "audit", "-f", "json", str(PDFS[0]))
    assert json.loads(out)["source"]["format"] == "pdf"
    assert loaded(modules, ("pdfplumber", "pdfminer")) == []


def test_help_still_lists_every_command_in_chinese(tmp_path):
    from yusuan.cli import root

    root.load_commands()
    names = [c.name for c in root.app.registered_commands] + [g.name for g in root.app.registered_groups]
    modules, out = modules_after(tmp_path, "--help")
    assert "用法：" in out and "命令" in out and "选项" in out
    assert all(name in out for name in names) and len(names) >= 12


def test_report_names_resolve_on_use():
    import yusuan.report as report

    assert sorted(report.__all__) == sorted(report._HOME)
    assert all(callable(getattr(report, name)) for name in report.__all__)

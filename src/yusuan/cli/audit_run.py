"""What ``yusuan audit`` does, without Typer: check one or more disclosures and write the reports.
The Typer command (`audit_cmd`) and the light path (`quick`) both call `audit_files`."""
from __future__ import annotations

from enum import Enum
from pathlib import Path

from ..errors import InputError
from ..files import write_text_atomic
from ..ingest import read_disclosure, read_publications
from ..model import Disclosure
from .console import echo, err, out


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"
    xlsx = "xlsx"


def audit_files(paths: list[str], fmt: Format, output: Path | None = None, accepted: Path | None = None,
                previous: Path | None = None, with_: list[str] | None = None, orgs: Path | None = None,
                only: str | None = None, layout: str | None = None, urls: list[str] | None = None,
                published: list[str] | None = None, show_all: bool = False, verbose: bool = False,
                encoding: str | None = None, max_pages: int | None = None) -> int:
    """Check the files and write their reports; the exit code (0 no error, 1 errors found, 2 a file
    cannot be read: the worst of the files)."""
    from ..report.acceptance import exit_code, sidecar_path

    files = [Path(p) for p in paths]
    one_book = fmt is Format.xlsx and output is not None and output.suffix.lower() == ".xlsx"
    if not all(f.is_file() for f in files) or (len(files) > 1 and not one_book):
        from .audit_many import audit_many

        return audit_many(paths, fmt, output, previous, only, verbose, encoding, with_ or [], orgs, show_all)
    if len(files) > 1 and accepted is not None:
        raise InputError("--accepted 只能用于一个文件；多个文件时各用其旁边的记录文件。")
    from .partners_cli import partners_of, pool, read_with, say

    # a file holding several publications (a department's and its units', a compilation) gives each
    read = [(path, d) for path in files for d in read_publications(path, encoding=encoding, max_pages=max_pages)]
    candidates = pool([d for _, d in read] + read_with(with_ or [], encoding)) if with_ or len(read) > 1 else []
    checked = []
    for path, d in read:
        partners = partners_of(d, candidates, orgs)
        if fmt is Format.text:
            say(partners)
        report = run_audit(d, accepted or sidecar_path(path), previous, only, partners)
        checked.append((path, d, report))
    if fmt is Format.xlsx:
        from ..report.checklist import Checked

        given, dates = list(urls or []), [_date(x) for x in published or []]
        write_checklists([(Checked(r, d, url=given[i] if i < len(given) else "",
                                   published=dates[i] if i < len(dates) else None), p)
                          for i, (p, d, r) in enumerate(checked)], output, layout)
    else:
        for n, (_, d, report) in enumerate(checked, 1):
            write_report(report, d, fmt, _nth(output, n) if len(checked) > len(files) else output, verbose,
                         show_all=show_all)
    return max(exit_code(r) for _, _, r in checked)


def run_audit(d: Disclosure, sidecar: Path | None, previous: Path | None = None, only: str | None = None,
              partners=None):
    """`partners`: the publications the cross-document rules read (`cli.partners_cli.partners_of`)."""
    from ..audit.runner import audit
    from ..report.acceptance import apply_accepted, load_accepted

    last = read_disclosure(previous) if previous else None
    report = audit(d, previous=last, only=set(only.split(",")) if only else None, partners=partners)
    return apply_accepted(report, load_accepted(sidecar)) if sidecar else report


def write_report(report, d: Disclosure, fmt: Format, output: Path | None, verbose: bool = False, *,
                 show_all: bool = False, source: Path | None = None, layout: str | None = None) -> None:
    from ..report.json_report import dumps as report_dumps

    if fmt is Format.text:
        from ..report.text import render_text

        render_text(report, out.real, disclosure=d, verbose=verbose, show_all=show_all)
        return
    if fmt is Format.xlsx:
        from ..report.checklist import Checked

        write_checklists([(Checked(report, d), source)], output, layout)
        return
    if fmt is Format.json:
        text = report_dumps(report, d)
    else:
        from ..report.html import render_html

        text = render_html(report, d)
    if output is None:
        echo(text)
        return
    write_text_atomic(output, text)
    err.print(f"已写入 {output}")


def write_checklists(checked, output: Path | None, layout: str | None) -> None:
    """The 公开情况检查表 workbook: one sheet per document, 问题截图 cut from the PDFs."""
    from dataclasses import replace

    from ..report.checklist import render_checklists
    from ..report.screenshots import PageSource

    if output is None:
        raise InputError("XLSX 格式需要用 -o 指定输出文件。")
    from ..report.layout import choose

    docs = [replace(c, pages=PageSource.read(src)) if src is not None and choose(c.disclosure, layout).has("screenshot")
            else c for c, src in checked]
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(f".{output.name}.tmp.xlsx")
    render_checklists(docs, tmp, layout=layout)
    tmp.replace(output)
    err.print(f"已写入 {output}")


def _nth(output: Path | None, n: int) -> Path | None:
    """The n-th publication's report beside the one asked for (报告.json → 报告-2.json)."""
    return None if output is None else output.with_name(f"{output.stem}-{n}{output.suffix}")


def _date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InputError(f"公开日期“{text}”无法识别，请写成 2026-03-09 的形式。", code="input.date") from None

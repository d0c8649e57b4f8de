"""``yusuan audit`` over many files, folders and globs: each file checked in turn, with the others (and
``--with`` files) as partners for the cross-document rules; one that cannot be read is reported and
the rest go on. Text goes to the terminal; other formats need -o DIR and are written there one
report per file. The exit code is the worst of the files (2 > 1 > 0)."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError, YusuanError
from ..ingest import read_publications
from ..model import Disclosure
from .console import err, out

SUFFIX = {"json": "-审核报告.json", "html": "-审核报告.html", "xlsx": "-公开情况检查表.xlsx"}


def audit_many(args: list[str], fmt, output: Path | None, previous: Path | None, only: str | None,
               verbose: bool, encoding: str | None, with_: list[str] | None = None, orgs: Path | None = None,
               show_all: bool = False) -> int:
    from ..batch.discover import discover
    from ..report.acceptance import exit_code, sidecar_path
    from .audit_run import run_audit, write_report
    from .partners_cli import partners_of, pool, read_with, say

    if fmt.value != "text" and output is None:
        raise InputError("检查多个文件时，JSON/HTML/XLSX 格式需要用 -o 指定输出目录。")
    files = discover(args)
    worst = 0
    read: dict[Path, list[Disclosure] | YusuanError] = {}
    for path in files:  # all read first: each file's partners are among the others
        try:
            read[path] = read_publications(path, encoding=encoding)  # most files hold one publication
        except YusuanError as exc:
            read[path] = exc
    candidates = pool([d for ds in read.values() if not isinstance(ds, YusuanError) for d in ds]
                      + read_with(with_ or [], encoding))
    stems: set[str] = set()
    for path in files:
        got = read[path]
        if isinstance(got, YusuanError):
            out.rule(str(path), align="left")
            err.print(f"[bold red]错误：[/]{path}：{got.message}")
            worst = max(worst, got.exit_code)
            continue
        for n, d in enumerate(got, 1):
            out.rule(str(path) if len(got) == 1 else f"{path}（第 {n} 份，共 {len(got)} 份）", align="left")
            try:
                partners = partners_of(d, candidates, orgs)
                if fmt.value == "text":
                    say(partners)
                report = run_audit(d, sidecar_path(path), previous, only, partners)
            except YusuanError as exc:
                err.print(f"[bold red]错误：[/]{path}：{exc.message}")
                worst = max(worst, exc.exit_code)
                continue
            target = None
            if output is not None and fmt.value != "text":
                base = path.stem if len(got) == 1 else f"{path.stem}-{n}"
                stem = base if base not in stems else f"{base}-{len(stems)}"
                stems.add(stem)
                target = output / f"{stem}{SUFFIX[fmt.value]}"
            write_report(report, d, fmt, target, verbose, show_all=show_all)
            worst = max(worst, exit_code(report))
    out.print(f"共检查 {len(files)} 个文件。")
    return worst

"""The light path of `yusuan audit` and `yusuan ingest` (issue 20): a plain command line is run without
Typer, whose parsing imports Pydantic and builds a validator per option (≈ 0.15 s of a cold process,
more than reading a small PDF).

"Plain" means: the command, its arguments, and its options spelled as in `--help` (`-f json`,
`--format json` or `--format=json`), each single-valued option once, every value one the Typer command
would take as it is. Anything else — help, a misspelt or repeated option, a missing argument, a value
Typer would refuse, `--`, shell completion — goes to the Typer app, which answers in Chinese as
before. The commands' work is the same functions either way (`audit_run`, `ingest_run`)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, NamedTuple


class Opt(NamedTuple):
    dest: str
    kind: str  # "flag", "str", "path", "int" (≥ 1), "many" (repeatable str), "format"


# The options of the Typer commands (audit_cmd.audit_cmd, ingest_cmd.ingest), by every spelling;
# tests/foundation/test_cli_light.py checks them against the Typer app.
AUDIT = {
    **dict.fromkeys(("--format", "-f"), Opt("fmt", "format")),
    **dict.fromkeys(("-o", "--output"), Opt("output", "path")),
    "--accepted": Opt("accepted", "path"),
    "--previous": Opt("previous", "path"),
    "--with": Opt("with_", "many"),
    "--orgs": Opt("orgs", "path"),
    "--only": Opt("only", "str"),
    "--layout": Opt("layout", "str"),
    "--url": Opt("urls", "many"),
    "--published": Opt("published", "many"),
    **dict.fromkeys(("--all", "-a"), Opt("show_all", "flag")),
    **dict.fromkeys(("-v", "--verbose"), Opt("verbose", "flag")),
    "--encoding": Opt("encoding", "str"),
    "--max-pages": Opt("max_pages", "int"),
}
INGEST = {
    **dict.fromkeys(("-o", "--output"), Opt("output", "path")),
    "--encoding": Opt("encoding", "str"),
    "--max-pages": Opt("max_pages", "int"),
    **dict.fromkeys(("-q", "--quiet"), Opt("quiet", "flag")),
}
COMMANDS = {"audit": AUDIT, "ingest": INGEST}
FORMATS = ("text", "json", "html", "xlsx")


def parse(argv: list[str]) -> tuple[str, list[str], dict[str, Any]] | None:
    """(command, arguments, options) of a plain `audit` / `ingest` command line; None for any other."""
    if not argv or argv[0] not in COMMANDS or os.name == "nt":
        return None
    spec = COMMANDS[argv[0]]
    args: list[str] = []
    given: dict[str, Any] = {}
    rest = iter(argv[1:])
    for token in rest:
        if not token.startswith("-"):
            args.append(token)
            continue
        name, eq, attached = token.partition("=") if token.startswith("--") else (token, "", "")
        opt = spec.get(name)
        if opt is None or (opt.kind == "flag" and eq):
            return None
        if opt.kind == "flag":
            value: Any = True
        else:
            raw = attached if eq else next(rest, None)
            value = _value(opt.kind, raw)
            if value is None:
                return None
        if opt.kind == "many":
            given.setdefault(opt.dest, []).append(value)
        elif opt.dest in given:
            return None  # given twice: Typer's rule (the last one wins) is not repeated here
        else:
            given[opt.dest] = value
    if not args or (argv[0] == "ingest" and not all(_plain_path(a) for a in args)):
        return None
    return argv[0], args, given


def _value(kind: str, raw: str | None) -> Any:
    """The option's value as the Typer command receives it, or None where Typer should judge it."""
    if raw is None or raw == "" or raw.startswith("-"):
        return None
    if kind == "format":
        return raw if raw in FORMATS else None
    if kind == "int":
        return int(raw) if raw.isascii() and raw.isdigit() and raw[0] != "0" else None  # 1 or more, as written
    if kind == "path":
        return Path(raw) if _plain_path(raw) else None
    return raw


def _plain_path(raw: str) -> bool:
    """A path Typer passes on unchecked: it refuses an existing path it cannot read."""
    return raw != "" and not raw.startswith("-") and (not os.path.exists(raw) or os.access(raw, os.R_OK))


def light(argv: list[str]) -> Callable[[], None] | None:
    """The command to run without Typer (its modules imported), or None: Typer runs this command line."""
    if any(k.endswith("_COMPLETE") and "YUSUAN" in k for k in os.environ):
        return None
    parsed = parse(argv)
    if parsed is None:
        return None
    command, args, options = parsed
    if command == "audit":
        from .audit_run import Format, audit_files

        options["fmt"] = Format(options.get("fmt", "text"))
        return lambda: _exit_as_typer(lambda: audit_files(args, **options))
    from .ingest_run import ingest_files

    return lambda: _exit_as_typer(lambda: ingest_files([Path(a) for a in args], **options))


def _exit_as_typer(command: Callable[[], int]) -> None:
    """Run the command and leave as Typer's standalone mode does: SystemExit with its code; Ctrl-C
    130; end of input "已中止。" and 1; a closed pipe 1 without a traceback."""
    try:
        code = command()
    except KeyboardInterrupt:
        sys.exit(130)
    except EOFError:
        from typer import rich_utils

        from . import zh  # noqa: F401  (the Chinese texts)

        print(file=sys.stderr)
        rich_utils.rich_abort_error()
        sys.exit(1)
    except BrokenPipeError:
        from typer._click.utils import PacifyFlushWrapper

        sys.stdout = PacifyFlushWrapper(sys.stdout)
        sys.stderr = PacifyFlushWrapper(sys.stderr)
        sys.exit(1)
    sys.exit(code)


def freeze(collect: bool) -> None:
    """The start-up is over: what is loaded lives until exit. It is moved out of the cycle
    collector's sight (gc.freeze, once per process) and collection resumes (see `root.settle`)."""
    import gc

    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True
    if collect:
        gc.enable()


_frozen = False

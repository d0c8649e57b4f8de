"""The import graph of src/yusuan keeps the README's direction of flow.

sources → recognize → model → audit → report, with the outer rooms (store, web, cli, batch) on top
and the writer (author → render) beside the reader. Every ``import`` is read with `ast`, those
inside functions included (a lazy import is still a dependency). A new package must be placed here.
"""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

# Importable from anywhere: errors, the clock, file helpers and text folding.
SHARED = {"errors", "clock", "files", "text.folding"}
_INNER = {"sources", "model", "templates", "reference", "text", "samples", "recognize", "serialize", "ingest",
          "audit", "report", "orgs", "author", "render"}
# What each part may import besides SHARED (its own package always).
ALLOWED: dict[str, set[str]] = {
    "sources": set(),
    "model": set(),
    "samples": set(),
    "templates": {"model"},
    "reference": set(),
    "text": {"model"},
    "recognize": {"sources", "model", "templates", "reference", "text"},
    "serialize": {"model"},
    "ingest": {"sources", "recognize", "model", "serialize"},
    "audit": {"model", "templates", "reference", "text"},
    "report": {"audit", "model", "templates", "reference", "text", "serialize"},
    "orgs": {"model", "text"},
    "author": {"model", "templates", "reference", "text", "samples"},
    "render": {"model", "templates", "reference", "text", "serialize"},
    "store": _INNER,
    "batch": _INNER | {"store"},
    "web": _INNER | {"store", "batch"},
    "cli": _INNER | {"store", "batch", "web"},
    "__main__": {"cli"},
}
# Known edges against the direction, each with its reason: (importing module, imported module or package).
EXCEPTIONS = {
    # The reading-health report runs the reader over a corpus: it is a runner, not a report of a disclosure.
    ("yusuan.report.health_run", "yusuan.ingest"),
    ("yusuan.report.health_run", "yusuan.recognize.compilation"),
    ("yusuan.report.health_run", "yusuan.sources.detect"),
    # The checklist's 问题截图 are cut from the source PDF's pages.
    ("yusuan.report.screenshots", "yusuan.sources.detect"),
    ("yusuan.report.screenshots", "yusuan.sources.page_image"),
    ("yusuan.report.screenshots", "yusuan.sources.raw"),
    # Budget books are files: their encoding and OOXML packages are read as the readers read them.
    ("yusuan.author.folder_book", "yusuan.sources.encoding"),
    ("yusuan.author.xlsx_book", "yusuan.sources.ooxml"),
    # A developer's script rebuilding the sample book from the reference publication (never run at run time).
    ("yusuan.author.samples.make_yangquan", "yusuan.ingest"),
    ("yusuan.author.samples.make_putuo", "yusuan.ingest"),
    # The catalogue's corpus evidence is rebuilt by a developer's tool that reads the corpus with yusuan itself
    # (scripts/rebuild-catalogue; never run at audit time).
    ("yusuan.reference.evidence", "yusuan.ingest"),
    ("yusuan.reference.evidence", "yusuan.audit.tablekit"),
    # An imported official code list is kept in the data folder the store configures.
    ("yusuan.reference.local", "yusuan.store.config"),
    # Organisation names are compared as the audit's name claims compare them.
    ("yusuan.orgs.match", "yusuan.audit.claims.names"),
}


def _module(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The yusuan modules `path` imports (``from . import x`` counts as the package)."""
    name = _module(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join(base + ([node.module] if node.module else [])))
            else:
                found.add(node.module or "")
    return {m for m in found if m == "yusuan" or m.startswith("yusuan.")}


def _part(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def _shared(target: str) -> bool:
    rest = target.removeprefix("yusuan.")
    return any(rest == s or rest.startswith(s + ".") for s in SHARED)


def forbidden_edges() -> list[str]:
    bad = []
    for path in sorted((SRC / "yusuan").rglob("*.py")):
        source = _module(path)
        part = _part(source)
        for target in sorted(_imports(path)):
            other = _part(target)
            if other == part or target == "yusuan" or _shared(target):
                continue
            if part not in ALLOWED:
                bad.append(f"{source}: package {part!r} is not placed in ALLOWED")
            elif other not in ALLOWED[part] and not any(
                    source == s and (target == t or target.startswith(t + ".")) for s, t in EXCEPTIONS):
                bad.append(f"{source} -> {target}")
    return bad


def test_no_import_goes_against_the_direction():
    assert forbidden_edges() == []


def test_every_exception_is_still_needed():
    """An exception whose import is gone is removed from the list, so the list stays the truth."""
    edges = {(_module(p), t) for p in (SRC / "yusuan").rglob("*.py") for t in _imports(p)}
    assert sorted(e for e in EXCEPTIONS if e not in edges) == []

"""Every rule is documented, and docs/rules.md is what the catalog generates."""
from __future__ import annotations

from pathlib import Path

from yusuan.audit import default_catalog
from yusuan.audit.docs import render

RULES_MD = Path(__file__).resolve().parents[2] / "docs" / "rules.md"


def test_every_rule_has_a_title_and_a_doc():
    for r in default_catalog():
        assert r.title.strip(), r.id
        assert len(r.doc.strip()) >= 30, f"{r.id} needs a docstring that says what, why and tolerance"


def test_every_table_rule_doc_gives_an_example():
    for r in default_catalog():
        if r.family not in ("arith", "cross", "complete", "code"):
            continue
        assert "例" in r.doc, f"{r.id}: the doc should give an example (例：…)"


def test_rules_md_is_up_to_date():
    assert RULES_MD.read_text(encoding="utf-8") == render(), (
        "docs/rules.md is stale: run `python -m yusuan.audit.docs > docs/rules.md`")

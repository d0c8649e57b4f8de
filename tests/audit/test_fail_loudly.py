"""A broken part of yusuan is a bug, said out loud — never a silent "not applicable" (issue 22)."""
from __future__ import annotations

from pathlib import Path

import pytest

import yusuan.reference as reference
from yusuan.audit import audit
from yusuan.ingest import read_disclosure
from yusuan.store.repository import audit_json

REFERENCE = Path(__file__).resolve().parents[2] / "samples" / "yangquan-civil-affairs-2025-dept-budget.txt"


def test_a_broken_code_catalogue_stops_the_audit_instead_of_passing_every_code_rule(monkeypatch):
    d = read_disclosure(REFERENCE)
    def broken():
        raise ValueError("目录文件损坏")
    monkeypatch.setattr(reference, "bundled_catalogue", broken)
    with pytest.raises(ValueError, match="目录文件损坏"):
        audit(d)


def test_the_store_always_has_the_audit():
    assert '"findings"' in audit_json(read_disclosure(REFERENCE))


def test_a_word_doubled_ten_thousand_times_is_one_finding_not_ten_thousand():
    # fuzz case xlsx:shared_string_bomb:710991: one 64,000-character string made 16,000 findings and 1 GB
    from dataclasses import replace

    from yusuan.model.narrative import Paragraph

    d = read_disclosure(REFERENCE)
    section = d.sections[0]
    bomb = replace(section, paragraphs=(Paragraph("支出" * 10_000 + "。", section.paragraphs[0].provenance),))
    found = audit(replace(d, sections=(bomb,)), only={"wording.duplicated_words"}).findings
    assert len(found) == 1 and "词语重复" in found[0].message  # one finding (its match the longest doubling)

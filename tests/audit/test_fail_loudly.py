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

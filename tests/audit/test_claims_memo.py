"""The narrative cache (audit/claims/memo.py) holds a whole long document's sections (issue 20).

Every narrative rule asks for each section's sentences and figures in turn; a cache smaller than
the document evicts each section before the next rule asks, and the audit of a 500-page document
(about 2,200 entries) read its narrative once per rule: three times the time per page of a
30-page one (bench/bench_pdf.py --floor).
"""
from __future__ import annotations

from yusuan.audit.claims.memo import remembered


class Section:
    """Stands for an immutable section (only its identity is used)."""


def test_every_section_of_a_500_page_document_is_read_once_however_many_rules_ask():
    sections = [Section() for _ in range(2_500)]
    reads: list[int] = []

    def figures(i: int):
        return lambda: reads.append(i) or i

    for _rule in range(3):
        for i, section in enumerate(sections):
            assert remembered("test-figures", section, figures(i)) == i
    assert len(reads) == len(sections)


def test_a_new_object_at_a_reused_address_is_not_given_the_old_result():
    first = Section()
    assert remembered("test-identity", first, lambda: "first") == "first"
    address = id(first)
    del first
    again = Section()  # CPython often reuses the freed address
    answer = remembered("test-identity", again, lambda: "again")
    assert answer == "again" or id(again) != address

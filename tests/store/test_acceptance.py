"""Accepting a false alarm and taking it back, on both backends: who, when and why are kept; undo
reopens the finding in every version of the publication."""
import pytest


@pytest.fixture(scope="module")
def reference_bytes(reference_path):
    return reference_path.read_bytes()


def first_error(store, doc_id):
    return next(f for f in store.report_data(doc_id)["findings"] if f["severity"] == "error")


def test_acceptance_keeps_who_when_and_why_and_undo_reopens_it(store, reference_bytes):
    doc = store.ingest("阳泉市民政局2025.txt", reference_bytes, user="张三")
    f = first_error(store, doc.id)
    assert store.accept(doc.id, f["fingerprint"], reason="已与编制单位核实，表内数字正确", user="李审核")
    after = next(x for x in store.report_data(doc.id)["findings"] if x["fingerprint"] == f["fingerprint"])
    assert after["accepted"] is True
    assert after["acceptance"]["by"] == "李审核"
    assert after["acceptance"]["reason"] == "已与编制单位核实，表内数字正确"
    assert after["acceptance"]["at"][:4].isdigit()
    assert store.get(doc.id).errors == doc.errors - 1

    v2 = store.ingest("阳泉市民政局2025-v2.txt", reference_bytes + "\n".encode(), user="张三")
    assert v2.version == 2 and store.get(v2.id).errors == doc.errors - 1  # the acceptance follows the publication

    assert store.unaccept(v2.id, f["fingerprint"])
    reopened = next(x for x in store.report_data(doc.id)["findings"] if x["fingerprint"] == f["fingerprint"])
    assert reopened["accepted"] is False and "acceptance" not in reopened
    assert store.get(doc.id).errors == doc.errors and store.get(v2.id).errors == doc.errors
    assert not store.unaccept(doc.id, f["fingerprint"])  # nothing left to undo
    assert not store.unaccept(9999, f["fingerprint"])

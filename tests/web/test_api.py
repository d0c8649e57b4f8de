"""The API on SQLite and PostgreSQL: upload, list, read, findings, accept, export, one error shape."""
import json

import pytest

ERROR_KEYS = {"code", "message", "status", "detail"}


def assert_error(resp, status: int, code: str | None = None):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert any("\u4e00" <= ch <= "\u9fff" for ch in body["error"]["message"]), "message must be Chinese"
    if code:
        assert body["error"]["code"] == code
    return body["error"]


def test_upload_then_read_everything(api, reference_upload):
    r = api.post("/api/documents", files=reference_upload)
    assert r.status_code == 201, r.text
    doc = r.json()["documents"][0]
    assert doc["created"] and doc["organisation"] == "阳泉市民政局" and doc["year"] == 2025
    listed = api.get("/api/documents", params={"q": "民政"}).json()["documents"]
    assert [d["id"] for d in listed] == [doc["id"]]
    disclosure = api.get(f"/api/documents/{doc['id']}/disclosure").json()
    assert disclosure["format"] == "yusuan.disclosure"
    t02 = next(t for t in disclosure["disclosure"]["tables"] if t["kind"] == "income_summary")
    total = t02["rows"][0]["values"][0]["amount"]
    assert total == {"value": "3922.42", "unit": "万元", "places": 2}
    findings = api.get(f"/api/documents/{doc['id']}/findings").json()
    assert findings["findings"] and all({"rule", "severity", "message", "location", "fingerprint"} <= set(f)
                                        for f in findings["findings"])


def test_same_file_twice_is_stored_once(api, reference_upload):
    first = api.post("/api/documents", files=reference_upload).json()["documents"][0]
    r = api.post("/api/documents", files=reference_upload)
    assert r.status_code == 200 and r.json()["documents"][0]["id"] == first["id"]
    assert not r.json()["documents"][0]["created"]
    assert len(api.get("/api/documents").json()["documents"]) == 1


def test_accept_a_finding_survives_a_new_version(api, reference_upload):
    doc = api.post("/api/documents", files=reference_upload).json()["documents"][0]
    findings = api.get(f"/api/documents/{doc['id']}/findings", params={"severity": "error"}).json()["findings"]
    assert findings, "the reference has real errors"
    fp = findings[0]["fingerprint"]
    r = api.post(f"/api/documents/{doc['id']}/findings/{fp}/accept", json={"reason": "已与编制单位核实"})
    assert r.status_code == 200 and r.json()["document"]["counts"]["error"] == doc["counts"]["error"] - 1
    name, data, mime = reference_upload["files"]
    v2 = api.post("/api/documents", files={"files": (name, data + "\n".encode(), mime)}).json()["documents"][0]
    assert v2["version"] == 2
    again = api.get(f"/api/documents/{v2['id']}/findings").json()["findings"]
    assert next(f for f in again if f["fingerprint"] == fp)["accepted"] is True


def test_an_acceptance_taken_back_counts_the_finding_again(api, reference_upload):
    doc = api.post("/api/documents", files=reference_upload).json()["documents"][0]
    fp = api.get(f"/api/documents/{doc['id']}/findings", params={"severity": "error"}).json()["findings"][0]["fingerprint"]
    api.post(f"/api/documents/{doc['id']}/findings/{fp}/accept", json={"reason": "误报"})
    r = api.delete(f"/api/documents/{doc['id']}/findings/{fp}/accept")
    assert r.status_code == 200, r.text
    assert r.json()["unaccepted"] == fp and r.json()["document"]["counts"]["error"] == doc["counts"]["error"]
    again = api.get(f"/api/documents/{doc['id']}/findings").json()["findings"]
    assert next(f for f in again if f["fingerprint"] == fp)["accepted"] is False
    assert_error(api.delete(f"/api/documents/{doc['id']}/findings/{fp}/accept"), 404, "acceptance.not_found")
    assert_error(api.delete(f"/api/documents/98765/findings/{fp}/accept"), 404, "document.not_found")


@pytest.mark.parametrize(
    "name, data, status, code",
    [
        ("empty.txt", b"", 400, "input.empty"),
        ("photo.txt", bytes(range(256)) * 8, 400, "input.binary"),
        ("notes.txt", "会议纪要：明年工作安排。\n".encode(), 400, "input.not_disclosure"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, 415, "input.wrong_type"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj<<>>\ntrailer<<>>\n", 400, None),
    ],
)
def test_bad_uploads_answer_with_the_error_shape_and_store_nothing(api, name, data, status, code):
    r = api.post("/api/documents", files={"files": (name, data, "application/octet-stream")})
    assert_error(r, status, code)
    assert api.get("/api/documents").json()["documents"] == []


def test_too_big_upload(make_app, reference_upload):
    from dataclasses import replace

    from fastapi.testclient import TestClient

    app = make_app()
    app.state.config = replace(app.state.config, store=replace(app.state.config.store, max_upload_bytes=1000))
    r = TestClient(app).post("/api/documents", files=reference_upload)
    assert_error(r, 413, "input.too_large")


def test_not_found_validation_and_method_errors_share_the_shape(api):
    assert_error(api.get("/api/documents/12345"), 404, "document.not_found")
    assert_error(api.get("/api/documents/abc"), 422, "request.invalid")
    assert_error(api.put("/api/documents"), 405)
    assert_error(api.post("/api/documents", files={}), 400, "upload.no_file")
    assert_error(api.post("/api/documents/1/findings/deadbeef/accept"), 404)


def test_exports(api, reference_upload):
    doc = api.post("/api/documents", files=reference_upload).json()["documents"][0]
    base = f"/api/documents/{doc['id']}"
    csv = api.get(f"{base}/tables/t02.csv")
    assert csv.status_code == 200 and "2013299" in csv.text and "3922.42" in csv.text
    xlsx = api.get(f"{base}/tables/t02.xlsx")
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    table = api.get(f"{base}/tables/t02.json").json()
    assert table["kind"] == "income_summary"
    report = api.get(f"{base}/export", params={"what": "report.json"})
    assert report.status_code == 200 and json.loads(report.content)["findings"]
    original = api.get(f"{base}/export", params={"what": "original"})
    assert original.content == reference_upload["files"][1]
    assert_error(api.get(f"{base}/tables/t02.pdf"), 400, "export.format")
    assert_error(api.get(f"{base}/tables/t99.csv"), 404, "table.not_found")


def test_openapi_lists_the_api(api):
    paths = api.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/documents/{doc_id}/findings", "/api/documents/{doc_id}/disclosure"} <= set(paths)


def test_delete(api, reference_upload):
    doc = api.post("/api/documents", files=reference_upload).json()["documents"][0]
    assert api.delete(f"/api/documents/{doc['id']}").status_code == 200
    assert_error(api.get(f"/api/documents/{doc['id']}"), 404)


def test_page_limit_is_configurable(make_app):
    from dataclasses import replace
    from pathlib import Path

    from fastapi.testclient import TestClient

    app = make_app()
    app.state.store.config = replace(app.state.store.config, max_pages=5)
    pdf = Path(__file__).resolve().parents[2] / "samples" / "pdf" / "putuo-welfare-home-2024-unit-budget.pdf"
    r = TestClient(app).post("/api/documents", files={"files": (pdf.name, pdf.read_bytes(), "application/pdf")})
    err = assert_error(r, 400, "input.pdf_too_many_pages")
    assert "16" in err["message"] and "5" in err["message"]


def test_an_upload_never_writes_outside_the_data_directory(api, reference_upload, tmp_path):
    name, data, mime = reference_upload["files"]
    r = api.post("/api/documents", files={"files": ("../../../../tmp/evil-yusuan.txt", data, mime)})
    assert r.status_code == 201 and r.json()["documents"][0]["filename"] == "evil-yusuan.txt"
    from pathlib import Path

    assert not Path("/tmp/evil-yusuan.txt").exists()

"""Deleting a wrong upload: only a reviewer may; the document goes, the store keeps who deleted
what, when and why (the deletions trail, also after an upgrade that took the bundled sample out
of a real store); the bureau's checklist workbook is refused at upload, never stored."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import insert, select

from test_auth import auth_app, basic

CHECKLIST = Path(__file__).resolve().parents[2] / "samples" / "checklists" / "putuo-justice-2026-dept-budget.review.xlsx"


def test_a_reviewer_deletes_a_version_and_the_trail_keeps_it(make_app, reference_upload):
    client = TestClient(auth_app(make_app))
    reviewer, viewer = basic("reviewer1", "审核密码12345"), basic("viewer1", "查看密码12345")
    doc = client.post("/api/documents", files=reference_upload, headers=reviewer).json()["documents"][0]
    assert client.delete(f"/api/documents/{doc['id']}", headers=viewer).status_code == 403
    assert client.delete(f"/api/documents/{doc['id']}").status_code == 401
    r = client.delete(f"/api/documents/{doc['id']}", params={"reason": "误传"}, headers=reviewer)
    assert r.status_code == 200
    assert client.get(f"/api/documents/{doc['id']}", headers=reviewer).status_code == 404
    from yusuan.store.deletions import deletions

    [record] = deletions(client.app.state.store)
    assert (record.document_id, record.organisation, record.year, record.version) == (doc["id"], "阳泉市民政局", 2025, 1)
    assert (record.deleted_by, record.reason, record.sha256) == ("reviewer1", "误传", doc["sha256"])
    page = client.get("/deletions", headers=viewer).text
    assert "阳泉市民政局" in page and "reviewer1" in page and "误传" in page



def test_a_viewer_sees_no_delete_form_and_may_not_post_one(make_app, reference_upload):
    client = TestClient(auth_app(make_app))
    reviewer, viewer = basic("reviewer1", "审核密码12345"), basic("viewer1", "查看密码12345")
    doc = client.post("/api/documents", files=reference_upload, headers=reviewer).json()["documents"][0]
    assert "删除此版本" not in client.get(f"/documents/{doc['id']}", headers=viewer).text
    assert "删除此版本" in client.get(f"/documents/{doc['id']}", headers=reviewer).text
    assert client.post(f"/documents/{doc['id']}/delete", headers=viewer).status_code == 403
    assert client.get(f"/api/documents/{doc['id']}", headers=viewer).status_code == 200


def test_the_page_form_deletes_and_the_list_says_what_went(api, reference_upload):
    doc = api.post("/api/documents", files=reference_upload).json()["documents"][0]
    page = api.get(f"/documents/{doc['id']}").text
    assert "删除此版本" in page and f'action="/documents/{doc["id"]}/delete"' in page
    r = api.post(f"/documents/{doc['id']}/delete", data={"reason": "上传错了"}, follow_redirects=True)
    assert r.status_code == 200 and "已删除 阳泉市民政局 2025（第1版" in r.text and "删除记录已保存" in r.text
    assert api.get("/api/documents").json()["documents"] == []
    assert api.post(f"/documents/{doc['id']}/delete").status_code == 404


def test_the_bureaus_checklist_is_refused_at_upload(api):
    r = api.post("/api/documents", files={"files": (CHECKLIST.name, CHECKLIST.read_bytes(), "application/octet-stream")})
    assert r.status_code == 400 and "公开情况检查表" in r.json()["error"]["message"]
    assert api.get("/api/documents").json()["documents"] == []


def test_the_upgrade_moves_the_bundled_sample_out_of_a_real_store(store_config, monkeypatch):
    from yusuan.store.engine import make_engine, migrate
    from yusuan.store.schema import AmountRow, Deletion, Document

    monkeypatch.delenv("YUSUAN_DATABASE_URL", raising=False)
    engine = make_engine(store_config)
    migrate(engine, "0004")
    when = datetime(2026, 12, 1, 9, 30)
    base = dict(format="txt", size=3, content=b"abc", uploaded_at=when, version=1, year=2025, level="department",
                stage="budget", template="shanxi-13", disclosure_json="{}", report_json='{"findings": []}',
                errors=0, warnings=0, infos=0)
    with engine.begin() as conn:
        conn.execute(insert(Document.__table__).values([
            dict(base, sha256="1" * 64, filename="sample.txt", uploaded_by="示例", publication_key="a|2025|department|budget", organisation="阳泉市民政局"),
            dict(base, sha256="2" * 64, filename="real.pdf", uploaded_by="张审核", publication_key="b|2025|department|budget", organisation="普陀区民政局")]))
        conn.execute(insert(AmountRow.__table__).values(document_id=1, table_id="t01", table_kind="income_summary", row_index=0,
                                                        label="合计", column_key="total", value_text="1", unit="万元"))
    migrate(engine)
    with engine.connect() as conn:
        left = conn.execute(select(Document.filename)).scalars().all()
        trail = conn.execute(select(Deletion.filename, Deletion.deleted_by, Deletion.uploaded_by)).all()
        amounts = conn.execute(select(AmountRow.id)).all()
    engine.dispose()
    assert left == ["real.pdf"] and [tuple(t) for t in trail] == [("sample.txt", "系统升级", "示例")] and amounts == []

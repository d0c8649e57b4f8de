"""Demo mode: the bundled sample lives in a store of its own with a banner on every page; a real
store starts empty, and never sees the sample in its list, compare or 部门与单位."""
from __future__ import annotations

from fastapi.testclient import TestClient


def test_a_real_store_starts_without_the_sample(make_app):
    client = TestClient(make_app())
    assert client.get("/api/documents").json()["documents"] == []
    page = client.get("/").text
    assert "阳泉市民政局" not in page and "演示模式" not in page and "还没有文档" in page


def test_demo_mode_shows_the_sample_in_its_own_store(make_app, store_config):
    demo = TestClient(make_app(demo=True))
    docs = demo.get("/api/documents").json()["documents"]
    assert [d["organisation"] for d in docs] == ["阳泉市民政局"]
    for url in ("/", "/compare", "/orgs", f"/documents/{docs[0]['id']}"):
        assert "演示模式" in demo.get(url).text, url
    assert demo.app.state.store.config.data_dir == store_config.data_dir / "demo"
    real = TestClient(make_app())  # the same data directory, started without --demo
    assert real.get("/api/documents").json()["documents"] == []
    assert "阳泉市民政局" not in real.get("/compare").text


def test_a_filter_with_no_match_says_so(api, reference_upload):
    api.post("/api/documents", files=reference_upload)
    assert "没有符合筛选条件的文档" in api.get("/", params={"q": "不存在的部门"}).text
    assert "还没有文档" not in api.get("/", params={"q": "不存在的部门"}).text

"""A publication uploaded as its two halves (说明 and tables) becomes one document, both originals kept."""
import io
import zipfile

from jiangsu_files import JIANGSU_FILES

NARRATIVE = JIANGSU_FILES["cppcc-office-2018-narrative"]
TABLES = JIANGSU_FILES["cppcc-office-2018-tables"]
OTHER = JIANGSU_FILES["party-office-2017-narrative"]


def _files(*paths):
    return [("files", (p.name, p.read_bytes(), "application/pdf")) for p in paths]


def test_api_upload_of_two_halves_stores_one_joined_document(api):
    r = api.post("/api/documents", files=_files(TABLES, NARRATIVE))
    assert r.status_code == 201, r.text
    (doc,) = r.json()["documents"]
    assert (doc["organisation"], doc["year"], doc["level"], doc["version"]) == ("江苏省政协办公厅", 2018, "department", 1)
    d = api.get(f"/api/documents/{doc['id']}/disclosure").json()["disclosure"]
    assert [p["file"] for p in d["parts"]] == [NARRATIVE.name, TABLES.name]
    assert len(d["tables"]) >= 11 and any(s["title"] == "名词解释" for s in d["sections"])
    assert not any(i["code"] == "ingest.partial_publication" for i in d["issues"])
    original = api.get(f"/api/documents/{doc['id']}/export", params={"what": "original"})
    with zipfile.ZipFile(io.BytesIO(original.content)) as z:
        assert {i.filename: z.read(i) for i in z.infolist()} == {
            NARRATIVE.name: NARRATIVE.read_bytes(), TABLES.name: TABLES.read_bytes()}
    # The same two files again: stored once.
    again = api.post("/api/documents", files=_files(NARRATIVE, TABLES))
    assert again.status_code == 200 and again.json()["documents"][0]["id"] == doc["id"]


def test_api_upload_of_unrelated_files_stores_each_alone(api):
    r = api.post("/api/documents", files=_files(NARRATIVE, OTHER))
    assert r.status_code == 201, r.text
    docs = r.json()["documents"]
    assert sorted((d["organisation"], d["year"]) for d in docs) == [("江苏省委办公厅", 2017), ("江苏省政协办公厅", 2018)]


def test_upload_page_joins_the_halves(api):
    r = api.post("/upload", files=_files(NARRATIVE, TABLES))
    assert r.status_code == 200, r.text
    assert f"{NARRATIVE.name} + {TABLES.name}.zip：已保存" in r.text
    assert len(api.get("/api/documents").json()["documents"]) == 1


def test_upload_page_still_names_a_bad_file_and_keeps_the_others(api):
    files = _files(NARRATIVE) + [("files", ("notes.txt", "会议纪要：明年工作安排。\n".encode(), "text/plain"))]
    r = api.post("/upload", files=files)
    assert "notes.txt：" in r.text and f"{NARRATIVE.name}：已保存" in r.text

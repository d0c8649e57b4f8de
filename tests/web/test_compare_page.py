"""The compare page: the street office's two years side by side — 收支总表, 三公, the narrative's
figures, which findings were fixed and which are new — and one document against itself refused."""
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pdf"


def _upload(api, name: str) -> int:
    r = api.post("/api/documents", files={"files": (name, (SAMPLES / name).read_bytes(), "application/pdf")})
    assert r.status_code in (200, 201), r.text
    return r.json()["documents"][0]["id"]


def test_two_years_side_by_side_with_findings_fixed_and_new(api):
    a, b = _upload(api, "putuo-wanli-2024-dept-budget.pdf"), _upload(api, "putuo-wanli-2025-dept-budget.pdf")
    page = api.get(f"/compare?a={a}&b={b}", headers={"accept": "text/html"}).text
    assert "<h2>收支总表</h2>" in page and "15621.11" in page and "18976.76" in page
    assert "<h2>“三公”经费</h2>" in page and "47.91" in page and "37.91" in page and "-20.87%" in page
    assert "<h2>情况说明中的数字</h2>" in page and "机关运行经费" in page and "464.64" in page
    assert "审核发现的变化：已改正 2 条，新出现 1 条" in page and "已改正：" in page and "新出现：" in page
    assert "compare-note" not in page  # the same office, template and level: nothing to warn about


def test_a_document_against_itself_is_refused_in_chinese(api):
    a = _upload(api, "putuo-wanli-2024-dept-budget.pdf")
    page = api.get(f"/compare?a={a}&b={a}", headers={"accept": "text/html"}).text
    assert 'id="compare-refused"' in page and "同一份文档" in page and "<h2>收支总表</h2>" not in page

"""Web defects of issue 11, on SQLite and PostgreSQL: hostile numbers and NUL, bad JSON, a document
deleted mid-request, CSV formulas, odd file names, API clients with a page's cookie, offline /docs."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import quote

import pytest
from sqlalchemy import select

from test_api import assert_error


@pytest.fixture
def doc(api, reference_upload):
    return api.post("/api/documents", files=reference_upload).json()["documents"][0]


def an_error_fingerprint(api, doc) -> str:
    return api.get(f"/api/documents/{doc['id']}/findings", params={"severity": "error"}).json()["findings"][0]["fingerprint"]


# -- 10: numbers and NUL are checked at the edge -----------------------------------------------

HUGE = [2**31, 2**63, 10**30, -1, 0]
ID_ROUTES = [("GET", "/api/documents/{n}"), ("GET", "/api/documents/{n}/disclosure"),
             ("GET", "/api/documents/{n}/findings"), ("GET", "/api/documents/{n}/export"),
             ("GET", "/api/documents/{n}/tables/t02.csv"), ("DELETE", "/api/documents/{n}"),
             ("POST", "/api/documents/{n}/findings/abc/accept"), ("GET", "/documents/{n}")]


def test_an_id_or_year_out_of_range_is_a_4xx_on_every_route(api):
    for number in HUGE:
        for method, path in ID_ROUTES:
            assert_error(api.request(method, path.format(n=number)), 422, "request.invalid")
        assert_error(api.get("/compare", params={"a": number, "b": 1}), 422)
        assert_error(api.get("/api/documents", params={"year": number}), 422)


def test_nul_in_a_query_is_a_400(api):
    for params in ({"q": "民政\x00"}, {"level": "\x00"}, {"template": "shanxi\x00"}, {"q\x00": "x"},
                   {"severity": "error\x01"}):
        assert_error(api.get("/api/documents", params=params), 400, "request.control_character")


def test_nul_in_a_path_is_a_400(api, doc):
    r = api.post(f"/api/documents/{doc['id']}/findings/ab%00cd/accept", json={})
    assert_error(r, 400, "request.control_character")


def test_after_hostile_requests_the_connection_still_answers(api, doc):
    for _ in range(12):  # more than a pool's connections: none may be left in a failed transaction
        api.get("/api/documents", params={"q": "\x00"})
        api.get(f"/api/documents/{2**40}")
        api.post(f"/api/documents/{doc['id']}/findings/x/accept", json={"reason": "理由\x00"})
    r = api.get("/api/documents", params={"q": "民政"})
    assert r.status_code == 200 and [d["id"] for d in r.json()["documents"]] == [doc["id"]]


# -- 11: the reason of an acceptance -----------------------------------------------------------


def stored_reasons(api) -> list[str]:
    from yusuan.store.schema import Acceptance

    with api.app.state.store.sessions() as s:
        return list(s.scalars(select(Acceptance.reason)))


def test_malformed_json_is_a_400(api, doc):
    fp = an_error_fingerprint(api, doc)
    for body in (b'{"reason": ', b"not json", b'{"reason": "x"} trailing', b"\xff\xfe"):
        r = api.post(f"/api/documents/{doc['id']}/findings/{fp}/accept", content=body,
                     headers={"content-type": "application/json"})
        assert_error(r, 400, "request.bad_json")
    assert stored_reasons(api) == []


def test_a_reason_that_is_not_plain_text_is_a_400(api, doc):
    fp = an_error_fingerprint(api, doc)
    for body in ([1, 2], {"reason": 12}, {"reason": {"a": 1}}, {"reason": "理由\x00"}, {"reason": "长" * 2001}):
        assert_error(api.post(f"/api/documents/{doc['id']}/findings/{fp}/accept", json=body), 400)
    assert stored_reasons(api) == []


def test_a_null_or_absent_reason_is_stored_empty_not_none(api, doc):
    errors = api.get(f"/api/documents/{doc['id']}/findings", params={"severity": "error"}).json()["findings"]
    for body, finding in zip(({"reason": None}, {}, None), errors):
        r = api.post(f"/api/documents/{doc['id']}/findings/{finding['fingerprint']}/accept", json=body)
        assert r.status_code == 200, r.text
    assert stored_reasons(api) == ["", "", ""]


def test_a_reason_keeps_its_lines(api, doc):
    fp = an_error_fingerprint(api, doc)
    api.post(f"/api/documents/{doc['id']}/findings/{fp}/accept", json={"reason": "已与编制单位核实。\n见 3 月函。"})
    assert stored_reasons(api) == ["已与编制单位核实。\n见 3 月函。"]


# -- 15: a document deleted while it is read ---------------------------------------------------


def test_a_document_deleted_while_it_is_read_is_a_404(api, doc, monkeypatch):
    store = api.app.state.store
    for name in ("disclosure", "content", "report_data"):  # deleted after the check, before the read
        monkeypatch.setattr(store, name, lambda doc_id: None)
    for path in ("/disclosure", "/tables/t02.csv", "/tables/t02.xlsx", "/export?what=original",
                 "/export?what=report.json", "/export?what=report.html", "/export?what=checklist.xlsx"):
        assert_error(api.get(f"/api/documents/{doc['id']}{path}"), 404, "document.not_found")
    r = api.get(f"/documents/{doc['id']}", headers={"accept": "text/html"})
    assert r.status_code == 404 and "不存在" in r.text


def test_a_document_really_deleted_mid_request_is_a_404(api, doc, monkeypatch):
    store = api.app.state.store
    read = store.disclosure
    monkeypatch.setattr(store, "disclosure", lambda doc_id: (store.delete(doc_id), read(doc_id))[1])
    assert_error(api.get(f"/api/documents/{doc['id']}/tables/t02.csv"), 404, "document.not_found")


# -- 7: CSV formula injection ------------------------------------------------------------------


def hostile_table(reference):
    """The income table with labels a spreadsheet would run, and one negative amount."""
    from dataclasses import replace
    from decimal import Decimal

    t = next(t for t in reference.tables if t.kind.value == "income_summary")
    rows = list(t.rows)
    labels = ["=HYPERLINK(\"http://evil.example\",\"点此\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
              "\t=1+1", "\r=1+1"]
    for i, label in enumerate(labels, start=1):
        rows[i] = replace(rows[i], label=label)
    first = rows[1].values[0]
    rows[1] = replace(rows[1], values=(replace(first, text="-12.50", amount=replace(first.amount, value=Decimal("-12.50"))),
                                       *rows[1].values[1:]))
    return replace(t, rows=tuple(rows)), labels


def test_csv_text_cells_cannot_start_a_formula_but_amounts_stay_numbers(reference):
    import csv
    import io

    from yusuan.web.exports import table_csv

    table, labels = hostile_table(reference)
    records = list(csv.reader(io.StringIO(table_csv(table))))
    written = [r[1] for r in records[2:2 + len(labels)]]
    assert written == ["'" + label for label in labels]
    assert records[2][2] == "-12.50"  # an amount: a number, not text
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for r in records
               for j, cell in enumerate(r) if j < 2)


def test_xlsx_never_turns_text_into_a_formula(reference):
    import io

    from openpyxl import load_workbook

    from yusuan.web.exports import table_xlsx

    table, labels = hostile_table(reference)
    ws = load_workbook(io.BytesIO(table_xlsx(table))).active
    cells = [ws.cell(row=4 + i, column=2) for i in range(len(labels))]
    assert all(c.data_type == "s" for c in cells)  # strings, never formulas ("f")
    assert [c.value for c in cells[:5]] == labels[:5]


# -- 18: odd file names ------------------------------------------------------------------------


def multipart(filename: bytes, data: bytes) -> tuple[bytes, dict]:
    """A multipart body with the file name exactly as given (httpx would percent-encode NUL)."""
    boundary = b"yusuan-test-boundary"
    body = (b"--" + boundary + b'\r\nContent-Disposition: form-data; name="files"; filename="' + filename
            + b'"\r\nContent-Type: text/plain\r\n\r\n' + data + b"\r\n--" + boundary + b"--\r\n")
    return body, {"content-type": f"multipart/form-data; boundary={boundary.decode()}"}


@pytest.mark.parametrize("sent, kept", [("..\\..\\evil.txt", "evil.txt"), ("..", "upload"),
                                         ("预算\x00.txt", "预算.txt")])
def test_an_upload_is_listed_and_downloaded_under_a_harmless_name(api, reference_path, sent, kept):
    body, headers = multipart(sent.encode(), reference_path.read_bytes())
    r = api.post("/api/documents", content=body, headers=headers)
    assert r.status_code == 201 and r.json()["documents"][0]["filename"] == kept
    original = api.get(f"/api/documents/{r.json()['documents'][0]['id']}/export", params={"what": "original"})
    assert original.headers["content-disposition"].endswith("''" + quote(kept))


# -- 17: search text is literal (through the API) ----------------------------------------------


def test_a_search_for_percent_finds_nothing_but_percent(api, doc):
    assert api.get("/api/documents", params={"q": "%"}).json()["documents"] == []
    assert api.get("/api/documents", params={"q": "_"}).json()["documents"] == []


# -- 19: programs in open mode, with or without a page's cookie --------------------------------


def test_an_api_client_that_visited_a_page_can_still_upload(api, reference_upload):
    assert api.get("/", headers={"accept": "text/html"}).status_code == 200
    assert "yusuan_session" in api.cookies  # the page gave it a session (and a CSRF token)
    r = api.post("/api/documents", files=reference_upload)
    assert r.status_code == 201, r.text


def test_a_browser_page_needs_the_token_and_another_site_is_refused(api, reference_upload):
    token = re.search(r'"X-CSRF-Token": "([^"]+)"', api.get("/", headers={"accept": "text/html"}).text).group(1)
    ours = str(api.base_url)
    assert_error(api.post("/api/documents", files=reference_upload, headers={"Origin": ours}), 403, "auth.csrf")
    for foreign in ({"Origin": "https://evil.example"}, {"Referer": "https://evil.example/page"},
                    {"Sec-Fetch-Site": "cross-site"}, {"Origin": "null"}):
        r = api.post("/api/documents", files=reference_upload, headers=foreign | {"X-CSRF-Token": token})
        assert_error(r, 403, "auth.csrf")
    r = api.post("/api/documents", files=reference_upload, headers={"Origin": ours, "X-CSRF-Token": token})
    assert r.status_code == 201


def test_an_api_client_with_the_token_uploads_too(api, reference_upload):
    token = re.search(r'"X-CSRF-Token": "([^"]+)"', api.get("/").text).group(1)
    assert api.post("/api/documents", files=reference_upload, headers={"X-CSRF-Token": token}).status_code == 201


# -- /docs works offline -----------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def test_the_api_docs_load_nothing_from_another_host(api):
    page = api.get("/docs")
    assert page.status_code == 200
    links = _Links()
    links.feed(page.text)
    assert links.urls and all(u.startswith("/") and not u.startswith("//") for u in links.urls), links.urls
    assert not re.search(r"https?://|//cdn", page.text)
    for url in links.urls:
        assert api.get(url).status_code == 200, url
    assert api.get("/openapi.json").status_code == 200
    assert api.get("/redoc").status_code == 404  # ReDoc would load from a CDN: not offered

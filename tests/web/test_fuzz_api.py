"""Fuzzing the API (issue 11), bounded and repeatable (derandomize): on SQLite and PostgreSQL, random
uploads — bytes, file names, form fields — and hostile requests — huge ids, NUL, bad JSON, wrong
methods — never get a 500, and every error comes in the one error shape with a Chinese message.

The reader formats are fuzzed by their own tests (tests/sources); here the bytes are mostly noise
and truncated disclosures, to exercise the web and store layers. A longer run: set
YUSUAN_FUZZ_EXAMPLES and run this file alone; with 2000 (12,000 requests over the three tests and
two databases) it took 3.5 minutes on 2 shared cores, with no server error.
"""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from test_web_hardening import multipart

EXAMPLES = int(os.environ.get("YUSUAN_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
ERROR_KEYS = {"code", "message", "status", "detail"}


def assert_answer(r) -> None:
    """Never a server error; a 4xx in the error shape, with a Chinese message."""
    assert r.status_code < 500, (r.status_code, r.text[:500])
    if r.status_code >= 400 and r.content and r.headers.get("content-type", "").startswith("application/json"):
        err = r.json()["error"]
        assert set(err) == ERROR_KEYS and err["status"] == r.status_code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err["message"]), err


# -- uploads -----------------------------------------------------------------------------------

SUFFIXES = st.sampled_from(["", ".txt", ".pdf", ".docx", ".xlsx", ".doc", ".csv", ".TXT", ".exe"])
NAMES = st.one_of(
    st.sampled_from(["..", ".", "..\\..\\evil.txt", "../../x.txt", "CON", "a\x00b", "\u202eexe.txt", "", " "]),
    st.text(max_size=60),
)


def contents(reference: bytes):
    return st.one_of(
        st.binary(max_size=3000),
        st.integers(0, 4000).map(lambda n: reference[:n]),  # a disclosure cut short
        st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xd0\xcf\x11\xe0"])
        .flatmap(lambda head: st.binary(max_size=500).map(lambda tail: head + tail)),
        st.text(max_size=500).map(lambda t: t.encode("utf-8")),
    )


@st.composite
def uploads(draw, reference: bytes):
    name = draw(NAMES) + draw(SUFFIXES)
    data = draw(contents(reference))
    fields = draw(st.dictionaries(st.text(min_size=1, max_size=10), st.text(max_size=20), max_size=3))
    return draw(st.sampled_from(["files", "file", "upload"])), name, data, fields


def test_random_uploads_never_get_a_500(api, reference_path):
    reference = reference_path.read_bytes()

    @FUZZ
    @given(uploads(reference))
    def upload(case):
        field, name, data, fields = case
        r = api.post("/api/documents", files={field: (name, data, "application/octet-stream")}, data=fields)
        assert_answer(r)
        if r.status_code < 300:
            assert all(d["filename"] and "/" not in d["filename"] and "\\" not in d["filename"]
                       and "\x00" not in d["filename"] for d in r.json()["documents"])

    upload()


def test_raw_file_name_bytes_never_get_a_500(api):
    @FUZZ
    @given(st.binary(max_size=80), st.binary(max_size=300))
    def upload(name, data):
        body, headers = multipart(name, data)
        assert_answer(api.post("/api/documents", content=body, headers=headers))

    upload()


# -- hostile requests --------------------------------------------------------------------------

IDS = st.one_of(st.integers(-(2**70), 2**70), st.sampled_from([2**31, 2**31 - 1, 2**63, 0, -1]),
                st.text(max_size=12))
PATHS = ["/api/documents/{id}", "/api/documents/{id}/disclosure", "/api/documents/{id}/findings",
         "/api/documents/{id}/findings/{text}/accept", "/api/documents/{id}/export",
         "/api/documents/{id}/tables/{text}.{text}", "/documents/{id}", "/documents/{id}/findings/{text}/accept",
         "/api/documents", "/", "/compare", "/login", "/logout", "/upload"]
JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                           max_leaves=8)
BODIES = st.one_of(
    st.none(),
    st.binary(max_size=200).map(lambda b: ("application/json", b)),
    JSON_VALUES.map(lambda v: ("application/json", json.dumps(v).encode())),
    st.dictionaries(st.sampled_from(["reason", "username", "password", "csrf_token", "q"]), st.text(max_size=30))
    .map(lambda d: ("application/x-www-form-urlencoded", "&".join(f"{k}={v}" for k, v in d.items()).encode())),
)


@st.composite
def requests(draw):
    segment = st.text(min_size=1, max_size=10).filter(lambda t: t not in (".", "..")).map(lambda t: quote(t, safe=""))
    path = draw(st.sampled_from(PATHS)).replace("{id}", quote(str(draw(IDS)), safe=""))
    path = path.replace("{text}", draw(segment))  # percent-encoded: NUL and controls reach the server
    params = draw(st.dictionaries(st.sampled_from(["q", "year", "level", "template", "what", "a", "b", "severity",
                                                   "rule", "table"]), st.text(max_size=20) | IDS.map(str),
                                  max_size=3))
    return draw(st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])), path, params, draw(BODIES)


def test_hostile_requests_get_a_4xx_never_a_500(api, reference_upload):
    api.post("/api/documents", files=reference_upload)

    @FUZZ
    @given(requests())
    def send(case):
        method, path, params, body = case
        kw = {} if body is None else {"content": body[1], "headers": {"content-type": body[0]}}
        assert_answer(api.request(method, path, params=params, **kw))

    send()
    assert api.get("/api/documents").status_code == 200  # and the store still answers

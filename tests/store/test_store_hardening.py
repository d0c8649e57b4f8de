"""Store defects of issue 11, on SQLite and PostgreSQL: racing version numbers, reused ids, wildcards
in search, hostile file names, NUL in a user name, revocable sessions."""
from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import IntegrityError

from yusuan.store.schema import Document


@pytest.fixture(scope="module")
def reference_bytes(reference_path):
    return reference_path.read_bytes()


def revision(reference_bytes: bytes, n: int) -> bytes:
    """Version n of the reference publication: same organisation, year and stage, other bytes."""
    return reference_bytes + b"\n" * n


# -- 6: concurrent uploads of versions of one publication --------------------------------------


def test_ten_concurrent_uploads_of_one_publication_get_ten_version_numbers(store, reference, reference_bytes,
                                                                           monkeypatch):
    import yusuan.store.repository as repo

    uploads = 10
    first_read = threading.Barrier(uploads, timeout=60)
    waited = threading.local()
    read_acceptances = repo.DocumentStore._accepted  # read in the insert transaction, after the version

    def every_upload_reads_before_any_inserts(s, key):
        if not getattr(waited, "once", False):  # the worst case: all ten saw the same highest version
            waited.once = True
            first_read.wait()
        return read_acceptances(s, key)

    monkeypatch.setattr(repo.DocumentStore, "_accepted", staticmethod(every_upload_reads_before_any_inserts))
    monkeypatch.setattr(repo, "first_publication", lambda raw: reference)  # parse once: the race is the point
    stored, failures = [], []

    def upload(n: int) -> None:
        try:
            stored.append(store.ingest(f"v{n}.txt", revision(reference_bytes, n)))
        except Exception as exc:  # noqa: BLE001 (reported by the assertion below)
            failures.append(exc)

    threads = [threading.Thread(target=upload, args=(n,)) for n in range(uploads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert failures == []
    assert sorted(d.version for d in stored) == list(range(1, uploads + 1))
    assert [v.version for v in store.versions(stored[0].id)] == list(range(1, uploads + 1))


def test_the_database_refuses_a_second_document_with_the_same_version(store, reference_bytes):
    doc = store.ingest("a.txt", reference_bytes)
    with store.sessions() as s:
        row = {c: getattr(s.get(Document, doc.id), c) for c in Document.__table__.columns.keys() if c != "id"}
    with pytest.raises(IntegrityError), store.sessions.begin() as s:
        s.execute(insert(Document).values(row | {"sha256": "0" * 64}))


# -- 14: ids are never reused ------------------------------------------------------------------


def test_the_id_of_a_deleted_newest_document_is_not_given_again(store, reference_bytes):
    first = store.ingest("v1.txt", revision(reference_bytes, 1))
    newest = store.ingest("v2.txt", revision(reference_bytes, 2))
    assert store.delete(newest.id)
    third = store.ingest("v3.txt", revision(reference_bytes, 3))
    assert third.id > newest.id > first.id  # a bookmark of the deleted one never opens another


# -- 17: search text is literal ----------------------------------------------------------------


def test_percent_and_underscore_in_a_search_are_characters_not_wildcards(store, reference_bytes):
    store.ingest("阳泉市民政局.txt", reference_bytes)
    assert store.list(search="%") == [] and store.list(search="_") == []
    assert store.list(search="民政%局") == [] and store.list(search="民_局") == []
    assert [d.organisation for d in store.list(search="民政局")] == ["阳泉市民政局"]
    store.ingest("100%_预算.txt", revision(reference_bytes, 1))
    assert [d.filename for d in store.list(search="100%_")] == ["100%_预算.txt"]


# -- 18: hostile file names --------------------------------------------------------------------


@pytest.mark.parametrize("sent, kept", [
    ("..\\..\\evil.txt", "evil.txt"),
    ("..", "upload"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\张三\\桌面\\阳泉 民政局.txt", "阳泉 民政局.txt"),
    ("pre\x00view.txt", "preview.txt"),
    ("\u202etxt.exe", "txt.exe"),
    ("CON.txt", "_CON.txt"),
    ("a<b>:\"c\"|?*.txt", "a_b___c____.txt"),
    (".txt", "upload.txt"),
    ("", "upload"),
])
def test_a_file_name_is_stored_as_a_harmless_display_name(sent, kept):
    from yusuan.store.filenames import display_name

    assert display_name(sent) == kept


def test_an_overlong_name_keeps_its_extension():
    from yusuan.store.filenames import MAX_CHARS, display_name

    name = display_name("预" * 5000 + ".pdf")
    assert len(name) == MAX_CHARS and name.endswith(".pdf")


@pytest.mark.parametrize("sent, kept", [("..\\..\\evil.txt", "evil.txt"), ("..", "upload"),
                                         ("阳泉\x00.txt", "阳泉.txt")])
def test_the_store_keeps_the_display_name(store, reference_bytes, sent, kept):
    doc = store.ingest(sent, reference_bytes)
    assert doc.filename == kept and store.content(doc.id)[0] == kept


# -- 10: NUL never reaches the database (PostgreSQL refuses it) --------------------------------


def test_a_user_name_with_nul_is_no_user_and_cannot_be_created(store):
    from yusuan.errors import InputError
    from yusuan.store.users import add_user, authenticate

    add_user(store, "张审核", "correct horse", "reviewer")
    assert authenticate(store, "张审核\x00", "correct horse") is None
    with pytest.raises(InputError, match="控制字符"):
        add_user(store, "李\x00审核", "correct horse", "reviewer")
    assert authenticate(store, "张审核", "correct horse").role == "reviewer"  # the connection still works


# -- 12: sessions revocable server-side --------------------------------------------------------


def test_a_closed_session_signs_no_one_in(store):
    from yusuan.store.sessions import close_session, open_session, session_user
    from yusuan.store.users import add_user

    add_user(store, "张审核", "correct horse", "reviewer")
    token = open_session(store, "张审核", lifetime=timedelta(hours=8))
    assert session_user(store, token).username == "张审核"
    assert session_user(store, token + "x") is None and session_user(store, "坏\x00") is None
    close_session(store, token)
    assert session_user(store, token) is None


def test_an_expired_session_signs_no_one_in(store):
    from yusuan.store.sessions import open_session, session_user
    from yusuan.store.users import add_user

    add_user(store, "张审核", "correct horse", "reviewer")
    assert session_user(store, open_session(store, "张审核", lifetime=timedelta(seconds=-1))) is None


def test_the_store_keeps_only_a_digest_of_the_session_token(store):
    from yusuan.store.schema import WebSession
    from yusuan.store.sessions import open_session

    token = open_session(store, "张审核", lifetime=timedelta(hours=1))
    with store.sessions() as s:
        stored = s.scalars(select(WebSession.token_hash)).all()
    assert len(stored) == 1 and token not in stored[0] and len(stored[0]) == 64
    with store.sessions() as s:
        assert s.scalar(select(func.count()).select_from(WebSession)) == 1

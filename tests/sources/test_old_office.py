"""Old Office files told apart by their streams: an .xls (or WPS 表格 .et) workbook is read; a .doc or
.wps document is refused with a Chinese message saying how to convert it (exit code 2 at the CLI);
an OpenDocument spreadsheet is read and an OpenDocument text refused."""
from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile

import pytest
from soffice import convert, needs_soffice

from yusuan.errors import InputError
from yusuan.sources.detect import sniff
from yusuan.sources.ole import has_stream

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def compound(*names: str) -> bytes:
    """A compound file's header and one directory sector holding `names` (128-byte entries)."""
    entries = b""
    for name in ("Root Entry", *names):
        encoded = (name + "\0").encode("utf-16-le")
        entries += encoded.ljust(64, b"\0") + len(encoded).to_bytes(2, "little") + b"\x02".ljust(62, b"\0")
    return OLE + b"\0" * 504 + entries.ljust(512, b"\0")


def odf(mime: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", mime)
        z.writestr("content.xml", "<x/>")
    return buf.getvalue()


def test_a_workbook_stream_makes_an_xls_and_a_word_stream_a_refused_doc():
    assert sniff(compound("Workbook")) == "xls"
    assert sniff(compound("Book")) == "xls"  # BIFF5, as old WPS and Excel 95 wrote
    with pytest.raises(InputError) as err:
        sniff(compound("WordDocument", "1Table"))
    assert err.value.code == "input.wrong_type"
    assert "旧版 Word/WPS" in str(err.value) and "另存为 .docx" in str(err.value) and "soffice" in str(err.value)


def test_a_stream_name_in_the_text_is_no_stream():
    text = ("x" + "Workbook").encode("utf-16-le") + b"\0\0"  # the name at an odd place, no entry around it
    assert not has_stream(compound("WordDocument") + text, "Workbook")


def test_opendocument_spreadsheet_is_read_and_text_refused():
    assert sniff(odf("application/vnd.oasis.opendocument.spreadsheet")) == "ods"
    with pytest.raises(InputError) as err:
        sniff(odf("application/vnd.oasis.opendocument.text"))
    assert ".odt" in str(err.value) and "另存为 .docx" in str(err.value)


@needs_soffice
def test_a_real_doc_is_refused_at_the_cli_with_how_to_convert(tmp_path):
    import docx

    source = tmp_path / "说明.docx"
    document = docx.Document()
    document.add_paragraph("2025年部门预算公开说明")
    document.save(str(source))
    old = convert(source, "doc", tmp_path / "old")
    wps = old.with_suffix(".wps")  # WPS 文字 saves the same format under its own suffix
    wps.write_bytes(old.read_bytes())
    env = {**os.environ, "COLUMNS": "300"}
    for path in (old, wps):
        r = subprocess.run([sys.executable, "-m", "yusuan", "ingest", str(path)], capture_output=True, text=True,
                           timeout=120, env=env)
        assert r.returncode == 2, r.stderr
        assert "旧版 Word/WPS 文字文件" in r.stderr and "--convert-to docx" in r.stderr
        assert "Traceback" not in r.stderr

"""The text reader: lines, cells and line numbers as printed; bad input refused in Chinese."""
from pathlib import Path

import pytest

from yusuan.errors import InputError
from yusuan.sources.detect import read_source
from yusuan.sources.text import read_text


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_reference_lines_keep_cells_and_numbers(reference_raw):
    by_line = {ln.line: ln for ln in reference_raw.lines}
    row = next(ln for ln in reference_raw.lines if ln.cells[:1] == ("一、一般公共预算",))
    assert row.is_row and row.cells == ("一、一般公共预算", "3008.67", "一、一般公共服务支出", "1.47", "1.47", "")
    assert by_line[row.line] is row
    assert reference_raw.format == "txt" and len(reference_raw.sha256) == 64


def test_blank_lines_are_kept_as_empty_lines(tmp_path):
    raw = read_text(write(tmp_path, "a.txt", "表一\n\n合计\t1.00\n".encode()))
    assert [ln.cells for ln in raw.lines] == [("表一",), (), ("合计", "1.00")]
    assert [ln.line for ln in raw.lines] == [1, 2, 3]


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "input.empty"),
        (b"   \n\n", "input.empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "input.binary"),
        ("部门名称：阳泉市民政局\t合计\t4411.49\n".encode("gbk"), "input.encoding_gbk"),
    ],
)
def test_bad_text_input_gets_a_chinese_error(tmp_path, data, code):
    with pytest.raises(InputError) as err:
        read_source(write(tmp_path, "bad.txt", data))
    assert err.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)


def test_gbk_reads_when_the_user_names_the_encoding(tmp_path):
    p = write(tmp_path, "gbk.txt", "部门名称：阳泉市民政局\n".encode("gbk"))
    raw = read_source(p, encoding="gbk")
    assert raw.lines[0].cells == ("部门名称：阳泉市民政局",)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="找不到文件"):
        read_source(tmp_path / "none.txt")
    with pytest.raises(InputError, match="目录"):
        read_source(tmp_path)


def test_zip_that_is_not_office_is_refused(tmp_path):
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(InputError) as err:
        read_source(write(tmp_path, "x.xlsx", buf.getvalue()))
    assert err.value.code == "input.wrong_type"


def test_encrypted_office_file_says_it_is_encrypted(tmp_path):
    # An encrypted .xlsx is an OLE container with an "EncryptedPackage" stream in its directory.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 512
    with pytest.raises(InputError) as err:
        read_source(write(tmp_path, "secret.xlsx", data))
    assert err.value.code == "input.office_encrypted" and "加密" in err.value.message

"""`ingest` and `audit` take --max-pages to read a PDF longer than the reader's 300-page limit."""
from __future__ import annotations

from cli_inprocess import run_cli
from pdf_builders import build_pdf, text


def test_max_pages_raises_the_limit_for_ingest_and_audit(tmp_path, monkeypatch, capsys):
    path = tmp_path / "long.pdf"
    path.write_bytes(build_pdf([text(60, 500, "Page of a very long file")] * 301))
    code, said = run_cli(["ingest", str(path), "-o", str(tmp_path / "x.json")], monkeypatch, capsys)
    assert code == 2 and "超过上限 300 页" in said and "--max-pages" in said
    for command in (["ingest", str(path), "-o", str(tmp_path / "x.json")], ["audit", str(path), "-f", "json"]):
        code, said = run_cli([*command, "--max-pages", "400"], monkeypatch, capsys)
        assert code == 2 and "超过上限" not in said and "不是预算公开文件" in said  # read, then judged


def test_max_pages_also_lowers_it(tmp_path, monkeypatch, capsys):
    path = tmp_path / "short.pdf"
    path.write_bytes(build_pdf([text(60, 500, "Page")] * 3))
    code, said = run_cli(["audit", str(path), "--max-pages", "2"], monkeypatch, capsys)
    assert code == 2 and "共 3 页，超过上限 2 页" in said

"""Every reader stays within a memory budget on a small file that expands when read (issue 19).

Each input is read in a child process whose address space is capped at 1 GiB (RLIMIT_AS), through the
whole job a user runs (fuzz_inputs.job_outcome: read, recognise, audit, reports; a budget book is
checked and compiled). The child must end with a reading or a yusuan error in Chinese — not a
MemoryError, not a native abort — and its peak resident memory must stay under BUDGET_MB. Without the
reader's bound each of these files takes gigabytes (bench/README.md "Hostile inputs").
"""
from __future__ import annotations

import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from fuzz_inputs import SEEDS, deflated_comment
from pdf_builders import _serialise, text
from test_hostile_pdf import pages_pdf
from test_hostile_xlsx import workbook

TESTS = Path(__file__).resolve().parents[1]
ADDRESS_SPACE_MB = 1024
BUDGET_MB = 400

# The child: cap its address space, run the job on the file or folder, print the outcome and its peak.
CHILD = """
import json, resource, sys
from pathlib import Path
cap = int(sys.argv[1]) << 20
resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
sys.path[:0] = [sys.argv[2], sys.argv[2] + "/sources"]
from fuzz_inputs import Crash, job_outcome
reader, path, pictures = sys.argv[3], Path(sys.argv[4]), sys.argv[5] == "1"
data = {p.name: p.read_bytes() for p in path.iterdir()} if path.is_dir() else path.read_bytes()
try:
    outcome = job_outcome(path.name, reader, data, pictures=pictures)
except Crash as exc:
    outcome = "CRASH " + str(exc)[:300]
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would count the parent's memory
peak = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps([outcome, peak >> 10]))
"""


def read_in_child(reader: str, path: Path, *, pictures: bool = False) -> tuple[str, int]:
    """(outcome, peak resident MB) of the job on `path` in a capped child process."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(ADDRESS_SPACE_MB), str(TESTS), reader, str(path),
                           "1" if pictures else "0"], capture_output=True, text=True, env=env)
    assert done.returncode == 0, f"the child died (exit {done.returncode}): {done.stderr[-1500:]}"
    outcome, peak = json.loads(done.stdout.strip().splitlines()[-1])
    return outcome, peak


def within_budget(reader: str, path: Path, expected: set[str], *, pictures: bool = False) -> None:
    outcome, peak = read_in_child(reader, path, pictures=pictures)
    assert peak < BUDGET_MB, f"{peak} MB ({outcome})"
    assert outcome in expected, outcome


def package(template: bytes, member: str, content: bytes) -> bytes:
    """An Office package with one member replaced (deflated: a long run of one letter packs 1000 to 1)."""
    source, out = zipfile.ZipFile(io.BytesIO(template)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in source.infolist():
            z.writestr(info.filename, content if info.filename == member else source.read(info))
    return out.getvalue()


def test_text_file_of_20_mb_is_refused_within_the_budget(tmp_path):
    """Bound: sources/text.py MAX_TEXT_BYTES (10 MB of text once took 708 MB)."""
    seed = SEEDS["txt"].read_bytes()
    path = tmp_path / "long.txt"
    path.write_bytes(seed * (20 * 2 ** 20 // len(seed) + 1))
    within_budget("txt", path, {"input.text_too_large"})


def test_pdf_page_inflating_to_600_mb_is_left_unread_within_the_budget(tmp_path):
    """Bound: sources/pdf_contents.py MAX_PAGE_CONTENT (p09: 1 GiB of content, > 2 GiB of memory)."""
    bomb, second = deflated_comment(600 << 20), text(72, 500, "Second page of text")
    font = b"<< /Font << /F1 7 0 R >> >>"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(bomb), bomb),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources %s /Contents 3 0 R >>" % font,
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(second), second),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources %s /Contents 5 0 R >>" % font,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_serialise(objects))
    assert path.stat().st_size < 1 << 20
    within_budget("pdf", path, {"read", "input.not_disclosure", "input.pdf_page_too_large"}, pictures=True)


def test_pdf_page_of_a_billion_points_is_drawn_within_the_budget(tmp_path):
    """Bound: sources/page_image.py MAX_SIDE (p17's 14,400 pt pages drawn at 3x: 2.5 GB)."""
    path = tmp_path / "huge.pdf"
    path.write_bytes(pages_pdf([text(72, 500, "A page of a billion points")],
                               boxes=(b"/MediaBox [0 0 1000000000 1000000000]",)))
    within_budget("pdf", path, {"read", "input.not_disclosure"}, pictures=True)


def test_docx_whose_document_inflates_to_280_mb_is_refused_within_the_budget(tmp_path):
    """Bound: sources/ooxml.py ZipLimits.max_ratio (a member packed 1000 to 1 is a bomb)."""
    body = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' \
        b"<w:p><w:r><w:t>" + b"x" * (280 << 20) + b"</w:t></w:r></w:p></w:body></w:document>"
    path = tmp_path / "bomb.docx"
    path.write_bytes(package(SEEDS["docx"].read_bytes(), "word/document.xml", body))
    assert path.stat().st_size < 2 << 20
    within_budget("docx", path, {"input.zip_bomb"})


def test_xlsx_shared_string_of_a_million_characters_in_600_cells_is_refused_within_the_budget(tmp_path):
    """Bound: sources/xlsx.py MAX_TEXT (x04: a 2 MB string in 600 cells, 1.96 GB)."""
    cells = "".join(f'<row r="{r}"><c r="A{r}" t="s"><v>0</v></c></row>' for r in range(1, 601))
    path = tmp_path / "sst.xlsx"
    letters = random.Random(19).choices("一二三四五六七八九十百千万亿元角", k=1 << 20)  # packs 1 to 6, no zip bomb
    path.write_bytes(workbook(cells, strings=("".join(letters),)))
    assert path.stat().st_size < 2 << 20
    within_budget("xlsx", path, {"input.xlsx_too_large"})


def test_book_folder_with_a_yaml_alias_bomb_is_refused_within_the_budget(tmp_path):
    """Bound: author/folder_book.py MAX_YAML_VALUES (b01b: 9⁹ strings, > 2 GiB in 20 s)."""
    book = Path(shutil.copytree(SEEDS["book_folder"], tmp_path / "book"))
    text_ = (book / "book.yaml").read_text(encoding="utf-8")
    bomb = "".join(f"{b}: &{b} [" + ",".join([f"*{a}" if a else '"lol"'] * 9) + "]\n"
                   for a, b in zip(["", *"abcdefgh"], "abcdefghi"))  # 9 levels of 9: 9⁹ strings
    (book / "book.yaml").write_text(bomb + re.sub("内设机构: .*", "内设机构: *i", text_, count=1), encoding="utf-8")
    within_budget("book_folder", book, {"book.invalid"})


def test_book_workbook_whose_sheet_inflates_to_280_mb_is_refused_within_the_budget(tmp_path):
    """Bound: sources/ooxml.py, which the book's workbook reader opens it with (author/xlsx_book.py):
    a cell of 280 MB added to the second row of sheet 8 (one the book reads: 612 MB without the bound)."""
    template = SEEDS["book_xlsx"].read_bytes()
    member = "xl/worksheets/sheet8.xml"
    sheet = zipfile.ZipFile(io.BytesIO(template)).read(member)
    cell = b'<c r="Z2" t="inlineStr"><is><t>' + b"x" * (280 << 20) + b"</t></is></c></row>"
    second_row = re.search(rb'<row r="2"[^>]*>.*?</row>', sheet, re.S)
    assert second_row is not None
    sheet = sheet[:second_row.end() - len(b"</row>")] + cell + sheet[second_row.end():]
    path = tmp_path / "book.xlsx"
    path.write_bytes(package(template, member, sheet))
    assert path.stat().st_size < 2 << 20
    within_budget("book_xlsx", path, {"input.zip_bomb"})


def test_the_child_measures_a_plain_reading_too(tmp_path):
    """The harness itself: an ordinary small PDF reads in the child and its peak is measured."""
    path = tmp_path / "plain.pdf"
    path.write_bytes(pages_pdf([text(72, 500, "Plain page")]))
    outcome, peak = read_in_child("pdf", path)
    assert outcome in {"read", "input.not_disclosure"} and 0 < peak < BUDGET_MB

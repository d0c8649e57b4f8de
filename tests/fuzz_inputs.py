"""Hostile inputs made from real small ones, and the one property every reader must keep.

Shared by the fuzz tests (tests/sources/test_fuzz_readers.py, bounded and derandomised) and the long
run (bench/fuzz_readers.py). A case is (reader, mutation, seed): the seed drives a random.Random, so
every case can be replayed from its three names.

The property: the whole job a user runs (read, recognise, audit, the JSON and text report; for a
budget book: check and compile) either succeeds or stops with a yusuan error whose message is
Chinese. Any other exception is a crash (exit 70 in the CLI, HTTP 500 on the web).
"""
from __future__ import annotations

import io
import random
import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
BOOKS = ROOT / "src" / "yusuan" / "author" / "samples"
SEEDS = {
    "txt": SAMPLES / "yangquan-civil-affairs-2025-dept-budget.txt",
    "pdf": SAMPLES / "fuzz" / "putuo-welfare-home-2024-4-pages.pdf",
    "docx": SAMPLES / "fuzz" / "yangquan-2025-4-tables.docx",
    "xlsx": SAMPLES / "fuzz" / "yangquan-2025-4-tables.xlsx",
    "book_xlsx": BOOKS / "yangquan-2025.xlsx",
    "book_folder": BOOKS / "yangquan-2025",
}
READERS = tuple(SEEDS)
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Bytes a hostile file likes: NUL, a lone surrogate in UTF-8 form, an invalid lead byte, a BOM, huge numbers.
_JUNK = (b"\x00", b"\xed\xa0\x80", b"\xff", b"\xef\xbb\xbf", b"\xff\xfe", b"9" * 400, b"1e308", b"-0.000000000000000000000000001",
         b"\t" * 50, b"\n" * 20, "合计".encode(), "\ufffd".encode(), b"<", b"&#xD800;", b"(", b"obj", b"R")
_NUMBER = re.compile(rb"\d+(\.\d+)?")


# -- mutations: (rng, bytes) -> bytes ------------------------------------------------------------------


def bit_flips(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def delete_bytes(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randint(1, max(1, len(data) // rng.choice((1000, 100, 20)))):]


def insert_junk(rng: random.Random, data: bytes) -> bytes:
    out = data
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(out) + 1)
        junk = rng.choice(_JUNK) if rng.random() < 0.7 else bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        out = out[:i] + junk + out[i:]
    return out


def repeat_span(rng: random.Random, data: bytes) -> bytes:
    i = rng.randrange(len(data))
    span = data[i: i + rng.randint(1, 4096)]
    return data[:i] + span * rng.randint(2, 20) + data[i:]


def numbers(rng: random.Random, data: bytes) -> bytes:
    """Printed numbers changed: huge, negative, long decimals, empty."""
    found = list(_NUMBER.finditer(data))
    if not found:
        return insert_junk(rng, data)
    out = bytearray(data)
    for m in sorted(rng.sample(found, min(len(found), rng.randint(1, 10))), key=lambda m: -m.start()):
        new = rng.choice((b"9" * rng.randint(16, 400), b"-" + m.group(), m.group() + b"." + b"1" * 30, b"",
                          b"1e308", b"0", str(rng.randint(-10 ** 9, 10 ** 9)).encode()))
        out[m.start(): m.end()] = new
    return bytes(out)


def zip_member(rng: random.Random, data: bytes, inner=None) -> bytes:
    """One member of an Office package mutated as bytes, the package rewritten (valid ZIP, bad content)."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        members = [(info, package.read(info)) for info in package.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return bit_flips(rng, data)
    victim = rng.randrange(len(members))
    if inner is not None:  # aim at the content: the largest members are the sheets and the document
        victim = max(rng.sample(range(len(members)), min(3, len(members))), key=lambda k: len(members[k][1]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for k, (info, content) in enumerate(members):
            if k == victim and content:
                content = (inner or rng.choice(BYTE_MUTATIONS))(rng, content)
            if k == victim and inner is None and rng.random() < 0.1:
                continue  # the member left out
            z.writestr(info.filename, content)
    return out.getvalue()


def _inside(mutation):
    def mutate(rng: random.Random, data: bytes) -> bytes:
        return zip_member(rng, data, mutation)

    mutate.__name__ = f"member_{mutation.__name__}"
    return mutate


# Byte changes to an Office package mostly break a member's checksum: these reach the XML inside.
MEMBER_MUTATIONS = tuple(_inside(m) for m in (numbers, insert_junk, delete_bytes, repeat_span, bit_flips))


def zip_stream(rng: random.Random, data: bytes) -> bytes:
    """Bytes inside one member's compressed stream damaged, the ZIP's directory left as it was."""
    try:
        infos = [i for i in zipfile.ZipFile(io.BytesIO(data)).infolist() if i.compress_size > 4]
    except (zipfile.BadZipFile, OSError, ValueError):
        return bit_flips(rng, data)
    info = rng.choice(infos)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        out[start + rng.randrange(info.compress_size)] = rng.randrange(256)
    return bytes(out)


def pdf_objects(rng: random.Random, data: bytes) -> bytes:
    """A PDF's objects renumbered or emptied (a page tree pointing anywhere, deleted pages)."""
    heads = list(re.finditer(rb"(\d+) (\d+) obj", data))
    if not heads:
        return bit_flips(rng, data)
    out = bytearray(data)
    for m in rng.sample(heads, min(len(heads), rng.randint(1, 3))):
        a, b = m.span(1)
        replacement = str(rng.choice((0, 1, 2, 3, rng.randint(1, 99), 10 ** 9))).encode().rjust(b - a)[: b - a]
        out[a:b] = replacement
    refs = list(re.finditer(rb"(\d+) 0 R", bytes(out)))
    if refs and rng.random() < 0.5:
        m = rng.choice(refs)
        a, b = m.span(1)
        out[a:b] = str(rng.randint(1, 9) * 10 ** (b - a - 1)).encode()[: b - a]
    return bytes(out)


# -- expanding mutations (issue 19): small files that become huge when read ---------------------------


def _rewrite_members(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    """The package with change(name, content) applied to every member (valid ZIP)."""
    package, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in package.infolist():
            z.writestr(info.filename, change(info.filename, package.read(info)))
    return out.getvalue()


def _sheets(data: bytes) -> list[str]:
    try:
        return [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("xl/worksheets/sheet")]
    except (zipfile.BadZipFile, OSError, ValueError):
        return []


def shared_string_bomb(rng: random.Random, data: bytes) -> bytes:
    """One long shared string (up to 4 MB) referenced by every shared-string cell of a sheet and by
    up to 5,000 cells added below: megabytes of file, gigabytes of cell text once expanded."""
    sheets = _sheets(data)
    if not sheets:
        return bit_flips(rng, data)
    victim, long = rng.choice(sheets), rng.choice("合计x ") * rng.choice((1 << 10, 1 << 16, 1 << 20, 4 << 20))
    extra = rng.choice((0, 100, 1000, 5000))

    def change(name: str, content: bytes) -> bytes:
        if name == "xl/sharedStrings.xml":
            return re.sub(rb"<si>.*?</si>", f"<si><t>{long}</t></si>".encode(), content, count=1, flags=re.S)
        if name != victim:
            return content
        content = re.sub(rb'(<c [^>]*t="s"[^>]*>\s*<v>)\d+(</v>)', rb"\g<1>0\2", content)
        last = max((int(r) for r in re.findall(rb'<row r="(\d+)"', content)), default=0)
        rows = "".join(f'<row r="{last + i}"><c r="A{last + i}" t="s"><v>0</v></c></row>' for i in range(1, extra + 1))
        return content.replace(b"</sheetData>", rows.encode() + b"</sheetData>", 1)

    return _rewrite_members(data, change)


def full_height_merges(rng: random.Random, data: bytes) -> bytes:
    """Up to 20,000 merges running down the whole sheet (1,048,576 rows) added to a sheet."""
    sheets = _sheets(data)
    if not sheets:
        return bit_flips(rng, data)
    victim, n = rng.choice(sheets), rng.choice((10, 500, 2000, 20000))
    cols = ["A", "B", "C", "D", "AA", "XFD"]
    merges = "".join(f'<mergeCell ref="{rng.choice(cols)}{rng.randint(1, 9)}:{rng.choice(cols)}1048576"/>'
                     for _ in range(n)).encode()

    def change(name: str, content: bytes) -> bytes:
        if name != victim:
            return content
        if b"<mergeCells" in content:
            return re.sub(rb"(<mergeCells[^>]*>)", lambda m: m.group(1) + merges, content, count=1)
        return content.replace(b"</sheetData>", b"</sheetData><mergeCells>" + merges + b"</mergeCells>", 1)

    return _rewrite_members(data, change)


def _pdf_pages(rng: random.Random, data: bytes, change) -> bytes:
    """The PDF rewritten by pypdf with change(writer, page) applied to one page (a valid file)."""
    from pypdf import PdfWriter

    try:
        writer = PdfWriter(clone_from=io.BytesIO(data))
        change(writer, writer.pages[rng.randrange(len(writer.pages))])
        out = io.BytesIO()
        writer.write(out)
    except Exception:  # noqa: BLE001 - a seed pypdf cannot rewrite: mutate its bytes instead
        return bit_flips(rng, data)
    return out.getvalue()


def deflated_comment(size: int) -> bytes:
    """Page content of `size` bytes (a comment line of spaces) deflated a megabyte at a time: a few
    hundred bytes per megabyte, without ever holding the content."""
    packer, piece = zlib.compressobj(9), b" " * (1 << 20)
    return packer.compress(b"%") + b"".join(packer.compress(piece) for _ in range(size >> 20)) + packer.flush()


def inflate_bomb(rng: random.Random, data: bytes) -> bytes:
    """A content stream added to a page that inflates to 32–512 MB (a comment line of spaces),
    sometimes deflated twice (the second layer hides the first from a size check)."""
    from pypdf.generic import ArrayObject, NameObject, StreamObject

    size, twice = rng.choice((32, 65, 128, 512)) << 20, rng.random() < 0.3
    packed = deflated_comment(size)
    if twice:
        packed = zlib.compress(packed, 9)

    def change(writer, page) -> None:
        stream = StreamObject()
        stream.set_data(packed)
        stream[NameObject("/Filter")] = ArrayObject([NameObject("/FlateDecode")] * (2 if twice else 1))
        old = page.get("/Contents")
        contents = [*(old.get_object() if isinstance(old.get_object(), list) else [old])] if old is not None else []
        page[NameObject("/Contents")] = ArrayObject([writer._add_object(stream), *contents][:: rng.choice((1, -1))])

    return _pdf_pages(rng, data, change)


def huge_media_box(rng: random.Random, data: bytes) -> bytes:
    """A page's MediaBox made huge (up to the 14,400 pt PDF limit, or past it), sometimes off the origin."""
    from pypdf.generic import RectangleObject

    side = rng.choice((14400, 200_000, 10 ** 9))
    corner = rng.choice((0, -side // 2))

    def change(writer, page) -> None:
        page.mediabox = RectangleObject((corner, corner, corner + side, corner + rng.choice((side, 842))))
        if rng.random() < 0.5 and "/CropBox" in page:
            del page["/CropBox"]

    return _pdf_pages(rng, data, change)


def yaml_laughs(rng: random.Random, data: bytes) -> bytes:
    """Billion laughs in book.yaml: `depth` levels of `width` aliases each, referenced from a field
    (5⁵ = 3,125 values is a book that reads; 9⁹ would be 387 million)."""
    width, depth = rng.randint(3, 9), rng.randint(4, 9)
    names = [f"l{k}" for k in range(depth)]
    bomb = f"{names[0]}: &{names[0]} [" + ",".join(['"lol"'] * width) + "]\n"
    bomb += "".join(f"{b}: &{b} [" + ",".join([f"*{a}"] * width) + "]\n" for a, b in zip(names, names[1:]))
    field = rng.choice(("内设机构", "部门名称", "模板"))
    return bomb.encode() + re.sub(f"(\n  ){field}:[^\n]*".encode(), f"\\1{field}: *{names[-1]}".encode(), data, count=1)


# Mutations whose inputs expand when read (each costs up to seconds; the suite runs each once, and
# tests/sources/test_memory_budgets.py holds every bound to a memory budget; the long run draws them all).
EXPANDING = ("shared_string_bomb", "full_height_merges", "inflate_bomb", "huge_media_box", "yaml_laughs")

# The file of a folder book a mutation is aimed at (other mutations pick one at random).
TARGET_FILE = {"yaml_laughs": "book.yaml"}

BYTE_MUTATIONS: tuple[Callable[[random.Random, bytes], bytes], ...] = (
    bit_flips, truncate, delete_bytes, insert_junk, repeat_span, numbers)
XLSX_BOMBS = (shared_string_bomb, full_height_merges)
MUTATIONS: dict[str, tuple[Callable[[random.Random, bytes], bytes] | str, ...]] = {
    "txt": BYTE_MUTATIONS,
    "pdf": (*BYTE_MUTATIONS, pdf_objects, inflate_bomb, huge_media_box),
    "docx": (*BYTE_MUTATIONS, zip_member, zip_stream, *MEMBER_MUTATIONS),
    "xlsx": (*BYTE_MUTATIONS, zip_member, zip_stream, *MEMBER_MUTATIONS, *XLSX_BOMBS),
    "book_xlsx": (*BYTE_MUTATIONS, zip_member, zip_stream, *MEMBER_MUTATIONS, *XLSX_BOMBS),
    "book_folder": (*BYTE_MUTATIONS, "gbk", "utf-16", yaml_laughs),  # gbk, utf-16: re-encoded as Windows would save it
}


@dataclass(frozen=True)
class Case:
    reader: str
    mutation: str
    seed: int

    def __str__(self) -> str:
        return f"{self.reader}:{self.mutation}:{self.seed}"


def mutation_names(reader: str) -> list[str]:
    return [m if isinstance(m, str) else m.__name__ for m in MUTATIONS[reader]]


def _mutate(name: str, rng: random.Random, data: bytes) -> bytes:
    if name in ("gbk", "utf-16"):
        try:
            return data.decode("utf-8-sig").encode(name, errors="replace")
        except UnicodeDecodeError:
            return data
    funcs = {f.__name__: f for fs in MUTATIONS.values() for f in fs if not isinstance(f, str)}
    return funcs[name](rng, data) if data else data


_SEED_BYTES: dict[str, object] = {}


def seed_of(reader: str):
    """The real input a reader's cases start from (bytes; for the folder book: file name -> bytes)."""
    if reader not in _SEED_BYTES:
        path = SEEDS[reader]
        _SEED_BYTES[reader] = ({p.name: p.read_bytes() for p in sorted(path.iterdir()) if p.is_file()}
                               if path.is_dir() else path.read_bytes())
    return _SEED_BYTES[reader]


def mutated(case: Case):
    """The case's input: the seed input with its mutation applied (one file of a folder book)."""
    rng = random.Random(f"{case}")
    seed = seed_of(case.reader)
    if isinstance(seed, dict):
        files = dict(seed)
        victim = TARGET_FILE.get(case.mutation) or rng.choice(sorted(files))
        files[victim] = _mutate(case.mutation, rng, files[victim])
        return files
    return _mutate(case.mutation, rng, seed)


# -- the property ------------------------------------------------------------------------------------


class Crash(AssertionError):
    """The job ended in an exception that is not a yusuan error with a Chinese message."""


def run_case(case: Case) -> str:
    """'read' when the job succeeded, else the yusuan error's code; Crash for anything else."""
    return job_outcome(str(case), case.reader, mutated(case),
                       pictures=case.mutation in ("huge_media_box", "inflate_bomb"))


def job_outcome(name: str, reader: str, data, *, pictures: bool = False) -> str:
    """The property on one input (bytes; for a folder book: file name -> bytes), `name` in a Crash;
    with `pictures`, a PDF's pages are also drawn as the web and the checklist draw them."""
    from yusuan.errors import YusuanError

    try:
        _job(reader, data, pictures=pictures)
    except YusuanError as exc:
        if not _HAN.search(exc.message):
            raise Crash(f"{name}: error without a Chinese message: {exc.message!r}") from exc
        return exc.code
    except Exception as exc:  # noqa: BLE001 - what the property is about
        from yusuan.author.cells import BookError

        if isinstance(exc, BookError) and exc.problems and all(_HAN.search(str(p)) for p in exc.problems):
            return "book.invalid"
        raise Crash(f"{name}: {type(exc).__name__}: {exc}"[:2000]) from exc
    return "read"


def _job(reader: str, data, *, pictures: bool = False) -> None:
    if reader.startswith("book_"):
        _book_job(reader, data)
        return
    from yusuan.recognize.pipeline import recognize
    from yusuan.sources.detect import read_source

    raw = read_source(Path(f"fuzz.{reader}"), data=data)
    if pictures:  # what the web's page view and the checklist's 问题截图 draw of a page (whatever it holds)
        from yusuan.sources.page_image import render_page

        pages = render_page(data, 1, scale=3.0).pages
        for page in range(2, pages + 1):
            render_page(data, page, scale=3.0)
    _audit_and_write(recognize(raw))


def _book_job(reader: str, data) -> None:
    from yusuan.author import build_disclosure

    with tempfile.TemporaryDirectory() as folder:
        if isinstance(data, dict):
            book = Path(folder) / "book"
            book.mkdir()
            for name, content in data.items():
                (book / name).write_bytes(content)
        else:
            book = Path(folder) / "book.xlsx"
            book.write_bytes(data)
        _audit_and_write(build_disclosure(book))


def _audit_and_write(d) -> None:
    """What `yusuan audit` does after reading: the audit, its text and JSON reports, the JSON of the disclosure."""
    from rich.console import Console

    from yusuan.audit.runner import audit
    from yusuan.report.json_report import dumps as report_dumps
    from yusuan.report.text import render_text
    from yusuan.serialize import dumps

    report = audit(d)
    render_text(report, Console(file=io.StringIO(), width=120), disclosure=d)
    report_dumps(report, d).encode("utf-8")
    dumps(d).encode("utf-8")

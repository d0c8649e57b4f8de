"""Tiny PDFs written by hand at test time: text pages, a ruled table, an image-only (scanned) page.

Only the standard Helvetica font is used (no embedding), so the text is ASCII; that is enough to
exercise the reader's geometry (grids, gaps, paragraphs) without shipping binary fixtures.
"""
from __future__ import annotations


def build_pdf(page_streams: list[bytes], *, image: bool = False, rotated: bool = False) -> bytes:
    """A PDF with one page per content stream (A4 landscape), Helvetica as /F1, a grey image as /Im1.

    rotated: store each landscape page as a portrait page turned by /Rotate 90, as some PDF printers
    do; the streams are drawn in the displayed page's coordinates all the same.
    """
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    pages = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    resources = b"/Font << /F1 %d 0 R >>" % font
    if image:
        pixel = add(b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream")
        resources += b" /XObject << /Im1 %d 0 R >>" % pixel
    shared: dict[bytes, int] = {}
    kids = []
    box, turn = (b"[0 0 595 842]", b" /Rotate 90") if rotated else (b"[0 0 842 595]", b"")
    for stream in page_streams:
        if rotated:
            stream = b"0 1 -1 0 595 0 cm\n" + stream  # displayed (X, Y) -> user (595 - Y, X)
        if stream not in shared:
            shared[stream] = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox %s%s /Resources << %s >> "
                        b"/Contents %d 0 R >>" % (pages, box, turn, resources, shared[stream])))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages
    objects[pages - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return _serialise(objects)


def _serialise(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text(x: float, y: float, s: str, size: int = 12) -> bytes:
    """Show `s` with its baseline at (x, y) in PDF coordinates (origin bottom left)."""
    escaped = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return b"BT /F1 %d Tf %.1f %.1f Td (%s) Tj ET\n" % (size, x, y, escaped.encode("latin-1"))


def ruled_table(x0: float, top: float, widths: list[float], rows: list[list[str]], height: float = 20,
                open_top: int = 0, open_bottom: bool = False) -> bytes:
    """A grid drawn with stroked lines; cell texts left-aligned ("\n" wraps a cell over two lines);
    a None cell is spanned by its left neighbour (no rule between them). As a page break leaves a
    table: open_top, the first so many columns have no top rule; open_bottom, no rule at the foot."""
    out = bytearray(b"0.5 w\n")
    xs = [x0]
    for w in widths:
        xs.append(xs[-1] + w)
    for i in range(len(rows) + 1):
        left = xs[open_top] if i == 0 else xs[0]
        if (i == 0 and open_top >= len(widths)) or (i == len(rows) and open_bottom):
            continue
        out += b"%.1f %.1f m %.1f %.1f l S\n" % (left, top - i * height, xs[-1], top - i * height)
    for r, row in enumerate(rows):
        y_top, y_bottom = top - r * height, top - (r + 1) * height
        for c, cell in enumerate(row):
            if c == 0 or cell is not None:  # a vertical rule on the cell's left, unless it is spanned
                out += b"%.1f %.1f m %.1f %.1f l S\n" % (xs[c], y_top, xs[c], y_bottom)
            for k, part in enumerate(reversed((cell or "").split("\n"))):  # a wrapped cell: lines upwards
                out += text(xs[c] + 3, y_bottom + 4 + 11 * k, part, 10) if part else b""
        out += b"%.1f %.1f m %.1f %.1f l S\n" % (xs[-1], y_top, xs[-1], y_bottom)
    return bytes(out)


def image_page() -> bytes:
    """A page that only paints an image: what a scanner produces."""
    return b"q 700 0 0 500 70 50 cm /Im1 Do Q\n"

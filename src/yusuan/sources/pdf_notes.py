"""What a reader of the printed page sees and the text layer hides: blank pages, text drawn
outside the page and text its clip path hides.

Reviewers of the 普陀区 checklist marked both: an empty page after the contents (多余的空表页) and
duties whose last lines were not shown (部分文字未正常显示: the text box ran past the page's edge
and its rest was drawn above the top of the next page). The text layer carries such text as if
it were printed; these notes say it is not.
"""
from __future__ import annotations

from .raw import RawLine, ReadNote

SLACK = 1.0  # points: glyph boxes may poke out of the page by a hair


def is_blank(page) -> bool:
    """A page without text that paints no image is blank (perhaps an empty ruled table: 空表页); one
    that paints an image is a scan."""
    import pypdfium2.raw as pdfium_c

    return not any(obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for obj in page.get_objects(max_depth=4))


def untexted_notes(doc, text_pages: tuple[bool, ...]) -> list[ReadNote]:
    """A page without a text layer is either blank (a page too many) or a picture (needs OCR)."""
    import pypdfium2 as pdfium

    notes = []
    for i, has_text in enumerate(text_pages, start=1):
        if has_text:
            continue
        try:
            page = doc[i - 1]
        except pdfium.PdfiumError:  # PDFium may refuse a page the second time it is asked for
            notes.append(ReadNote("read.page_damaged", f"PDF 第 {i} 页已损坏，无法解析，其内容未能读取。", i))
            continue
        try:
            blank = is_blank(page)
        finally:
            page.close()
        if blank:
            notes.append(ReadNote("read.blank_page", f"第 {i} 页是空白页（没有文字也没有图像），可能是多余的页面。", i))
        else:
            notes.append(ReadNote("read.page_without_text",
                                  f"第 {i} 页没有文字层（可能是扫描页），其内容未能读取，需要文字识别（OCR）。", i))
    return notes


def outside(box, size: tuple[float, float]) -> bool:
    x0, top, x1, bottom = box
    width, height = size
    return top < -SLACK or x0 < -SLACK or bottom > height + SLACK or x1 > width + SLACK


def off_page_notes(lines: tuple[RawLine, ...], sizes: dict[int, tuple[float, float]],
                   unseen: dict[int, str] | None = None) -> list[ReadNote]:
    """One note per page whose text runs (partly) beyond the page's edge: printed, it is cut off; text
    drawn wholly outside the page (`unseen`, left out of the lines) is named too."""
    hidden: dict[int, list[RawLine]] = {}
    for ln in lines:
        size = sizes.get(ln.page or 0)
        if size and any(b is not None and outside(b, size) for b in ln.bboxes or ()):
            hidden.setdefault(ln.page or 0, []).append(ln)
    notes = []
    for page in sorted(set(hidden) | set(unseen or {})):
        parts = []
        if page in hidden:
            first = " ".join(hidden[page][0].filled)
            parts.append(f"有 {len(hidden[page])} 行文字超出页面边界（如“{_short(first)}”），打印或阅读时显示不全")
        if unseen and page in unseen:
            parts.append(f"有 {len(unseen[page])} 个字画在页面之外（如“{_short(unseen[page])}”），打印或阅读时看不到，未读入")
        text = "".join(ln.text for ln in hidden.get(page, ())) + (unseen or {}).get(page, "")
        code = "read.text_off_page" if is_prose(text) else "read.cell_text_off_page"
        notes.append(ReadNote(code, f"第 {page} 页" + "；".join(parts) + "。", page))
    return notes


def is_prose(hidden: str) -> bool:
    """Hidden text with a sentence's marks is a paragraph cut short (普陀 司法局's duties: reviewers marked
    部分文字未正常显示); without, it is a table's labels or cells — a spreadsheet's merged cell whose label
    falls beyond the page it spans (西安's 年度绩效指标), a cell's overflow — which says nothing wrong."""
    return any(mark in hidden for mark in "，。")


def clipped_notes(clipped: dict[int, str], lines: tuple[RawLine, ...] = ()) -> list[ReadNote]:
    """One note per page whose text layer holds text its clip path hides (a text box too small for
    its text, a spreadsheet's cells beyond the print area): not printed, so not read. Hidden blanks
    hide nothing, nor does a hidden copy of what the page prints anyway (重庆 规划局 p.18's “11” of
    227,955.11, drawn twice)."""
    printed: dict[int, str] = {}
    for ln in lines:
        printed[ln.page or 0] = printed.get(ln.page or 0, "") + "".join(ln.text.split())
    shown = {page: "".join(text.split()) for page, text in clipped.items()}
    shown = {page: text for page, text in shown.items() if text not in printed.get(page, "")}
    return [ReadNote("read.text_clipped" if is_prose(text) else "read.cell_text_clipped", f"第 {page} 页有 {len(text)} 个字被裁剪区域遮住（如“{_short(text)}”），"
                     "打印或阅读时看不到，未读入。", page) for page, text in sorted(shown.items()) if text]


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"

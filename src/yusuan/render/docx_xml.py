"""Small WordprocessingML helpers python-docx does not offer: East Asian fonts, page-number
fields, repeated header rows, cell shading, landscape sections."""
from __future__ import annotations

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

SERIF, SANS = "宋体", "黑体"


def east_asian_font(style_or_run, name: str, size_pt: float | None = None) -> None:
    """Set a style's or run's font for Chinese text (w:eastAsia), not only for Latin text."""
    from docx.shared import Pt

    font = style_or_run.font
    font.name = name
    if size_pt:
        font.size = Pt(size_pt)
    element = style_or_run.element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.append(fonts)
    fonts.set(qn("w:eastAsia"), name)


def page_number_footer(section) -> None:
    """A centred ``第 N 页`` footer, N a PAGE field Word fills in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("第 ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    p._p.append(field)
    p.add_run(" 页")


def repeat_as_header(row) -> None:
    """Mark a table row as a header row repeated at the top of every page the table runs over."""
    trpr = row._tr.get_or_add_trPr()
    mark = OxmlElement("w:tblHeader")
    mark.set(qn("w:val"), "true")
    trpr.append(mark)


def keep_row_whole(row) -> None:
    """Forbid a page break inside the row (Word and Writer split a tall row by default, printing the rest
    of its name alone at the top of the next page, where a reader takes it for a row of its own)."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))


def shade(cell, fill: str = "F2F2F2") -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def orient(doc, landscape: bool):
    """The current section, or a new one on a new page when the orientation must change."""
    section = doc.sections[-1]
    if (section.orientation == WD_ORIENT.LANDSCAPE) == landscape:
        return section
    width, height = section.page_width, section.page_height
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = height, width
    return section

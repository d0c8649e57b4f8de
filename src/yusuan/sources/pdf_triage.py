"""What a PDF allows to be read: can it be opened, how many pages, which pages are damaged, which
have a text layer (each page is looked at once, as the reader reads it). Every refusal is a Chinese InputError with its own
code. A damaged page (its object deleted, a page tree pointing to itself …) does not stop the reading:
the other pages are read and each damaged one is reported."""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError

# PDFium's error code for a document that needs a password (FPDF_ERR_PASSWORD).
_ERR_PASSWORD = 4


@dataclass(frozen=True)
class Triage:
    pages: int
    text_pages: tuple[bool, ...]  # per page: has at least a few characters of text
    damaged_pages: tuple[int, ...] = ()  # 1-based numbers of the pages PDFium cannot load
    too_large_pages: tuple[int, ...] = ()  # pages whose content inflates past the bound (not loaded)

    def is_damaged(self, number: int) -> bool:
        return number in self.damaged_pages

    def is_too_large(self, number: int) -> bool:
        return number in self.too_large_pages


def open_pdf(data: bytes):
    """The document opened with PDFium, or a Chinese error saying why it cannot be (encrypted, damaged)."""
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc) from exc


def page_count(doc, max_pages: int) -> int:
    """The number of pages, or a Chinese error when there are none or too many."""
    count = len(doc)
    if count == 0:
        raise InputError("PDF 文件没有任何页面。", code="input.pdf_empty")
    if count > max_pages:
        raise InputError(
            f"PDF 共 {count} 页，超过上限 {max_pages} 页，不像一份部门预算公开文件；"
            "如确需读取，请调高页数上限（命令行用 --max-pages）。",
            code="input.pdf_too_many_pages",
        )
    return count


def verdict(looks: list[bool | None], too_large: tuple[int, ...] = ()) -> Triage:
    """The triage from what each page showed: True/False whether it carries text, None when it could
    not be loaded (damaged); pages in `too_large` were not loaded."""
    count = len(looks)
    damaged = tuple(i for i, has_text in enumerate(looks, start=1) if has_text is None)
    if too_large and len(damaged) + len(too_large) >= count:
        raise InputError(
            f"PDF 的页面内容解压后过大（第 {'、'.join(map(str, too_large))} 页超过上限），疑似“压缩炸弹”或已损坏，"
            "没有可读取的页面。",
            code="input.pdf_page_too_large",
        )
    if len(damaged) == count:
        raise InputError(
            f"PDF 已损坏：全部 {count} 页都无法解析（文件可能不完整或被改动过），请重新获取原文件。",
            code="input.pdf_corrupt",
        )
    text_pages = tuple(bool(has_text) for has_text in looks)
    if not any(text_pages) and not too_large:
        raise InputError(
            "PDF 没有文字层（疑似扫描件或图片），需要先做文字识别（OCR）后再读取。",
            code="input.pdf_needs_ocr",
        )
    return Triage(count, text_pages, damaged, tuple(too_large))


def _open_error(exc: Exception) -> InputError:
    if getattr(exc, "err_code", None) == _ERR_PASSWORD:
        return InputError("PDF 文件已加密（需要密码才能打开），请提供未加密的文件。", code="input.pdf_encrypted")
    return InputError(
        "PDF 文件已损坏或不完整（可能下载中断），无法打开。", code="input.pdf_corrupt", detail=str(exc)
    )

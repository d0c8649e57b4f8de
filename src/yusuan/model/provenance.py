"""Where a value was read: enough to point a reviewer at the printed cell."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Provenance:
    """The place of a value in its source file.

    file: the file's name as given to the reader.
    page: 1-based page number, where the format has pages (None for plain text).
    line: 1-based source line (text form) or the reader's running line/row number.
    table: the table's stable id in the disclosure (e.g. ``t01``), once recognised.
    row: 0-based row index within the recognised table.
    column: the column key within the table (e.g. ``general_public``).
    bbox: (x0, top, x1, bottom) on the page in PDF points, where known.
    """

    file: str = ""
    page: int | None = None
    line: int | None = None
    table: str | None = None
    row: int | None = None
    column: str | None = None
    bbox: tuple[float, float, float, float] | None = None

    def at(self, **changes: object) -> "Provenance":
        """A copy with some fields replaced."""
        from dataclasses import replace

        return replace(self, **changes)  # type: ignore[arg-type]

    def describe(self) -> str:
        """A short Chinese description for messages: 文件 第N页 第N行."""
        parts = [self.file] if self.file else []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.line is not None:
            parts.append(f"第{self.line}行")
        return " ".join(parts)

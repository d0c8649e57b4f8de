"""Building narrative sections: ids and numbering as the recogniser gives them (s3.5.1 …)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import Paragraph, Section
from .context import Ctx

PARTS = ("第一部分", "第二部分", "第三部分", "第四部分")


@dataclass
class Missing:
    """Human texts the book lacks; the compiler reports them all instead of inventing any."""

    keys: list[tuple[str, str]] = field(default_factory=list)  # (text key, why it is required)

    def need(self, ctx: Ctx, key: str, why: str) -> str:
        text = ctx.book.texts.get(key, "").strip()
        if not text:
            self.keys.append((key, why))
        return text.rstrip("。")


def section(ctx: Ctx, sid: str, part: int | str, number: str, level: int, title: str, paragraphs: list[str]) -> Section:
    """`part`: 1–4 for Shanxi's 第N部分, or the title of the part as Shanghai prints it."""
    p = ctx.prov()
    return Section(sid, part if isinstance(part, str) else PARTS[part - 1], number, level, title,
                   tuple(Paragraph(t, p) for t in paragraphs if t), p)

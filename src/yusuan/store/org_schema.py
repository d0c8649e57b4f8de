"""The organisation list in the store: one row per department (unit "") or budget unit."""
from __future__ import annotations

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .schema import Base


class OrgEntry(Base):
    __tablename__ = "org_entries"
    __table_args__ = (UniqueConstraint("department", "unit"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    department: Mapped[str] = mapped_column(String(200), index=True)
    unit: Mapped[str] = mapped_column(String(200), default="")  # "" : the department itself
    code: Mapped[str] = mapped_column(String(50), default="")
    position: Mapped[int] = mapped_column(Integer)  # the list's own order, kept for display

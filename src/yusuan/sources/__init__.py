"""Readers: one per file format, each producing a RawDocument. Nothing domain-specific here."""
from .raw import RawDocument, RawLine

__all__ = ["RawDocument", "RawLine"]

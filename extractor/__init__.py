"""Quantified indicators from Chinese official documents (公文)."""
from .records import Document, Finding, FileError, Indicator, Period, Quantity, Section, SourceText

__all__ = [
    "Document", "Finding", "FileError", "Indicator", "Period", "Quantity", "Section", "SourceText",
]

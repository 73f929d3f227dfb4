"""Quantified indicators, section trees and number audits from Chinese official documents (公文).

>>> import extractor
>>> doc = extractor.parse_text("平川县总工会2016年工作总结\\n\\n全年共签订集体合同25份。", use_model=False)[0]
>>> [(i.object, i.value, i.unit, i.status) for i in doc.indicators]
[('集体合同', 25, '份', 'actual')]
"""
from .api import audit, compare, parse_file, parse_paths, parse_text, to_frames
from .records import Document, FileError, Finding, Indicator, Period, Quantity, Section, SourceText

__all__ = [
    "parse_file", "parse_text", "parse_paths", "audit", "compare", "to_frames",
    "Document", "Section", "Indicator", "Finding", "FileError", "Period", "Quantity", "SourceText",
]

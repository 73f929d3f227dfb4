"""Quantities → indicator records: object, predicate, concept, actual or target, part-of.

``find_indicators`` reads every figure of a document in its clause (see
``reading``), decides its status (``status``) and links parts to totals.
"""
from .build import find_indicators, is_indicator

__all__ = ["find_indicators", "is_indicator"]

"""Numbers with their units in Chinese official documents.

``parse_number("3.5万")`` gives 35000; ``find_quantities(text)`` gives every
quantity in a text as ``extractor.records.Quantity`` records (value in base
units, unit as written in simplified characters, kind, approx / bound /
range / per markers, masked figures, "from"/"to" changes).  Both accept any
``str`` and never raise.  The decisions on vague amounts, doubled markers and
ratios are documented in ``extractor.quantities.finder``.
"""
from .finder import find_quantities
from .numerals import parse_number

__all__ = ["find_quantities", "parse_number"]

"""Numbers with their units in Chinese official documents.

``parse_number("3.5万")`` gives 35000 and ``parse_range("四十五六")`` (45, 46);
``find_quantities(text)`` gives every quantity in a text as
``extractor.records.Quantity`` records (value in base units, unit as written
in simplified characters, kind, approx / bound / range / per markers, masked
figures, "from"/"to" changes); ``find_numbers(text)`` every bare number, unit
or not, as ``Numeral`` (span, text, value, range).  All accept any ``str``
and never raise.  The decisions on vague amounts, doubled markers and
ratios are documented in ``extractor.quantities.finder``.
"""
from .finder import find_quantities
from .numbers import Numeral, find_numbers
from .numerals import parse_number, parse_range

__all__ = ["find_quantities", "find_numbers", "Numeral", "parse_number", "parse_range"]

"""Numbers with their units in Chinese official documents.

``parse_number("3.5万")`` gives 35000 and ``parse_range("四十五六")`` (45, 46);
``find_quantities(text)`` gives every quantity in a text as
``extractor.records.Quantity`` records (value in base units, unit as written
in simplified characters, kind, approx / bound / range / per markers, masked
figures, "from"/"to" changes); ``find_numbers(text)`` every bare number, unit
or not, as ``Numeral`` (span, text, value, range); ``find_number_ranges(text)``
every comparison or interval stated about a number (``大于二十``, ``20到30``)
as ``NumberRange`` (span, text, low, high, inclusiveness).  All accept any ``str``
and never raise.  The decisions on vague amounts, doubled markers and
ratios are documented in ``extractor.quantities.finder``.
"""
from .finder import find_quantities
from .numbers import Numeral, find_numbers
from .numerals import parse_number, parse_range
from .ranges import NumberRange, find_number_ranges

__all__ = ["find_quantities", "find_numbers", "Numeral", "find_number_ranges", "NumberRange",
           "parse_number", "parse_range"]

"""Bytes -> text: plain text in Chinese encodings, HTML, docx, folders and zips.

``iter_sources`` is the lenient path the pipeline uses: every input ends as
a ``SourceText`` or a ``FileError`` record, never an exception.
``read_bytes`` is the strict path for one file: it raises typed
``InputError`` subclasses.  The size limit is
``extractor.read.base.MAX_INPUT_BYTES`` (20 MB).
"""
from .archive import iter_sources
from .formats import read_bytes

__all__ = ["iter_sources", "read_bytes"]

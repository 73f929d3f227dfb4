"""Number audits (SPEC section 4): findings inside one document and across
a corpus.  Content problems come back as ``Finding`` records, never raised.

>>> from extractor.checks import audit_document, audit_corpus
"""
from .across import audit_corpus
from .within import audit_document

__all__ = ["audit_document", "audit_corpus"]

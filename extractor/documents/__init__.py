"""Page chrome, the documents a page holds, and each document's metadata."""
from .pages import DocumentBlock, Line, find_documents, is_chrome, split_lines

__all__ = ["DocumentBlock", "Line", "find_documents", "is_chrome", "split_lines"]

"""Tables and stores: records as pandas frames, DuckDB, Parquet, CSV, Excel, JSON Lines.

``to_frames`` turns documents into the store's tables; ``open_store`` picks a
store by the output's extension; ``load_documents`` rebuilds the records a
run stored.  ``extractor.batch.run_batch`` drives the stores for whole archives.
"""
from .frames import to_frames
from .load import load_documents, load_errors, read_store_table
from .schema import TABLES
from .writers import open_store, record_json

__all__ = ["to_frames", "load_documents", "load_errors", "read_store_table", "open_store",
           "record_json", "TABLES"]

"""The public surface: the verbs in extractor/__init__.py and their doctest."""
import doctest

import pytest

import extractor
from extractor.errors import InputError

from conftest import CORPORA


def test_module_doctest():
    result = doctest.testmod(extractor)
    assert result.attempted > 0 and result.failed == 0


def test_public_names():
    assert set(extractor.__all__) >= {"parse_file", "parse_text", "audit", "compare", "to_frames", "Document", "Indicator"}
    assert callable(extractor.audit) and callable(extractor.compare)


@pytest.fixture(scope="module")
def corpus_documents():
    return [d for d in extractor.parse_paths([CORPORA], use_model=False) if isinstance(d, extractor.Document)]


def test_verbs_over_the_corpus(corpus_documents):
    assert len(corpus_documents) >= 14
    frames = extractor.to_frames(corpus_documents)
    assert set(frames) >= {"documents", "sections", "indicators", "findings", "errors"}
    assert len(frames["indicators"]) == sum(len(d.indicators) for d in corpus_documents)
    checks = {f.check for f in extractor.audit(corpus_documents)}
    assert {"breakdown.exceeds_total", "numbering.duplicate", "value.masked"} <= checks
    table = extractor.compare(corpus_documents, concept="collective_contracts")
    assert len(table) >= 1


def test_parse_file_raises_a_typed_error_for_bad_input(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with pytest.raises(InputError) as caught:
        extractor.parse_file(bad)
    assert "empty.txt" in str(caught.value)
    with pytest.raises(InputError):
        extractor.parse_file(tmp_path / "missing.txt")


def test_compare_lines_up_one_concept_from_different_reports(corpus_documents):
    table = extractor.compare(corpus_documents, concept="collective_contracts")
    row = table.loc[("collective_contracts", "份", "actual")]
    values = row.xs("value", level="measure").dropna()
    orgs = {org for org, _period in values.index}
    assert {"平川县总工会", "青山县总工会"} <= orgs
    assert len(values) >= 3

"""The spaCy component: the same records on a Doc, tokenised by jieba."""
import pytest

spacy = pytest.importorskip("spacy")

import extractor.spacy_ext as spacy_ext  # noqa: E402  (registers the factory)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("extractor_indicators", config={"use_model": False})
    return nlp


def test_indicators_become_spans(nlp):
    doc = nlp("平川县总工会2016年工作总结\n一、主要工作\n全年共签订集体合同25份,工资集体协议35份,投入救助资金25万余元。")
    spans = doc.spans["indicators"]
    assert [(s._.indicator["value"], s._.indicator["unit"]) for s in spans] == [(25, "份"), (35, "份"), (250000, "元")]
    assert [s.label_ for s in spans] == ["collective_contracts", "wage_agreements", "aid_funds"]
    for span in spans:
        start, end = span._.indicator["span"]
        assert span.start_char <= start < end <= span.end_char
    assert [s._.section["heading"] for s in doc.spans["sections"]] == ["主要工作"]
    assert doc._.extractor_documents[0]["doc_type"] == "summary"


def test_displacy_renders_the_spans(nlp, tmp_path):
    doc = nlp("全年共签订集体合同25份。")
    html = spacy_ext.render(doc, str(tmp_path / "doc.html"))
    assert "collective_contracts" in html and "集体合同" in html and (tmp_path / "doc.html").exists()


def test_factory_is_registered_by_entry_point():
    from spacy.util import registry

    assert "extractor_indicators" in registry.factories


def test_users_concept_phrases_are_matched_and_win_over_the_lexicon():
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("extractor_indicators", config={
        "use_model": False, "concept_phrases": {"worker_stations": ["职工驿站", "爱心驿站"]}})
    doc = nlp("全区新建职工驿站12个,签订集体合同25份。另有爱心驿站在筹建中。")
    # the lexicon files 驿站 under workers_homes; the user's phrase decides here
    assert [(s.label_, s._.indicator["concept"]) for s in doc.spans["indicators"]] == [
        ("worker_stations", "worker_stations"), ("collective_contracts", "collective_contracts")]
    assert doc._.extractor_documents[0]["indicators"][0]["concept"] == "worker_stations"  # the same record
    # every mention is found, with or without a figure
    assert [(s.text, s.label_) for s in doc.spans["concept_mentions"]] == [
        ("职工驿站", "worker_stations"), ("爱心驿站", "worker_stations")]


def test_without_concept_phrases_no_mentions(nlp):
    doc = nlp("全区新建职工驿站12个。")
    assert list(doc.spans["concept_mentions"]) == []
    assert doc.spans["indicators"][0]._.indicator["concept"] == "workers_homes"

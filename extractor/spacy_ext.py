"""A spaCy component that puts the toolkit's indicators on a ``Doc``.

    import spacy, extractor.spacy_ext
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.add_pipe("extractor_indicators")
    doc = nlp("今年共签订集体合同25份,工资集体协议35份。")
    [(span.text, span._.indicator["value"]) for span in doc.spans["indicators"]]

Spans are aligned to the jieba tokens with ``alignment_mode="expand"``; the
record's own character span stays in ``span._.indicator["span"]``.  spaCy is
imported only by this module.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .pipeline import parse_text
from .records import to_dict

SPAN_KEY = "indicators"
SECTION_KEY = "sections"
MENTIONS_KEY = "concept_mentions"  # matches of the user's concept phrases


def _register_extensions() -> None:
    if not Span.has_extension("indicator"):
        Span.set_extension("indicator", default=None)
    if not Span.has_extension("section"):
        Span.set_extension("section", default=None)
    if not Doc.has_extension("extractor_documents"):
        Doc.set_extension("extractor_documents", default=None)


class IndicatorComponent:
    """Runs the extractor pipeline on ``doc.text`` and writes spans and records.

    ``concept_phrases`` (concept id -> phrases) are the user's own concepts: a
    spaCy ``PhraseMatcher`` finds the phrases, every match goes to
    ``doc.spans["concept_mentions"]``, and a figure whose span holds one takes
    its concept (the user's words win over the toolkit's lexicon).
    """

    def __init__(self, nlp: Language, name: str, use_model: bool, span_key: str,
                 concept_phrases: dict[str, list[str]] | None = None):
        self.name = name
        self.use_model = use_model
        self.span_key = span_key
        self.matcher = None
        if concept_phrases:
            self.matcher = PhraseMatcher(nlp.vocab)
            for concept, phrases in concept_phrases.items():
                self.matcher.add(concept, [nlp.make_doc(phrase) for phrase in phrases])
        _register_extensions()

    def _mentions(self, doc: Doc) -> list[Span]:
        """The user's concept phrases in ``doc``, longest first where they overlap."""
        if self.matcher is None:
            return []
        return filter_spans(self.matcher(doc, as_spans=True))

    def __call__(self, doc: Doc) -> Doc:
        documents = parse_text(doc.text, source="<spacy>", use_model=self.use_model)
        records = [to_dict(d) for d in documents]  # the spans' records are these documents' own
        mentions = self._mentions(doc)
        indicator_spans, section_spans = [], []
        for document, record in zip(documents, records):
            for section, section_record in zip(document.sections, record["sections"]):
                span = doc.char_span(*section.heading_span, label=section.category or "section",
                                     alignment_mode="expand")
                if span is not None:
                    span._.section = section_record
                    section_spans.append(span)
            for indicator, indicator_record in zip(document.indicators, record["indicators"]):
                span = doc.char_span(*indicator.span, alignment_mode="expand")
                if span is None:
                    continue
                mention = next((m for m in mentions if span.start <= m.start and m.end <= span.end), None)
                if mention is not None:  # the user's concept, in the span and in the document alike
                    indicator_record["concept"] = mention.label_
                span = Span(doc, span.start, span.end, label=indicator_record["concept"] or indicator.kind)
                span._.indicator = indicator_record
                indicator_spans.append(span)
        doc.spans[self.span_key] = indicator_spans
        doc.spans[SECTION_KEY] = section_spans
        doc.spans[MENTIONS_KEY] = mentions
        doc._.extractor_documents = records
        return doc


@Language.factory("extractor_indicators",
                  default_config={"use_model": True, "span_key": SPAN_KEY, "concept_phrases": {}})
def make_indicator_component(nlp: Language, name: str, use_model: bool, span_key: str,
                             concept_phrases: dict[str, list[str]]) -> IndicatorComponent:
    return IndicatorComponent(nlp, name, use_model, span_key, concept_phrases)


def render(doc: Doc, path: str | None = None) -> str:
    """displaCy HTML of the indicator spans (written to ``path`` when given)."""
    from spacy import displacy

    html = displacy.render(doc, style="span", options={"spans_key": SPAN_KEY}, page=True)
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)
    return html

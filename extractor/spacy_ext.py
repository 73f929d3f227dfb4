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
from spacy.tokens import Doc, Span

from .pipeline import parse_text
from .records import to_dict

SPAN_KEY = "indicators"
SECTION_KEY = "sections"


def _register_extensions() -> None:
    if not Span.has_extension("indicator"):
        Span.set_extension("indicator", default=None)
    if not Span.has_extension("section"):
        Span.set_extension("section", default=None)
    if not Doc.has_extension("extractor_documents"):
        Doc.set_extension("extractor_documents", default=None)


class IndicatorComponent:
    """Runs the extractor pipeline on ``doc.text`` and writes spans and records."""

    def __init__(self, nlp: Language, name: str, use_model: bool, span_key: str):
        self.name = name
        self.use_model = use_model
        self.span_key = span_key
        _register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        documents = parse_text(doc.text, source="<spacy>", use_model=self.use_model)
        indicator_spans, section_spans = [], []
        for document in documents:
            for section in document.sections:
                span = doc.char_span(*section.heading_span, label=section.category or "section",
                                     alignment_mode="expand")
                if span is not None:
                    span._.section = to_dict(section)
                    section_spans.append(span)
            for indicator in document.indicators:
                span = doc.char_span(*indicator.span, label=indicator.concept or indicator.kind,
                                     alignment_mode="expand")
                if span is not None:
                    span._.indicator = to_dict(indicator)
                    indicator_spans.append(span)
        doc.spans[self.span_key] = indicator_spans
        doc.spans[SECTION_KEY] = section_spans
        doc._.extractor_documents = [to_dict(d) for d in documents]
        return doc


@Language.factory("extractor_indicators", default_config={"use_model": True, "span_key": SPAN_KEY})
def make_indicator_component(nlp: Language, name: str, use_model: bool, span_key: str) -> IndicatorComponent:
    return IndicatorComponent(nlp, name, use_model, span_key)


def render(doc: Doc, path: str | None = None) -> str:
    """displaCy HTML of the indicator spans (written to ``path`` when given)."""
    from spacy import displacy

    html = displacy.render(doc, style="span", options={"spans_key": SPAN_KEY}, page=True)
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(html)
    return html

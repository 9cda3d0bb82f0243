"""What the event classifier sees of a sentence: its lemmas, with names replaced by their kind and numbers by
`num`, plus head-dependency-dependent triples ("recall_dobj_ambassador"). Built from the parse the pipeline
has already made, so the classifier costs no second parse."""

from __future__ import annotations

from spacy.tokens import Span, Token

NAMES = frozenset(("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"))
TRIPLE_DEPS = frozenset(("dobj", "nsubj", "nsubjpass", "prt", "agent", "xcomp", "ccomp", "pobj", "prep", "amod",
                         "compound", "attr", "dative"))  # fmt: skip


def _word(token: Token) -> str:
    if token.ent_type_ in NAMES:
        return "ent" + token.ent_type_.lower()
    if token.like_num:
        return "num"
    return token.lemma_.lower().replace(" ", "_")


def sentence_features(sent: Span) -> str:
    """The classifier's input for one sentence, as space-separated feature words.

    sent (Span): a parsed sentence.
    RETURNS (str): the features.
    """
    words = []
    for token in sent:
        if token.is_punct or token.is_space:
            continue
        if token.ent_type_ in NAMES and token.ent_iob_ != "B":
            continue  # one placeholder per name
        words.append(_word(token))
    for token in sent:
        if token.dep_ in TRIPLE_DEPS and not token.is_punct:
            words.append(f"{_word(token.head)}_{token.dep_}_{_word(token)}")
    return " ".join(words)

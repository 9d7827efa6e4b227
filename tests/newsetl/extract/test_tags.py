import pytest

from newsetl.extract.tags import rules_from_attribute_ruler


@pytest.mark.slow
def test_rules_are_read_from_the_models_attribute_ruler():
    import spacy

    from newsetl.config import load_settings

    ruler = spacy.load(load_settings().spacy_model).get_pipe("attribute_ruler")
    rules = rules_from_attribute_ruler(ruler)
    assert rules["|NN|"]["POS"] == "NOUN"
    assert rules["|VBD|"]["POS"] == "VERB"
    assert rules["been|VBN|"] == {"LEMMA": "be", "POS": "AUX", "MORPH": "Tense=Past|VerbForm=Part"}
    assert rules["n't|RB|"]["POS"] == "PART"  # a LOWER "IN" list becomes one rule a word


@pytest.mark.slow
def test_parse_pass_gives_the_parts_of_speech_and_lemmas_figures_need(nlp):
    assert "attribute_ruler" not in nlp.parse.pipe_names
    assert "lemmatizer" not in nlp.parse.pipe_names  # its lemmas come from the memo
    doc = nlp.parse("Four people were shot and two men were killed near the store.")
    assert [(t.text, t.pos_, t.lemma_) for t in doc if t.text in ("people", "were", "shot", "killed", "men")] == [
        ("people", "NOUN", "people"), ("were", "AUX", "be"), ("shot", "VERB", "shoot"),
        ("men", "NOUN", "man"), ("were", "AUX", "be"), ("killed", "VERB", "kill")]


@pytest.mark.slow
def test_parse_pass_tags_as_the_models_attribute_ruler_does_on_every_call(nlp):
    """The (word, tag, dependency) memo gives what the model's own ruler gives, on a first and a later call
    (on words its two-word patterns leave alone: "did it" is a VERB there, an AUX here)."""
    import spacy

    from newsetl.config import load_settings

    text = ("Police said two men were shot and killed on Monday, and a third was wounded. "
            "\"We don't know who they are,\" the chief said; officers have been searching the area since then. "
            "Mayor Jim Rivers said so. Mayor jim rivers said so.")  # a name's lemma is the word as written
    reference = spacy.load(load_settings().spacy_model, exclude=["ner", "senter"])(text)
    expected = [(t.text, t.pos_, str(t.morph), t.lemma_) for t in reference]
    for _ in range(2):
        assert [(t.text, t.pos_, str(t.morph), t.lemma_) for t in nlp.parse(text)] == expected

from newsetl.extract.entities import Mention
from newsetl.extract.quotes import extract_quotes, find_quote_spans


def _mention(text: str, name: str, entity: str, entity_type: str = "PERSON") -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, entity, entity_type)


def test_mixed_straight_and_curly_quote_marks_pair_up():
    text = '"I want to commend him,” she said. “Next one."'
    assert [text[s:e] for s, e in find_quote_spans(text)] == ["I want to commend him,", "Next one."]


def test_speaker_after_the_quote_and_continuation():
    text = ("“Apparently the president saw fit to attack a city,” said Adam Collins, a spokesman for Emanuel. "
            "“If the president was interested, we would have seen resources.”")
    mentions = [_mention(text, "Adam Collins", "Adam Collins"), _mention(text, "Emanuel", "Rahm Emanuel")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Adam Collins", "Adam Collins"]


def test_pronoun_resolves_to_the_last_named_speaker():
    text = ("emanuel told reporters on wednesday that the department walked away. "
            "“there are multiple roads to reform,” he said.")
    mentions = [_mention(text, "emanuel", "Rahm Emanuel")]
    (quote,) = extract_quotes(text, mentions)
    assert quote.speaker == "Rahm Emanuel" and quote.quote_text == "there are multiple roads to reform,"


def test_speaker_before_the_quote_and_according_to():
    text = ("sessions said police “have been demoralized in many ways.” "
            "According to the DOJ, the task force is “central to the commitment of the department.”")
    mentions = [_mention(text, "sessions", "Jeff Sessions"), _mention(text, "DOJ", "Department of Justice", "ORG")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Jeff Sessions", "Department of Justice"]


def test_scare_quotes_of_one_or_two_words_are_not_quotes():
    assert extract_quotes("crime has reached “epidemic” proportions, a “walked away” moment.", []) == []


def test_attribution_after_a_quote_that_ends_its_sentence():
    text = "“Crime has reached epidemic proportions. 1714 shootings in Chicago this year!” Trump wrote on Twitter."
    (quote,) = extract_quotes(text, [_mention(text, "Trump", "Donald Trump")])
    assert quote.speaker == "Donald Trump"

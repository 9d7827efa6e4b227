from newsetl.extract.entities import Mention
from newsetl.extract.quotes import extract_quotes, find_quote_spans


def _mention(text: str, name: str, entity: str, entity_type: str = "PERSON", *, last: bool = False) -> Mention:
    start = text.rindex(name) if last else text.index(name)
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


def test_a_title_after_the_speech_verb_does_not_end_the_sentence():
    text = ("“We certainly want to support our president,” said Rep. Mark Meadows (R., N.C.), who is close to "
            "the president.")
    (quote,) = extract_quotes(text, [_mention(text, "Mark Meadows", "Mark Meadows")])
    assert quote.speaker == "Mark Meadows"


def test_more_ways_to_report_speech():
    text = ('Trump responded via Twitter: "Will someone from his depleted regime please inform him." '
            'Romney was heard at the fundraiser. "There are 47 percent of the people who will vote for the '
            'president," Romney quipped.')
    mentions = [_mention(text, "Trump", "Donald Trump"), Mention(text.rindex("Romney"), text.rindex("Romney") + 6,
                                                                 "Romney", "Mitt Romney", "PERSON")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Donald Trump", "Mitt Romney"]


def test_a_sentence_that_opens_the_next_quote_does_not_attribute_the_one_before():
    # Fox News on Benghazi, 2012: Obama's words, then Graham's answer
    text = ('Obama told those lawmakers to "go after me."\n\nGraham responded: "Mr President, don\'t think for one '
            'minute I don\'t hold you responsible."')
    mentions = [_mention(text, "Obama", "Barack Obama"), _mention(text, "Graham", "Lindsey Graham")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Barack Obama", "Lindsey Graham"]


def test_the_name_before_the_verb_of_a_following_attribution_is_the_speaker():
    text = ('Rep. Rodney Davis says he never thought he\'d have to "dodge bullets at a practice."\n\nDavis says '
            'if U.S. Capitol Police officers had not been there, it "would have been a massacre."')
    mentions = [_mention(text, "Rodney Davis", "Rodney Davis"), _mention(text, "Capitol Police", "Capitol Police", "ORG"),
                Mention(text.index("Davis says if"), text.index("Davis says if") + 5, "Davis", "Rodney Davis", "PERSON")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Rodney Davis", "Rodney Davis"]


def test_an_attribution_in_the_next_paragraph_is_the_next_speakers():
    text = ('"I\'m not aware of anyone within my office who saw it," Clinton said. "They did not see it."\n\n'
            'Rep. Michael McCaul, R-Texas, said somebody should have seen this cable.')
    mentions = [_mention(text, "Clinton", "Hillary Clinton"), _mention(text, "Michael McCaul", "Michael McCaul")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Hillary Clinton", "Hillary Clinton"]


def test_a_quote_after_a_sentence_that_ends_with_its_attribution():
    text = ('What makes voices sound trustworthy is whether they rise or fall at the end, says McAleer. '
            '"Probably the trustworthy voice drops at the end of the word."')
    (quote,) = extract_quotes(text, [_mention(text, "McAleer", "Phil McAleer")])
    assert quote.speaker == "Phil McAleer"


def test_the_speech_verb_nearest_the_quote_names_its_speaker():
    text = ('Asked what he would say about silencers, Mr. Trump replied, "We will talk about that later."')
    (quote,) = extract_quotes(text, [_mention(text, "Trump", "Donald Trump")])
    assert quote.speaker == "Donald Trump"


def test_whom_a_speaker_told_is_not_the_speaker():
    text = "“We are going to deliver the priorities of the British people,” the premier told the House of Commons."
    (quote,) = extract_quotes(text, [_mention(text, "House of Commons", "House of Commons", "ORG")])
    assert quote.speaker is None


def test_a_speaker_after_an_inverted_asked_is_the_speaker():
    text = "“How can a small company plan for that?” asked the Bipartisan Policy Center's Steve Bell."
    (quote,) = extract_quotes(text, [_mention(text, "Steve Bell", "Steve Bell")])
    assert quote.speaker == "Steve Bell"


def test_a_pronoun_skips_a_person_the_article_tells_is_of_the_other_gender():
    text = ("Ms. Collins met the senator from Ohio. Senator Rob Portman said he would wait. "
            "“We need to see the facts first,” she said. Portman, a father of three, disagreed. "
            "“I am not convinced,” he said.")
    mentions = [_mention(text, "Collins", "Susan Collins"), _mention(text, "Rob Portman", "Rob Portman"),
                _mention(text, "Portman", "Rob Portman", last=True)]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Susan Collins", "Rob Portman"]
    # each kind of evidence alone: an honorific, a role after the name, a pronoun after its speech verb
    for told in ("Mr. Portman", "Portman, the committee's chairman,", "Portman said he",
                 "Mr. Portman, whose daughter works there,"):
        text = f"Ms. Collins spoke first. {told} disagreed. “We need to see the facts first,” she said."
        mentions = [_mention(text, "Collins", "Susan Collins"), _mention(text, "Portman", "Rob Portman")]
        assert [q.speaker for q in extract_quotes(text, mentions)] == ["Susan Collins"], told


def test_a_pronoun_takes_the_last_speaker_when_the_article_tells_no_gender_and_nobody_against_it():
    text = "Rob Portman said the bill was dead. “We need to see the facts first,” she said."
    mentions = [_mention(text, "Rob Portman", "Rob Portman")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Rob Portman"]
    # the article tells he is a man, and of no woman before: nobody rather than another guess
    text = "Jane Smith met Mr. Portman, who said he would wait. “We need to see the facts first,” she said."
    mentions = [_mention(text, "Jane Smith", "Jane Smith"), _mention(text, "Portman", "Rob Portman")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == [None]


def test_a_person_an_organisations_role_introduces_is_the_speaker_not_the_organisation():
    text = ("“Help is coming this year,” Senate Majority Leader Mitch McConnell said. "
            "“We will look into it,” the FBI said, citing agent John Doe.")
    mentions = [_mention(text, "Senate Majority", "Senate Majority", "ORG"),
                _mention(text, "Mitch McConnell", "Mitch McConnell"),
                _mention(text, "FBI", "Federal Bureau of Investigation", "ORG"),
                _mention(text, "John Doe", "John Doe")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == [
        "Mitch McConnell", "Federal Bureau of Investigation"]


def test_a_role_speaks_for_the_one_person_the_article_titles_with_it():
    text = ("President Trump held a rally in Florida. Gov. Ron DeSantis and Gov. Greg Abbott attended. "
            "“We will work with anybody,” the president said at the rally. "
            "“It was a fine day,” said Gov. Abbott. “We are sure of it,” the Republican governor said.")
    mentions = [_mention(text, "Trump", "Donald Trump"), _mention(text, "Ron DeSantis", "Ron DeSantis"),
                _mention(text, "Greg Abbott", "Greg Abbott"), _mention(text, "Abbott", "Greg Abbott", last=True)]
    # two governors: the role names neither, and the rules before it decide (here the quote before's speaker)
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Donald Trump", "Greg Abbott", "Greg Abbott"]


def test_a_quote_a_group_or_a_document_says_is_not_the_previous_speakers():
    text = ("“We will win this fight,” said Adam Collins, a spokesman. “We will be back next year.” The campaign "
            "also announced a new ad. “It is a good day for the city,” the spokesman added. “The rule would not "
            "apply to parents at all,” the conservative think tank tweeted. “Funding remains in place for the "
            "year,” the report said.")
    mentions = [_mention(text, "Adam Collins", "Adam Collins")]
    # a sentence after a quote that ends its own is no attribution of it; "the spokesman" may be the one the
    # quote before named: both continue the previous speaker, as before
    assert [q.speaker for q in extract_quotes(text, mentions)] == [
        "Adam Collins", "Adam Collins", "Adam Collins", None, None]


def test_a_participle_clause_quotes_the_subject_of_its_sentence_not_a_name_in_between():
    text = ("On Tuesday, National Economic Council Director Larry Kudlow appeared to blame Haley for the mishap, "
            "saying she “got ahead of the curve.” Later the White House backtracked, with press secretary Sarah "
            "Sanders saying that the administration was merely “considering additional sanctions on Russia.” "
            "President Trump again berated Attorney General Jeff Sessions saying he “doesn’t understand what is "
            "happening.” Castro responded saying that the California Republican was “trying to distract from "
            "the racism.”")
    mentions = [_mention(text, "National Economic Council", "National Economic Council", "ORG"),
                _mention(text, "Larry Kudlow", "Larry Kudlow"), _mention(text, "Haley", "Nikki Haley"),
                _mention(text, "White House", "White House", "ORG"), _mention(text, "Sarah Sanders", "Sarah Sanders"),
                _mention(text, "Trump", "Donald Trump"), _mention(text, "Jeff Sessions", "Jeff Sessions"),
                _mention(text, "Castro", "Joaquin Castro")]
    # Sessions is whom Trump berated, not who speaks: the quote is left to the rules after (here it continues
    # the quote before, as one within a few sentences of it does)
    assert [q.speaker for q in extract_quotes(text, mentions)] == [
        "Larry Kudlow", "Sarah Sanders", "Sarah Sanders", "Joaquin Castro"]
    text = text[text.index("President Trump"):]
    mentions = [_mention(text, "Trump", "Donald Trump"), _mention(text, "Jeff Sessions", "Jeff Sessions")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == [None, None]


def test_a_verb_that_labels_quotes_the_name_before_it_and_names_no_speaker_for_a_thing():
    text = ("Cruz called the war-crimes suggestion “particularly offensive given the history.” "
            "Charmaine Yoest, president and CEO of Americans United for Life, called the report “an abortion "
            "industry propaganda piece.”")
    mentions = [_mention(text, "Cruz", "Ted Cruz"), _mention(text, "Charmaine Yoest", "Charmaine Yoest"),
                _mention(text, "Americans United for Life", "Americans United for Life", "ORG")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == ["Ted Cruz", "Charmaine Yoest"]
    text = "Senate Republicans introduced a bill called the “First Amendment Defense Act of 2015.”"
    assert [q.speaker for q in extract_quotes(text, [_mention(text, "Senate", "Senate", "ORG")])] == [None]


def test_a_name_in_an_aside_between_the_speaker_and_the_verb_is_not_the_speaker():
    text = ("Sen. John Kerry of Massachusetts, the chairman of the Senate Foreign Relations Committee, said "
            "“this is about as inappropriate as it gets.” "
            "“Jack Lew must never be secretary of Treasury,” Sen. Jeff Sessions, ranking Republican on the "
            "Senate Budget Committee said, calling Lew's comments “so outrageous and false” as to disqualify him. "
            "“Our world fell apart in a week,” said his wife, Kristi McLaughlin, who works as a pastor.")
    mentions = [_mention(text, "John Kerry", "John Kerry"), _mention(text, "Massachusetts", "Massachusetts", "LOCATION"),
                _mention(text, "Senate Foreign Relations Committee", "Senate Foreign Relations Committee", "ORG"),
                _mention(text, "Jack Lew", "Jack Lew"), _mention(text, "Jeff Sessions", "Jeff Sessions"),
                _mention(text, "Senate", "Senate", "ORG", last=True),
                Mention(text.index("Lew's"), text.index("Lew's") + 3, "Lew", "Jack Lew", "PERSON"),
                _mention(text, "Kristi McLaughlin", "Kristi McLaughlin")]
    assert [q.speaker for q in extract_quotes(text, mentions)] == [
        "John Kerry", "Jeff Sessions", "Jeff Sessions", "Kristi McLaughlin"]


def test_a_judge_or_a_chancellor_speaks_for_the_one_person_the_article_titles_so():
    text = ("Judge Roger W. Titus ruled on Friday. “This decision took control of a pell-mell situation,” the "
            "judge wrote.")
    (quote,) = extract_quotes(text, [_mention(text, "Roger W. Titus", "Roger W. Titus")])
    assert quote.speaker == "Roger W. Titus"

import pytest

from newsetl.extract.gazetteer import load_aliases
from newsetl.extract.run import extract_articles

pytestmark = pytest.mark.slow

# The model tags only "Emanuel" here; the first name it left out is taken in ("Rahm Emanuel").
CASED = ("However, Chicago mayor Rahm Emanuel was critical of the plans of Jeff Sessions. Sessions praised the ATF, "
         "the Bureau of Alcohol, Tobacco, Firearms and Explosives, on Twitter.")
LOWER = "rahm emanuel said sessions and the atf would help chicago, emanuel told reporters."


def _entities(extraction, article_id):
    return {(m["mention_text"], m["entity"], m["entity_type"])
            for m in extraction.entity_mentions if m["article_id"] == article_id}


def test_surnames_titles_acronyms_and_lowercased_copy_resolve_to_one_actor(nlp):
    articles = [
        {"article_id": "cased", "clean_text": CASED, "is_lowercased": False, "published_date": None, "outlet": None},
        {"article_id": "lower", "clean_text": LOWER, "is_lowercased": True, "published_date": None, "outlet": None},
    ]
    extraction = extract_articles(articles, nlp, load_aliases())
    cased = _entities(extraction, "cased")
    assert {("Rahm Emanuel", "Rahm Emanuel", "PERSON"), ("Jeff Sessions", "Jeff Sessions", "PERSON"),
            ("Sessions", "Jeff Sessions", "PERSON"), ("Twitter", "Twitter", "OTHER")} <= cased
    atf = {entity for text, entity, _ in cased if text in ("ATF", "Bureau of Alcohol, Tobacco, Firearms and Explosives")}
    assert atf == {"Bureau of Alcohol, Tobacco, Firearms and Explosives"}
    lower = _entities(extraction, "lower")
    assert {("rahm emanuel", "Rahm Emanuel", "PERSON"), ("emanuel", "Rahm Emanuel", "PERSON"),
            ("atf", "Bureau of Alcohol, Tobacco, Firearms and Explosives", "ORG"),
            ("chicago", "Chicago", "LOCATION")} <= lower


ALL_CAPS = ("CHICAGO MAYOR RAHM EMANUEL SAID ON FRIDAY THAT ATTORNEY GENERAL JEFF SESSIONS AND THE ATF WOULD "
            "HELP THE CITY. \"WE WELCOME THE AGENTS,\" EMANUEL TOLD REPORTERS, ADDING THAT 320 MURDERS HAD BEEN "
            "RECORDED THIS YEAR.")


def test_all_caps_text_is_read_like_lowercased_text_and_keeps_its_own_words(nlp):
    articles = [{"article_id": "caps", "clean_text": ALL_CAPS, "is_lowercased": False, "published_date": None,
                 "outlet": None}]
    extraction = extract_articles(articles, nlp, load_aliases())
    entities = _entities(extraction, "caps")
    assert {("RAHM EMANUEL", "Rahm Emanuel", "PERSON"), ("JEFF SESSIONS", "Jeff Sessions", "PERSON"),
            ("ATF", "Bureau of Alcohol, Tobacco, Firearms and Explosives", "ORG"),
            ("CHICAGO", "Chicago", "LOCATION")} <= entities
    (quote,) = extraction.quotes
    assert (quote["quote_text"], quote["speaker"]) == ("WE WELCOME THE AGENTS,", "Rahm Emanuel")
    murders = [f for f in extraction.figures if f["metric"] == "murders"]
    assert [(f["value"], f["mention_text"], f["sentence"][:20]) for f in murders] == [
        (320.0, "320", "WE WELCOME THE AGENT")]


def test_two_spacy_processes_extract_exactly_what_one_does(nlp):
    articles = [{"article_id": str(i), "clean_text": text, "is_lowercased": text == LOWER, "published_date": None,
                 "outlet": None, "title": f"{i} killed in Chicago"}
                for i, text in enumerate([CASED, LOWER, ALL_CAPS] * 40)]
    one = extract_articles(articles, nlp, load_aliases())
    two = extract_articles(articles, nlp, load_aliases(), n_process=2)
    assert len(two.entity_mentions) > 120 and len(two.figures) >= 40
    assert sum(f["in_headline"] for f in two.figures) >= 100  # each title's "<i> killed", in both processes
    assert (two.entity_mentions, two.quotes, two.figures) == (one.entity_mentions, one.quotes, one.figures)


@pytest.mark.parametrize(("text", "expected"), [
    (ALL_CAPS, True),
    (CASED, False),
    ("SHOTS FIRED", False),  # under 40 letters: a headline alert, too short to tell
    ("POLICE SAY 3 MEN WERE SHOT ON MAIN STREET, ONE Of Them Fatally", False),  # a tenth in lower case
    ("ÉMEUTES À PARIS: LA POLICE DIT QUE TROIS HOMMES ONT ÉTÉ BLESSÉS", True),  # capitals beyond ASCII
])
def test_all_caps_is_forty_letters_nine_tenths_in_capitals(text, expected):
    from newsetl.extract.run import is_all_caps

    assert is_all_caps(text) is expected


def _mentions_of(text, gazetteer, nlp):
    articles = [{"article_id": "a", "clean_text": text, "is_lowercased": False, "published_date": None,
                 "outlet": None}]
    return _entities(extract_articles(articles, nlp, gazetteer), "a")


def test_a_word_learned_as_an_org_is_the_person_whose_surname_it_is_in_the_article(nlp):
    # An earlier load stored "Trump" as an organisation (the model's misreading), and it came back from the
    # warehouse as a known name; in an article that names Donald Trump, "Trump" is him.
    gazetteer = load_aliases()
    gazetteer.add("Trump", "Trump", "ORG")
    text = ("Donald Trump met congressional leaders on Monday. Critics of Trump say the talks went badly, "
            "and the Trump Organization denied the report.")  # the model finds no name in "Critics of Trump"
    entities = _mentions_of(text, gazetteer, nlp)
    assert ("Trump", "Donald Trump", "PERSON") in entities
    assert not {e for e in entities if e[0] == "Trump" and e[2] != "PERSON"}


def test_a_title_makes_a_single_name_a_person_and_a_verb_is_not_part_of_a_name(nlp):
    gazetteer = load_aliases()
    gazetteer.add("Cruz", "Cruz", "LOCATION")  # learned from a misreading, as "Trump" was
    entities = _mentions_of("Sen. Cruz spoke on Monday. Trump confidante Steve Bannon disagreed.", gazetteer, nlp)
    assert ("Cruz", "Cruz", "PERSON") in entities
    assert ("Steve Bannon", "Steve Bannon", "PERSON") in entities
    assert not {e for e in entities if " " in e[1] and any(w[:1].islower() for w in e[1].split())}


def test_a_place_the_model_reads_in_context_stays_a_place_beside_a_person_of_that_name(nlp):
    entities = _mentions_of("George Washington crossed the Delaware. Lawmakers in Washington debated the bill.",
                            load_aliases(), nlp)
    assert ("George Washington", "George Washington", "PERSON") in entities
    assert ("Washington", "Washington", "LOCATION") in entities


def test_a_learned_single_name_is_matched_in_cased_text_only(nlp):
    gazetteer = load_aliases()
    gazetteer.add("Rice", "Rice", "PERSON")  # learned from earlier loads: "Rice" mostly a person's name
    articles = [
        {"article_id": "cased", "clean_text": "Later that day, Rice defended the account of the attack.",
         "is_lowercased": False, "published_date": None, "outlet": None},
        {"article_id": "lower", "clean_text": "the price of rice rose sharply in asian markets this week.",
         "is_lowercased": True, "published_date": None, "outlet": None},
    ]
    extraction = extract_articles(articles, nlp, gazetteer)
    assert ("Rice", "Rice", "PERSON") in _entities(extraction, "cased")
    assert not {e for e in _entities(extraction, "lower") if e[0] == "rice"}


def test_a_learned_surname_inside_another_name_is_not_that_person(nlp):
    gazetteer = load_aliases()
    for name in ("King", "White", "Page"):
        gazetteer.add(name, name, "PERSON")  # surnames learned from earlier loads (Steve King, Lisa Page ...)
    text = ("Fries at Burger King cost more. The White Helmets rescued them, as shown on Page 236. "
            "Later, King said he would run again.")
    articles = [{"article_id": "a", "clean_text": text, "is_lowercased": False, "published_date": None,
                 "outlet": None}]
    people = [(m["start_char"], m["mention_text"]) for m in extract_articles(articles, nlp, gazetteer).entity_mentions
              if m["entity_type"] == "PERSON"]
    assert people == [(text.index("King said"), "King")]


def test_a_son_named_junior_is_not_his_father(nlp):
    gazetteer = load_aliases()
    gazetteer.add("Donald Trump", "Donald Trump", "PERSON")
    text = ("Donald Trump Jr. met a Russian lawyer in June 2016. President Donald Trump defended his son. "
            "Trump Jr. said the meeting was short, and Trump called him a good man.")
    entities = _mentions_of(text, gazetteer, nlp)
    assert {e for e in entities if e[1].endswith("Jr.")} == {("Donald Trump Jr.", "Donald Trump Jr.", "PERSON"),
                                                          ("Trump Jr.", "Donald Trump Jr.", "PERSON")}
    assert ("Trump", "Donald Trump", "PERSON") in entities
    assert ("Donald Trump", "Donald Trump", "PERSON") in entities


def test_a_surname_alone_is_the_full_name_with_a_suffix_unless_the_article_writes_the_suffix_with_it(nlp):
    entities = _mentions_of("Joseph R. Biden Jr. spoke in Iowa on Monday. Later, Biden said he would win.",
                            load_aliases(), nlp)
    assert ("Biden", "Joseph R. Biden Jr.", "PERSON") in entities


def test_a_learned_name_the_model_does_not_confirm_in_cased_text_is_no_mention(nlp):
    gazetteer = load_aliases()
    gazetteer.add("American", "American", "LOCATION")  # each learned from one misreading in an earlier load
    gazetteer.add("Here", "Here", "LOCATION")
    gazetteer.add("Ohio", "Ohio", "LOCATION")
    gazetteer.add("Senator", "Senator", "LOCATION")
    text = "Here is what we know. Most American voters in Ohio back the plan, Senator Smith said. No other senator did."
    entities = _mentions_of(text, gazetteer, nlp)
    assert ("Ohio", "Ohio", "LOCATION") in entities
    assert not {e for e in entities if e[0] in ("Here", "American", "Senator")}
    # lowercased copy, where the model finds little, still relies on what was learned
    articles = [{"article_id": "a", "clean_text": "voters in ohio back the plan.", "is_lowercased": True,
                 "published_date": None, "outlet": None}]
    assert ("ohio", "Ohio", "LOCATION") in _entities(extract_articles(articles, nlp, gazetteer), "a")


def test_a_surname_the_model_reads_as_a_place_is_the_articles_person_unless_after_in(nlp):
    gazetteer = load_aliases()
    gazetteer.add("Flynn", "Flynn", "LOCATION")  # learned from the model's misreadings in earlier loads
    text = "Michael Flynn resigned. Flynn's lawyers declined to comment. Later, farmers in Flynn protested."
    entities = _mentions_of(text, gazetteer, nlp)
    assert ("Flynn", "Michael Flynn", "PERSON") in entities  # the model reads this one as LOC
    assert _mentions_of("Farmers in Flynn protested, Michael Flynn said.", gazetteer, nlp) >= {
        ("Flynn", "Flynn", "LOCATION"), ("Michael Flynn", "Michael Flynn", "PERSON")}


def test_a_name_ending_in_an_institutions_word_is_no_person(nlp):
    gazetteer = load_aliases()
    gazetteer.add("Senate Republicans", "Senate Republicans", "PERSON")  # the model's reading, learned earlier
    gazetteer.add("Laramie County", "Laramie County", "PERSON")
    entities = _mentions_of("Senate Republicans met in Laramie County on Monday, Todd Park said.", gazetteer, nlp)
    assert ("Senate Republicans", "Senate Republicans", "ORG") in entities
    assert not {e for e in entities if "County" in e[1] and e[2] == "PERSON"}
    assert ("Todd Park", "Todd Park", "PERSON") in entities


def test_a_lone_person_name_the_article_also_writes_as_a_common_word_is_no_mention(nlp):
    gazetteer = load_aliases()
    gazetteer.add("Page", "Page", "PERSON")  # a surname learned from earlier loads (Lisa Page, Carter Page)
    text = "Page said the memo was wrong. The report ran to one more page than the last."
    assert not {e for e in _mentions_of(text, gazetteer, nlp) if e[0] == "Page"}
    text = "Page said the memo was wrong. The report was long."
    assert ("Page", "Page", "PERSON") in _mentions_of(text, gazetteer, nlp)


def test_a_name_the_article_titles_as_a_person_is_that_person_where_the_model_reads_a_place(nlp):
    # The model reads both "Comey" as places; "Mr." makes one a person, and so the other.
    text = "Mr. Comey testified on Thursday. There were no tapes of conversations between Comey and Trump."
    entities = _mentions_of(text, load_aliases(), nlp)
    assert {e for e in entities if e[0] == "Comey"} == {("Comey", "Comey", "PERSON")}
    gazetteer = load_aliases()
    gazetteer.add("Comey", "Comey", "PERSON")  # a surname learned from other articles does the same
    text = "There were no tapes of conversations between Comey and Trump, a lawyer said."
    assert ("Comey", "Comey", "PERSON") in _mentions_of(text, gazetteer, nlp)
    text = "Farmers in Comey protested, Mr. Comey said."  # after "in" it stays what the model read
    assert ("Comey", "Comey", "LOCATION") in _mentions_of(text, load_aliases(), nlp)


def test_the_alias_table_types_an_organisation_the_model_reads_as_a_place(nlp):
    # The model (news of 1996) reads all three as places or people; the table knows better.
    entities = _mentions_of("WASHINGTON (AP) — ISIS claimed the attack, and Obamacare was debated.",
                            load_aliases(), nlp)
    assert {("AP", "Associated Press", "ORG"), ("ISIS", "Islamic State", "ORG"),
            ("Obamacare", "Affordable Care Act", "OTHER"), ("WASHINGTON", "Washington", "LOCATION")} <= entities
    # and a place the model reads as a person ("Chicago" read as an organisation stays the model's: a team)
    entities = _mentions_of("Lautenberg was also among the first on Capitol Hill to comment on the bill.",
                            load_aliases(), nlp)
    assert ("Capitol Hill", "Capitol Hill", "LOCATION") in entities


def test_a_role_before_a_name_is_no_part_of_the_person(nlp):
    # The model reads the first as an organisation and keeps "Justice" and "Mayor" in the others.
    text = ("House Minority Leader Nancy Pelosi spoke. Chief Justice John Roberts presided, and Dallas Mayor "
            "Mike Rawlings agreed. The Justice Department declined.")
    entities = _mentions_of(text, load_aliases(), nlp)
    assert {("Nancy Pelosi", "Nancy Pelosi", "PERSON"), ("John Roberts", "John Roberts", "PERSON"),
            ("Mike Rawlings", "Mike Rawlings", "PERSON"),
            ("Justice Department", "Department of Justice", "ORG")} <= entities
    assert not {e for e in entities if "Leader" in e[1] or "Justice John" in e[1] or "Mayor" in e[1]}
    gazetteer = load_aliases()
    gazetteer.add("Justice John Roberts", "Justice John Roberts", "PERSON")  # learned before 2.19.0
    assert ("John Roberts", "John Roberts", "PERSON") in _mentions_of(
        "Justice John Roberts presided.", gazetteer, nlp)
    entities = _mentions_of("Former New York City Mayor Rudy Giuliani claimed victory.", load_aliases(), nlp)
    assert {e[0] for e in entities} == {"New York", "Rudy Giuliani"}
    gazetteer = load_aliases()
    gazetteer.add("Mayor", "Mayor", "ORG")  # the model's reading, learned before 2.19.0
    assert not {e for e in _mentions_of("The Mayor said the budget was fine.", gazetteer, nlp) if e[0] == "Mayor"}


def test_a_common_word_in_cased_text_is_no_name_whatever_the_model_reads(nlp):
    # The model also learned lowercased copy; in cased text a name has a capital letter.
    text = "Trump conceded on Friday, announcing a plan to re-open the government, and the ad ran in Ohio."
    entities = _mentions_of(text, load_aliases(), nlp)
    assert not {e for e in entities if not any(ch.isupper() for ch in e[0])}
    assert ("Ohio", "Ohio", "LOCATION") in entities


def test_a_hyphenated_surname_is_one_name_and_a_hyphenated_compound_is_not(nlp):
    # The model reads "Alexandria Ocasio" as an organisation and "Cortez" as a person.
    text = ("Rep. Alexandria Ocasio-Cortez spoke on Monday. Ocasio-Cortez said the Trump-Russia probe mattered. "
            "Sen. Cindy Hyde-Smith agreed.")
    entities = _mentions_of(text, load_aliases(), nlp)
    assert {("Alexandria Ocasio-Cortez", "Alexandria Ocasio-Cortez", "PERSON"),
            ("Ocasio-Cortez", "Alexandria Ocasio-Cortez", "PERSON"),
            ("Cindy Hyde-Smith", "Cindy Hyde-Smith", "PERSON"), ("Russia", "Russia", "LOCATION")} <= entities
    assert not {e for e in entities if e[0] in ("Ocasio", "Cortez", "Alexandria Ocasio", "Trump-Russia")}


def test_a_surname_joined_to_its_particle_by_a_hyphen_is_one_name_and_the_surname_alone_is_that_person(nlp):
    # The model reads "Bashar al" as one person and "Assad" as another.
    text = ("Syrian President Bashar al-Assad used sarin against civilians, Secretary of State John Kerry said. "
            "Assad denied it. Abu Bakr al-Baghdadi was killed.")
    entities = _mentions_of(text, load_aliases(), nlp)
    assert {("Bashar al-Assad", "Bashar al-Assad", "PERSON"), ("Assad", "Bashar al-Assad", "PERSON"),
            ("Abu Bakr al-Baghdadi", "Abu Bakr al-Baghdadi", "PERSON")} <= entities
    assert not {e for e in entities if e[1] in ("Bashar", "Bashar al", "Assad")}


def test_names_the_model_splits_are_whole_in_the_alias_table(nlp):
    text = ("The bill would strip Planned Parenthood of federal money, Erik Wasson wrote in The Hill after "
            "Hurricane Katrina. Unfortunately, the ruling in Roe v. Wade stands.")
    entities = _mentions_of(text, load_aliases(), nlp)
    assert {("Planned Parenthood", "Planned Parenthood", "ORG"), ("The Hill", "The Hill", "ORG"),
            ("Hurricane Katrina", "Hurricane Katrina", "OTHER"), ("Roe v. Wade", "Roe v. Wade", "OTHER")} <= entities
    assert not {e for e in entities if e[0] in ("Parenthood", "Hill", "Katrina", "Wade") or e[2] in ("PERSON", "ORG")
                and e[0] not in ("Planned Parenthood", "The Hill", "Erik Wasson")}


def test_the_models_person_reading_counts_when_it_is_twice_the_most_common_and_nothing_else_is_known(nlp):
    from newsetl.extract.entities import _single_person_words

    doc = nlp.ner.make_doc("Trump spoke. Trump left. Comey met Trump.")
    trump = [(0, 1, "PERSON"), (3, 4, "PERSON"), (8, 9, "LOCATION")]  # the model's readings of the three
    assert _single_person_words(doc, trump, [], load_aliases(), set()) == {"trump"}
    assert _single_person_words(doc, trump[1:], [], load_aliases(), set()) == set()  # once is not enough
    gazetteer = load_aliases()
    gazetteer.add("Trump", "Trump", "LOCATION")  # an earlier load's place (as "Texas" is)
    assert _single_person_words(doc, trump, [], gazetteer, set()) == set()
    gazetteer = load_aliases()
    gazetteer.add("Trump", "Trump", "LOCATION", from_batch=True)  # the model's reading in this batch: no more
    assert _single_person_words(doc, trump, [], gazetteer, set()) == {"trump"}


def test_an_articles_names_of_one_person_are_one_and_a_titled_surname_is_the_relative_so_titled(nlp):
    flynn = _mentions_of("Michael Flynn resigned in February. Mike Flynn had misled the vice president, and Flynn "
                         "later pleaded guilty.", load_aliases(), nlp)
    assert {entity for _, entity, _ in flynn} == {"Michael Flynn"}
    family = _mentions_of("Ivanka Trump and Eric Trump attended the dinner on Monday. President Donald J. Trump "
                          "spoke first. Later President Trump thanked the guests.",
                          load_aliases(), nlp)
    # "President Trump" is the one the article titles President, not the first Trump it names
    assert {entity for text, entity, _ in family if text == "Trump"} == {"Donald J. Trump"}
    assert ("Ivanka Trump", "Ivanka Trump", "PERSON") in family


def test_a_span_of_function_words_is_no_name_but_a_two_letter_code_is(nlp):
    from newsetl.extract.entities import _only_stop_words

    doc = nlp.ner.make_doc("I'm sure. More WHY US CA Moreover Trump")
    assert _only_stop_words(doc, 0, 2)  # "I'm"
    assert _only_stop_words(doc, 4, 5) and _only_stop_words(doc, 5, 6) and _only_stop_words(doc, 8, 9)
    assert not _only_stop_words(doc, 6, 7) and not _only_stop_words(doc, 7, 8)  # "US", "CA"
    assert not _only_stop_words(doc, 9, 10)


def test_a_learned_name_matched_in_lowercase_words_is_no_mention_in_cased_text(nlp):
    gazetteer = load_aliases()
    gazetteer.add("American People", "American People", "ORG")  # learned from a misreading
    gazetteer.add("Senate Majority", "Senate Majority", "ORG")
    gazetteer.add("Obama Administration", "Obama Administration", "ORG")
    text = ("The American people want action, Sen. Tim Kaine said on Monday, as the Senate majority met. "
            "The Obama administration did not comment. Daily Newsletters Manage Newsletters")
    entities = _mentions_of(text, gazetteer, nlp)
    assert not {e for e in entities if e[1] in ("American People", "Senate Majority")}
    assert ("Obama administration", "Obama Administration", "ORG") in entities  # news style writes it so
    # page chrome is in the alias table as OTHER, never an actor
    assert {e[2] for e in entities if "Newsletters" in e[0]} <= {"OTHER"}


def test_the_pieces_of_a_persons_title_are_no_actors(nlp):
    gazetteer = load_aliases()
    gazetteer.add("Senate Majority", "Senate Majority", "ORG")  # learned from the model's reading
    gazetteer.add("ACT", "ACT", "ORG")
    text = ("Senate Majority Leader Mitch McConnell spoke on Monday. Associate Justice Brett Kavanaugh wrote the "
            "opinion. Rep. Judy Chu, California Democrat, said the Affordable Care Act must stay.")
    entities = _mentions_of(text, gazetteer, nlp)
    assert {"Mitch McConnell", "Brett Kavanaugh", "Judy Chu"} <= {e[1] for e in entities}
    assert not {e for e in entities if e[0] in ("Senate Majority", "Justice", "California Democrat", "Act")}


def test_a_first_load_learns_a_surname_from_its_own_articles_over_a_place_it_learned(nlp):
    from spacy.tokens import Span

    from newsetl.extract.entities import SurnameEvidence, learn_surnames

    def doc_with(text, ents):
        doc = nlp.ner.make_doc(text)
        doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
        return doc

    evidence = SurnameEvidence()
    evidence.read(doc_with("Donald Trump spoke. Trump left.", [(0, 2, "PER"), (4, 5, "PER")]))
    evidence.read(doc_with("Donald Trump won. Trump smiled.", [(0, 2, "PER"), (4, 5, "LOC")]))
    evidence.read(doc_with("Trump waved.", [(0, 1, "PER")]))
    evidence.read(doc_with("Marco Rubio spoke in Rubio.", [(0, 2, "PER"), (4, 5, "LOC")]))  # one article only
    # beside the full name the model's place is the person extraction makes it, but not after "to"
    evidence.read(doc_with("Nancy Pelosi spoke. Pelosi flew to Pelosi.", [(0, 2, "PER"), (4, 5, "LOC"),
                                                                          (7, 8, "LOC")]))
    evidence.read(doc_with("Nancy Pelosi won. Pelosi smiled.", [(0, 2, "PER"), (4, 5, "LOC")]))
    assert (evidence.person_readings["pelosi"], evidence.other_readings["pelosi"]) == (2, 1)
    assert evidence.surnames() == ["Pelosi", "Trump"]
    gazetteer = load_aliases()
    gazetteer.add("Trump", "Trump", "LOCATION", from_batch=True)  # the batch learned the model's place
    learn_surnames(evidence, gazetteer)
    assert gazetteer.lookup("Trump").entity_type == "PERSON"
    earlier = load_aliases()
    earlier.add("Trump", "Trump", "LOCATION")  # an earlier load's word stays as it was
    learn_surnames(evidence, earlier)
    assert earlier.lookup("Trump").entity_type == "LOCATION"


def test_a_family_name_written_first_and_a_first_name_alone_are_the_articles_person(nlp):
    text = ("President Trump met Kim Jong Un in Hanoi. Trump said the talks with Kim were cordial. "
            "Supporters of Bernie Sanders rallied in Iowa, where one said she liked what Bernie stands for. "
            "Chief Justice John Roberts presided; Judge John deGravelles had ruled before.")
    entities = _mentions_of(text, load_aliases(), nlp)
    assert {("Kim", "Kim Jong Un", "PERSON"), ("Bernie", "Bernie Sanders", "PERSON")} <= entities
    # a first name that begins another name is not the article's John
    assert ("John", "John Roberts", "PERSON") not in entities


def test_a_plural_title_and_a_party_before_a_role_are_no_actors(nlp):
    text = ("Sens. Bernard Sanders and Amy Klobuchar spoke at the CNN event: Sens. Sanders won. Senate "
            "Democratic leaders are considering a vote, Senate Democratic leader Chuck Schumer said.")
    gazetteer = load_aliases()
    gazetteer.add("Senate Democratic", "Senate Democratic", "PERSON")  # learned from the model's readings
    entities = _mentions_of(text, gazetteer, nlp)
    assert {("Amy Klobuchar", "Amy Klobuchar", "PERSON"), ("Chuck Schumer", "Chuck Schumer", "PERSON"),
            ("Sanders", "Bernard Sanders", "PERSON")} <= entities
    assert not {e for e in entities if e[0] in ("Sens", "Sens.", "Senate Democratic")}


def test_a_state_abbreviation_is_a_place_where_the_model_reads_an_organisation(nlp):
    text = ("Sen. Harry Reid (D-Nev.) and Rep. Nita Lowey (D-NY) agreed with Sen. Dianne Feinstein (D-CA). "
            "The Chicago Bulls beat Boston.")
    entities = _mentions_of(text, load_aliases(), nlp)
    assert {("Nev.", "Nevada", "LOCATION"), ("NY", "New York", "LOCATION"), ("CA", "California", "LOCATION")} <= entities
    assert not {e for e in entities if e[2] == "ORG" and e[0] in ("Nev.", "NY", "CA")}

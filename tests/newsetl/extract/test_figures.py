from datetime import date

import pytest

from newsetl.extract.entities import Mention
from newsetl.extract.figures import CASUALTY_METRICS, extract_figures, metric_for, words_to_number
from newsetl.extract.run import (
    _may_hold_figure,
    hard_wrapped,
    headline_reading,
    headline_without_site,
    parse_number_sentences,
)


@pytest.mark.parametrize(("words", "value"), [
    (["1,703"], 1703), (["2.7", "million"], 2_700_000), (["Twenty"], 20), (["twenty-five"], 25),
    (["four"], 4), (["a", "dozen"], None), (["three", "hundred"], 300),
    (["25k"], 25_000), (["PS8.1bn"], 8_100_000_000), (["US55,931,000"], 55_931_000), (["1.38pc"], 1.38),
    (["10kW"], 10), (["13.6", "M"], 13_600_000),
    (["-1.3"], -1.3), (["minus-130"], -130), (["minus", "387"], -387), ([".001"], 0.001), (["RM23.50"], 23.5),
    (["Y=28,030"], 28_030), (["4.2b"], 4_200_000_000), (["RM3.06mil"], 3_060_000), (["1/16"], 0.0625),
    (["half"], 0.5), (["a", "third"], 1 / 3), (["two", "-", "thirds"], 2 / 3), (["2.14degF"], 2.14),
    (["three", "hundred", "and", "five"], 305),
])
def test_words_to_number(words, value):
    assert words_to_number(words) == value


@pytest.mark.parametrize(("noun", "verbs", "metric"), [
    ("shootings", set(), "shootings"), ("shooting victims", set(), "shooting_victims"),
    ("murders", set(), "murders"), ("homicides", set(), "homicides"), ("people", {"shoot", "kill"}, "people_killed"),
    ("teens", {"shoot"}, "shooting_victims"), ("people", {"injure"}, "people_injured"), ("agents", set(), "other"),
    ("arrests", set(), "arrests"), ("shooting scenes", set(), "other"),
])
def test_metric_for(noun, verbs, metric):
    assert metric_for(noun, verbs) == metric


def _extract(nlp, text, published, outlet):
    doc = nlp.ner(text)
    return extract_figures(doc, parse_number_sentences(nlp.parse, [doc]).get(id(doc), {}), [], [], published, outlet)


def _figures(nlp, text, published=date(2017, 6, 30)):
    return [(f.value, f.metric, f.qualifier, f.period_start, f.period_end)
            for f in _extract(nlp, text, published, "Test Outlet")]


@pytest.mark.slow
def test_comparison_pair_gives_two_figures_for_two_periods(nlp):
    text = ("The number of murders has decreased slightly this year. "
            "There have been 320 murders, down from 322 over the same period last year.")
    assert _figures(nlp, text) == [
        (320.0, "murders", "exact", date(2017, 1, 1), date(2017, 6, 30)),
        (322.0, "murders", "exact", date(2016, 1, 1), date(2016, 6, 30)),
    ]


@pytest.mark.slow
def test_numbers_in_words_and_a_killed_split(nlp):
    assert _figures(nlp, "Four people were shot on Monday, one fatally.") == [
        (4.0, "shooting_victims", "exact", date(2017, 6, 26), date(2017, 6, 26)),
        (1.0, "people_killed", "exact", date(2017, 6, 26), date(2017, 6, 26)),
    ]


@pytest.mark.slow
def test_years_dates_ages_and_ordinals_are_not_figures(nlp):
    text = ("On January 25, 2017, the 34-year-old officer, aged 34, said that six months ago "
            "the city saw its third rise since 2015. The 68 year-old mayor left at 11 p.m. on the 9/11 anniversary.")
    assert _figures(nlp, text) == []


@pytest.mark.slow
def test_a_persons_age_between_commas_and_a_block_number_are_not_figures(nlp):
    text = ("Herbert Lee Briscoe, 28, was charged, police said. The teen lived in the 900 block of West 36th Street. "
            "The victim, a man, 25, was not hurt. Officers arrested Juan Acosta, 17. The team, 11, won 3 games.")
    # "The team, 11," is no person: its number stays a figure
    assert [f[0] for f in _figures(nlp, text)] == [11.0, 3.0]


@pytest.mark.slow
def test_durations_fractions_and_signed_numbers_are_figures(nlp):
    text = ("The trial lasted three months. Nearly two-thirds of the 1,200 residents, half of them renters, "
            "voted; the temperature fell to minus 12 and the index lost -1.3% in 16 years.")
    values = [f[0] for f in _figures(nlp, text)]
    assert values == [3.0, 2 / 3, 1200.0, 0.5, -12.0, -1.3, 16.0]


@pytest.mark.slow
def test_adjacent_numbers_stay_apart_and_amounts_are_not_years(nlp):
    # Regressions: "one 52,000" was read as 52,001 and "$84 and A2 Milk" as 86; "$2000" was a year.
    text = ("The city hosts just one 52,000 barrel-a-day refinery. Blackmores rose to $84 and A2 Milk to $13.60. "
            "The laptop is worth $2000. The Galaxy S23 costs more.")
    values = [f[0] for f in _figures(nlp, text)]
    assert values == [1.0, 52_000.0, 84.0, 13.6, 2000.0]


@pytest.mark.slow
def test_qualifiers_and_attribution(nlp):
    text = "There were more than 4,300 shooting victims in the city last year, according to police."
    (figure,) = _extract(nlp, text, date(2017, 6, 30), "Reuters")
    assert (figure.value, figure.metric, figure.qualifier, figure.attributed_to) == (
        4300.0, "shooting_victims", "more_than", "police")


@pytest.mark.slow
def test_numbers_glued_to_units_and_scales(nlp):
    text = "Revenue rose 1.38pc to $13.6 M as 25k fans paid PS8.1bn for a 100 m sprint."
    values = [f[0] for f in _figures(nlp, text)]
    assert values == [1.38, 13_600_000.0, 25_000.0, 8_100_000_000.0, 100.0]


@pytest.mark.slow
def test_the_verb_of_the_counted_noun_decides_killed_or_injured(nlp):
    text = "The gunman killed a woman and injured nine others on Monday. Five people were killed and 17 others were wounded."
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == [
        (9.0, "people_injured"), (1.0, "people_killed"), (5.0, "people_killed"), (17.0, "people_injured")]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A 50-year-old man was shot and killed; a second man was critically injured.",
     [(1.0, "people_killed"), (2.0, "shooting_victims"), (1.0, "people_injured")]),  # "a second": 2 shot
    ("Two high school students were shot, leaving one dead.", [(2.0, "shooting_victims"), (1.0, "people_killed")]),
    ("Police are investigating a double shooting on the South Side.", [(2.0, "shooting_victims")]),
    ("A man shot a woman outside the store.", [(1.0, "shooting_victims")]),  # the shooter is not a victim
    ("Five protesters were shot late Monday night.", [(5.0, "shooting_victims")]),  # not in the people list
    ("The fourth shooting victim was found near the ramp.", [(4.0, "shooting_victims")]),
    ("Four other teenagers sustained non-life threatening injuries.", [(4.0, "people_injured")]),
    ("Her 9-year-old brother was wounded in the arm.", [(1.0, "people_injured")]),
    # kin and other people beside the family words: a partner, a sibling, an inmate
    ("The man shot and killed his partner.", [(1.0, "people_killed")]),
    ("Two inmates were wounded.", [(2.0, "people_injured")]),
    ("About a hundred people were shot.", [(100.0, "shooting_victims")]),  # "a" before a number word, not digits
    ("Two bailiffs were fatally shot.", [(2.0, "people_killed")]),
])
def test_casualties_without_digits_are_counted(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Police are investigating the fatal shootings of four people.", [(4.0, "people_killed")]),
    ("A shooting sent five people to the hospital.", [(5.0, "people_injured")]),
    ("Eight people were taken to San Francisco General with injuries.", [(8.0, "people_injured")]),
    ("A van pulled up with three wounded people inside.", [(3.0, "people_injured")]),
    # an adjective before the number tells of someone else, though the parser hangs it on the counted noun
    ("Rapper dead, three others wounded after club brawl turns to gunfire", [(3.0, "people_injured")]),
    ("The gunman killed one and injured three.", [(1.0, "people_killed"), (3.0, "people_injured")]),
    ("A man was killed and two others were shot.", [(2.0, "people_injured"), (1.0, "people_killed")]),
    # a verb conjoined to theirs with an object of its own tells what they did to someone else
    ("Two men were involved in a fight and wounded a bystander.", [(2.0, "other"), (1.0, "people_injured")]),
    # a participle on the counted noun that tells them accused: not the victims, whatever verb the parser gives them
    ("Two Elm Park men charged with lying after one accidentally shoots himself",
     [(2.0, "other"), (1.0, "other"), (1.0, "shooting_victims")]),
    # others in a list with a person were shot with that person, not beside someone dead
    ("She said that she and three others had been shot.",
     [(3.0, "shooting_victims"), (1.0, "shooting_victims"), (4.0, "shooting_victims")]),
    ("Four teens were shot, one fatally.", [(4.0, "shooting_victims"), (1.0, "people_killed")]),
    # a casualty verb with its own count is about that count, a part of the one before
    ("Four people were shot, killing two.", [(4.0, "shooting_victims"), (2.0, "people_killed")]),
    ("He opened fire on two officers, killing one and wounding the other.", [(2.0, "other"), (1.0, "people_killed")]),
    # an adjective of another noun is not about the counted people: the shooting was fatal, not each victim
    ("Police identified the three victims involved in a fatal shooting.", [(3.0, "other")]),
    ("The four men were shot to death.", [(4.0, "people_killed")]),
    # "fatally" denied is no death
    ("Eight people were injured - none fatally - in a shooting.", [(8.0, "people_injured")]),
    ("Three people were shot, none fatally.", [(3.0, "shooting_victims")]),
    # the hospital's word for the people it treated
    ("The medical center confirms they treated two patients.", [(2.0, "people_injured")]),
    # a participle on the counted noun, however far: "hit" by gunfire is shot; not one about some of them
    ("She was one of four people hit by gunfire.", [(1.0, "other"), (4.0, "shooting_victims")]),
    ("He shot two people, one of whom died.", [(2.0, "shooting_victims"), (1.0, "other")]),
    # a relative clause that tells their death
    ("Deputies found two young men, who were deceased.", [(2.0, "people_killed")]),
    ("Police found three women, who were dead.", [(3.0, "people_killed")]),
    # members of a family or a group are people
    ("He killed his wife and wounded three family members.", [(3.0, "people_injured"), (1.0, "people_killed")]),
    ("Four members of the club were shot.", [(4.0, "shooting_victims")]),
    # the state the police found, alive or not; "suffered" tells a wound survived
    ("Officers learned two individuals were suffering gunshot wounds.", [(2.0, "shooting_victims")]),
    ("Two men suffered gunshot wounds.", [(2.0, "people_injured")]),
    # the bodies of people are the dead
    ("The bodies of two men were found in a car.", [(2.0, "people_killed")]),
    # people found as bodies, told one by one without a number
    ("Deputies found the bodies of a man and a woman.", [(1.0, "people_killed"), (2.0, "people_killed")]),
    # "two more" beside people are people; the relative clause after them is theirs
    ("Police identified two people found dead and two more who were injured.",
     [(2.0, "people_killed"), (2.0, "people_injured")]),
    # a count that grows: the death toll, or the count told before it in the sentence
    ("The death toll rose to three on Sunday.", [(3.0, "people_killed")]),
    ("Four people were injured; that number was later raised to five.",
     [(4.0, "people_injured"), (5.0, "people_injured")]),
    # a death toll told another way (Fox News and NPR on Gaza, 20-21 November 2012); the child is one of the 138
    ("Medics said a child living in the area was killed, raising the Palestinian death toll to at least 138.",
     [(138.0, "people_killed")]),
    ("The death toll in Gaza now stands at about 105, according to Hamas officials.", [(105.0, "people_killed")]),
    ("The death toll in Gaza has topped 130.", [(130.0, "people_killed")]),
    ("The death toll has not reached 100.", [(100.0, "other")]),
    ("The toll now stands at 40 buildings destroyed.", [(40.0, "other")]),
    # a people's name counts its people, as "protesters" does
    ("Five Israelis have also been killed by Palestinian rocket fire.", [(5.0, "people_killed")]),
    ("Dozens of civilians are among the more than 130 Palestinians killed in a week of fighting.",
     [(130.0, "people_killed")]),
    ("Three Israelis have died in the week or so since fighting flared.", [(3.0, "people_killed")]),
    ("Twelve Americans were wounded in the attack.", [(12.0, "people_injured")]),
    ("Three Democrats voted against the bill.", [(3.0, "other")]),
])
def test_people_counted_by_what_happened_to_them(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # the people a casualty count counts, so that the marts never compare one people's dead with another's
    ("Five Israelis have also been killed by Palestinian rocket fire.", [(5.0, "people_killed", "israeli")]),
    ("Medics said a child living in the area was killed, raising the Palestinian death toll to at least 138.",
     [(138.0, "people_killed", "palestinian")]),
    ("Three Israeli civilians were killed in Kiryat Malachi.", [(3.0, "people_killed", "israeli")]),
    ("Airstrikes killed 11 Syrian civilians.", [(11.0, "people_killed", "syrian")]),
    # no people named: the count of a place's people, of soldiers or of the toll of a place
    ("The death toll in Gaza has topped 130.", [(130.0, "people_killed", None)]),
    ("Three Miami teens were shot on Sunday.", [(3.0, "shooting_victims", None)]),
    ("Two U.S. soldiers were killed.", [(2.0, "people_killed", None)]),
    # not a casualty count: no group
    ("Three Democrats voted against the bill.", [(3.0, "other", None)]),
])
def test_casualty_counts_name_the_people_they_count(nlp, text, expected):
    assert [(f.value, f.metric, f.counted_group) for f in _extract(nlp, text, date(2012, 11, 21), "Test")] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The girl's mother and two other children were home but were not injured.",  # negated
    "Authorities found two of the teens were shooting a rifle into some trees.",  # the shooters
    "Calvin Williams, 24 was shot in the chest.",  # an age after a name
    "Her child managed to find a 357 and shoot her other child in the face.",  # a gun's caliber
    "He was walking with three friends and suffered a wound to his leg.",  # the verb of the clause's subject
])
def test_numbers_that_are_not_casualties(nlp, text):
    assert not [f for f in _figures(nlp, text) if f[0] != 1 and f[1] in ("people_killed", "people_injured",
                                                                           "shooting_victims")]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A 26-year-old woman is dead after a shooting.", [(1.0, "people_killed")]),
    ("The boy was shot and taken to the hospital, where he died.", [(1.0, "people_killed")] * 2),  # boy, he
    ("An accidental shooting has killed a 16-year-old.", [(1.0, "people_killed")]),
    ("Police made an arrest in the shooting death of a 14-year-old boy.", [(1.0, "people_killed")]),
    # the parser may hang "death" and its "of" on "shooting": still a death
    ('A man facing charges in the "accidental" shooting death of his young friend was indicted today.',
     [(1.0, "people_killed")]),
    ("The discharge resulted in the fatal injury of an 89 year-old male resident.", [(1.0, "people_killed")]),
    ("Police investigate the injury of a man.", []),  # not said fatal
    # the one whose murder was attempted lived: hurt, one more shot beside the dead
    ("A teen was charged in the fatal shooting of a girl and the attempted murder of a man.",
     [(1.0, "people_killed"), (1.0, "people_injured"), (2.0, "shooting_victims")]),
    # "a person" / "the person" is one, as "a man" is ("one person" is counted by its number)
    ("A person in the vehicle was killed by gunfire from a security guard.", [(1.0, "people_killed")]),
    ("The injured person was declared deceased at the hospital.", [(1.0, "people_killed")]),
    ("He was pronounced dead at the scene.", [(1.0, "people_killed")]),
    ("The man was shot to death in his apartment.", [(1.0, "people_killed")]),
    ("Another man was wounded.", [(1.0, "people_injured")]),  # "shot another teen" is one victim
    ("No one was injured.", []),
    ("No one else was hurt.", []),
    # a gunman the police kill is one of the dead, as the Gun Violence Archive counts
    ("Police shot and killed the active shooter.", [(1.0, "people_killed")]),
    # so is a thief a customer shoots
    ("A store clerk shot and killed a suspected thief.", [(1.0, "people_killed")]),
    ("The gunman opened fire on the crowd.", []),
    # an object pronoun is the one person shot or killed; not a possessive ("her son" is the son)
    ("It struck Travon Rollins in the chest, killing him.", [(1.0, "people_killed")]),
    ("Someone walked up and shot him in the head.", [(1.0, "shooting_victims")]),
    ("The gunman shot her son.", [(1.0, "shooting_victims")]),
    # the parser hangs a bare age on "after" as its object and leaves the passive with no subject: still the victim
    ("Deputies were called after a 4-year-old was shot in the hand.", [(1.0, "shooting_victims")]),
    ("Officers arrived after a 3-year-old was wounded in the leg.", [(1.0, "people_injured")]),
    # the object of a verb beside one whose object is a count is someone else, though the sentence counts
    ("He fatally shot two guards and wounded a deputy.", [(2.0, "people_killed"), (1.0, "people_injured")]),
    ("The gunman wounded a clerk and killed three customers.", [(3.0, "people_killed"), (1.0, "people_injured")]),
])
def test_single_victims_dead_later_or_by_pronoun_and_no_one_is_nobody(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "total"), [
    ("A man killed a woman, her son and himself.", (3.0, "people_killed")),
    ("The shooting left three men and three women injured.", (6.0, "people_injured")),
    ("Two children and an adult male were found dead.", (3.0, "people_killed")),
    ("He killed six of his grandchildren, his adult daughter and himself.", (8.0, "people_killed")),
    # the dateline's place is no one, though the parser makes it the list's first item
    ("ALBUQUERQUE, N.M. — A woman and three children were rushed to the hospital after a shooting.",
     (4.0, "people_injured")),
    ("She and her son were both taken to the hospital in stable condition.", (2.0, "people_injured")),  # a pronoun
    ("Her stepfather shot and killed her and his wife.", (2.0, "people_killed")),
    ("The violence also left her daughter, her sister and her husband with gunshot wounds.", (3.0, "people_injured")),
    # a relative clause on an item is still one list
    ("His wife, who he had married in May, and his two sons were killed.", (3.0, "people_killed")),
    # "along with" adds people to the dead (not to those shot or taken to a hospital, told one by one)
    ("Two young boys are dead along with their father.", (3.0, "people_killed")),
    ("A woman was killed along with her two sons.", (3.0, "people_killed")),
    # the names after a count spell it out: not two more people
    ("Anna Brown, 29, and her two young children, Liam and Noah, were shot and killed.", (3.0, "people_killed")),
    ("Police found Anna Brown and her two daughters, Ella and Mia, dead.", (3.0, "people_killed")),
    # a name with an age beside a name in a list is the next person
    ("Police found Karen Miller, Owen, 3, and Lucas, 5, dead.", (3.0, "people_killed")),
    # a list without "and": two subjects of the plural verb
    ("A man, woman were injured in the shooting.", (2.0, "people_injured")),
    # the parser hangs the person after "and" on the sentence's verb: still the object's next item
    ("The man is accused of shooting Lisa Vega, 31, and her 13-year-old daughter.", (2.0, "shooting_victims")),
])
def test_conjoined_victims_are_added_up(nlp, text, total):
    assert _figures(nlp, text)[-1][:2] == total


@pytest.mark.slow
def test_the_subjects_of_two_clauses_are_not_one_list(nlp):
    # the parser makes the man and the three people one list, across the clause "saying he had been shot"
    text = "Early Wednesday a man called 911 saying he had been shot and three people inside a trailer had been killed."
    assert [(f[0], f[1]) for f in _figures(nlp, text) if f[1] == "people_killed"] == [(3.0, "people_killed")]


@pytest.mark.slow
def test_a_places_tally_of_homicides_is_no_victim(nlp):
    # the NER takes the city for a person; "Gary's 11th homicide" is the city's count, not one more dead
    text = "Brazelton's death was Gary's 11th homicide of the year."
    doc = nlp.ner(text)
    mentions = [Mention(0, 9, "Brazelton", "Corey Brazelton", "PERSON"), Mention(22, 26, "Gary", "Gary", "PERSON")]
    figures = extract_figures(doc, parse_number_sentences(nlp.parse, [doc]).get(id(doc), {}), mentions, [],
                              date(2017, 6, 30), "Test Outlet")
    assert [(f.value, f.metric, f.counted_noun) for f in figures if f.metric in CASUALTY_METRICS] == [
        (1.0, "people_killed", "Corey Brazelton")]


@pytest.mark.slow
def test_a_name_whose_head_is_a_common_noun_is_no_person(nlp):
    # the NER takes the hospital for a person: "hospital where she died" is not one more dead
    text = "Charlotte was taken to Howard County General hospital where she died."
    doc = nlp.ner(text)
    mentions = [Mention(0, 9, "Charlotte", "Charlotte Zaremba", "PERSON"),
                Mention(23, 53, "Howard County General hospital", "Howard County General Hospital", "PERSON")]
    figures = extract_figures(doc, parse_number_sentences(nlp.parse, [doc]).get(id(doc), {}), mentions, [],
                              date(2017, 6, 30), "Test Outlet")
    assert {f.counted_noun for f in figures if f.metric in CASUALTY_METRICS} == {"Charlotte Zaremba", "she"}


@pytest.mark.slow
def test_a_name_suffix_the_ner_leaves_out_heads_the_name(nlp):
    # "Jr." heads the name in the parse: the wounded man is one more shot beside the dead teen
    text = "One of the intruders shot and wounded Francisco Suarez Jr., whose father returned fire, killing the teen."
    doc = nlp.ner(text)
    mentions = [Mention(38, 54, "Francisco Suarez", "Francisco Suarez", "PERSON")]
    figures = extract_figures(doc, parse_number_sentences(nlp.parse, [doc]).get(id(doc), {}), mentions, [],
                              date(2017, 6, 30), "Test Outlet")
    assert [(f.value, f.metric, f.counted_noun) for f in figures if f.metric in CASUALTY_METRICS] == [
        (1.0, "people_injured", "Francisco Suarez"), (1.0, "people_killed", "teen"), (2.0, "shooting_victims", "people")]


@pytest.mark.slow
def test_a_dateline_is_not_a_list_of_people(nlp):
    text = "LOUISVILLE, KY (WAVE) – A deputy was rushed to an area hospital after he suffered a gunshot wound."
    assert {f[0] for f in _figures(nlp, text)} == {1.0}


@pytest.mark.slow
def test_a_street_corner_is_not_a_list_of_people(nlp):
    # the parser hangs "Main Street" on the woman as a second conjunct: a corner, not a second dead
    text = "A woman who was shot at 5th and Main Street on Monday has died."
    assert {f[0] for f in _figures(nlp, text) if f[1] == "people_killed"} == {1.0}


@pytest.mark.slow
def test_an_apposition_is_the_same_person_not_a_list(nlp):
    assert [(f[0], f[1]) for f in _figures(nlp, "The girl, Malijha Grant, died.")] == [(1.0, "people_killed")]
    # the list spells out the six; ages are not people
    for text, injured in [("Six people, three men and three women, were wounded.", 6.0),
                          ("Two other men, 18 and 19, were taken to the hospital.", 2.0)]:
        assert max(f[0] for f in _figures(nlp, text) if f[1] == "people_injured") == injured


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Two police officers are facing murder charges after the shooting.",  # the accused, not victims
    "Three of four men accused in the killing entered plea agreements.",
    "Image 1 of 16 A man died Thursday morning.",  # a number cannot count a singular noun
    "He completed his parole in the 2007 shooting death.",  # a year
])
def test_the_accused_and_singular_nouns_are_not_casualty_counts(nlp, text):
    assert not [f for f in _figures(nlp, text) if f[0] != 1 and f[1] in ("people_killed", "people_injured",
                                                                           "shooting_victims")]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("The pair killed the 6-year-old boy and wounded his 11-year-old brother.",
     [(1.0, "people_killed"), (1.0, "people_injured"), (2.0, "shooting_victims")]),  # each object has its own verb
    ("A 6-year-old child was shot and killed, his father was critically injured.",
     [(1.0, "people_killed"), (1.0, "people_injured"), (2.0, "shooting_victims")]),
    ("The man was rushed to the hospital with critical wounds.", [(1.0, "people_injured")]),
    # taken to a hospital where one of them died: shot, not all hurt alive
    ("Two men were taken to the hospital, where one died.", [(2.0, "shooting_victims"), (1.0, "people_killed")]),
    ("Medics rushed the boy and a man to the hospital, where the child succumbed to his injuries.",
     [(1.0, "people_killed"), (2.0, "shooting_victims")]),
    ("Adams shot the victims, murdering four of them and wounding a fifth.",
     [(4.0, "people_killed"), (5.0, "shooting_victims")]),
    ("A girl died. Three other people were also shot.", [(1.0, "people_killed"), (3.0, "people_injured")]),
])
def test_the_wounded_beside_the_dead_are_injured(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("When police arrived, they found a 16-year-old male dead at the scene.", [(1.0, "people_killed")]),
    ("Kaden was pronounced dead at the scene.", [(1.0, "people_killed")]),  # a name the NER may miss
    ("Police found a juvenile who had sustained a gunshot wound to the leg.", [(1.0, "people_injured")]),
    ("Smith's shots missed, grazing two passersby.", [(2.0, "people_injured")]),
    ("Five people on the bus went to the hospital.", [(5.0, "people_injured")]),
    ("The house was shot at from outside.", []),
    ("A 28-year-old man was found at the scene with a gunshot wound to the arm.", [(1.0, "shooting_victims")]),
    ("Police found the man with stab wounds.", []),  # not shot
    ("The boy was found with his mother.", []),
])
def test_found_dead_grazed_and_gone_to_hospital(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Police say a second teen has died after a drive-by shooting.", (2.0, "people_killed")),
    ("A man who was killed in a shooting that also left three other people wounded was named.",
     (1.0, "people_killed")),  # "other people" are beside him, so he is counted too
])
def test_second_dead_and_a_victim_beside_other_people(nlp, text, expected):
    assert expected in [(f[0], f[1]) for f in _figures(nlp, text)]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("An accidental shooting left a 12-year-old boy dead inside his home.", [(1.0, "people_killed", "exact")]),
    ("The shooting left a man with a gunshot wound to the leg.", [(1.0, "people_injured", "exact")]),
    ("The shooting left two men with serious injuries.", [(2.0, "people_injured", "exact")]),
    ("Watford died at the scene from a gunshot wound to his chest.", [(1.0, "people_killed", "exact")]),
    ("Cade Booher was in the backseat and died after being shot.", [(1.0, "people_killed", "exact")]),
    ("He was taken to a hospital, where he was declared clinically dead.", [(1.0, "people_killed", "exact")] * 2),
    ("The suspect was pronounced deceased at the scene.", [(1.0, "people_killed", "exact")]),
    ("He was struck in his right calf, police said.", [(1.0, "shooting_victims", "exact")]),
    # "a fatal shooting" gives no count: a "1" beside another outlet's "two killed" would be a false conflict
    ("Police are investigating a fatal shooting in Beaver County.", []),
    ("HARTSVILLE, Ind. (WISH) -- A 62-year-old man died Sunday night.", [(1.0, "people_killed", "exact")]),
    ("The victim was taken to Hilo Medical Center in critical condition and pronounced dead on Saturday.",
     [(1.0, "people_killed", "exact")]),
    ("Jahleel Munnings died at the scene.", [(1.0, "people_killed", "exact")]),  # tagged as a plural name
    ("The shooting happened in Dayton, leaving 27-year-old Brandon Lanier dead.", [(1.0, "people_killed", "exact")]),
])
def test_left_dead_declared_dead_and_a_named_death(nlp, text, expected):
    assert [f[:3] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
def test_a_blank_line_ends_a_sentence(nlp):
    """A headline without a full stop is not glued to the lead: the lead's victim is counted."""
    text = "Boy, 16, shot in Bridgeport\n\nA 16-year-old boy was shot Sunday night in the Bridgeport neighborhood."
    assert (1.0, "shooting_victims") in [f[:2] for f in _figures(nlp, text)]
    assert [s.text for s in nlp.ner(text).sents][0] == "Boy, 16, shot in Bridgeport\n\n"


RESULTS_PAGE = ("SOCCER - SPANISH LEAGUE STANDINGS\nBarcelona 12 8 3 1 27 11 27\nReal Madrid 12 7 3 2 25 13 24\n"
                "Spain drew 2-2 with Brazil in a friendly on Wednesday.\n"
                "Police said 20-30 people were hurt when fans clashed after the match.")
WRAPPED = ("Police in Springfield said on Friday that two men were\nshot and killed outside a bar on Main Street late\n"
           "on Thursday night, and that a third man was wounded in\nthe attack, which followed an argument inside.")


@pytest.mark.slow
def test_a_line_break_ends_a_sentence_unless_the_text_is_hard_wrapped(nlp):
    assert [s.text.strip() for s in nlp.ner(RESULTS_PAGE).sents][:3] == [
        "SOCCER - SPANISH LEAGUE STANDINGS", "Barcelona 12 8 3 1 27 11 27", "Real Madrid 12 7 3 2 25 13 24"]
    assert hard_wrapped(WRAPPED) and not hard_wrapped(RESULTS_PAGE)
    assert len(list(nlp.ner(WRAPPED).sents)) == 1  # its line breaks fall inside the sentence
    # "a third man": the third one shot
    assert [f[:2] for f in _figures(nlp, WRAPPED)] == [(2.0, "people_killed"), (3.0, "shooting_victims")]


@pytest.mark.slow
def test_table_cells_and_scores_are_not_figures_but_a_range_of_people_is(nlp):
    """The rows of a results table and a score count nothing a reader would compare (and the
    parser is not run on them); "20-30 people" still counts people."""
    figures = [(f.mention_text, f.value, f.metric) for f in _extract(nlp, RESULTS_PAGE, date(1996, 8, 30), "Wire")]
    assert figures == [("20", 20.0, "people_injured"), ("30", 30.0, "people_injured")]
    doc = nlp.ner(RESULTS_PAGE)
    assert not any(_may_hold_figure(s) for s in list(doc.sents)[1:4])


@pytest.mark.slow
def test_a_sentence_whose_only_numbers_tell_the_time_is_not_parsed(nlp):
    """Times are never figures, so a sentence with no other number and no casualty word skips the parser."""
    sentences = ["Police arrived around 9 p.m. and left at 10:15.", "Pick 3 - 1 p.m. 0-3-2; 7 p.m. 9-9-1",
                 "Police arrived around 9 p.m. with 12 officers.", "A man was shot around 9 p.m."]
    assert [_may_hold_figure(next(nlp.ner(text).sents)) for text in sentences] == [False, False, True, True]


@pytest.mark.slow
def test_ages_given_as_years_of_age_are_not_counts(nlp):
    text = "A male juvenile and a female juvenile, both 14 years of age, were shot in the leg."
    assert 14.0 not in [f[0] for f in _figures(nlp, text)]


@pytest.mark.slow
def test_ages_after_the_counted_noun_leave_it_the_subject(nlp):
    text = "About the same time, three males ages 17, 18 and 22, were shot in the 3200 block of West Maypole Avenue."
    assert [f[:2] for f in _figures(nlp, text) if f[1] != "other"] == [(3.0, "shooting_victims")]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("One juvenile was killed and two others were left in critical condition after a shooting.",
     [(1.0, "people_killed"), (2.0, "people_injured")]),
    ("Three men were in stable condition at the hospital.", [(3.0, "people_injured")]),
    ("Shots were fired inside the club, where four victims were struck.", [(4.0, "shooting_victims")]),
    ("Two officers were struck by a car on the highway.", [(2.0, "other")]),  # struck, but not by gunfire
    # the shots told in a sentence before
    ("Shots rang out outside the center. Two teens were struck.", [(2.0, "shooting_victims")]),
    ("Shots rang out outside the center. Then two teens were struck by a car.", [(2.0, "other")]),
    ("Two teens were struck.", [(2.0, "other")]),
    ("The child is in stable but serious condition in a Fargo hospital.", [(1.0, "people_injured")]),
    ("He was in critical condition but later died.", [(1.0, "people_killed")]),
    ("The house is in good condition.", []),
])
def test_a_hospital_condition_is_an_injury_and_struck_by_gunfire_is_shot(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Nobody was hurt in the crash, but one passenger in the car had a gunshot wound.", [(1.0, "people_injured")]),
    ("Three men received life-threatening injuries.", [(3.0, "people_injured")]),
    ("Her boyfriend had a gunshot wound.", [(1.0, "people_injured")]),
    ("The man had a gunshot wound to the chest and was taken to the hospital, where he died.",
     [(1.0, "people_killed"), (1.0, "people_killed")]),
    ("Three officers received awards for bravery.", [(3.0, "other")]),  # no wound
    ("Two men had injuries to their hands.", [(2.0, "other")]),  # "had injuries" is also said of the dead
    ("The man did not have a gunshot wound.", []),
])
def test_having_or_receiving_a_wound_is_suffering_it(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
def test_people_in_different_states_are_not_added_up(nlp):
    """ "one deceased male and a second male suffering a wound": one killed, two shot, not two injured."""
    text = "Police discovered one deceased male and a second male suffering a non life threatening gunshot wound."
    assert [f[:2] for f in _figures(nlp, text)] == [(1.0, "people_killed"), (2.0, "shooting_victims")]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("The child was transported to University Health with a non-life-threatening wound.", [(1.0, "people_injured")]),
    ("A female victim is expected to recover after an early morning shooting.", [(1.0, "people_injured")]),
    ("A 3-year-old girl is recovering at the hospital after being accidentally shot.", [(1.0, "people_injured")]),
    ("His wife and son are now recovering.", [(1.0, "people_injured"), (2.0, "people_injured")]),
    ("Two men are expected to recover.", [(2.0, "people_injured")]),
    ("He is not expected to survive the gunshot wound.", []),
    ("The man accidentally struck a 6-month-old baby in his care with a bullet.", [(1.0, "shooting_victims")]),
    ("The driver struck a pedestrian with his car.", []),
    # the clerk, and "him" again: the same one dead twice, harmless to a toll of the largest count
    ("That single shot struck the clerk in the back, killing him.", [(1.0, "people_killed")] * 2),
])
def test_recovering_taken_with_a_wound_struck_by_a_bullet_and_killing_him(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


HEADLINE_TEXT = ("A man opened fire inside a club in Gary, Indiana, early Sunday. Tony Green, 34, was hit in the leg "
                 "and a woman was grazed, police said. Officers were still looking for the gunman.")


@pytest.mark.slow
def test_a_headline_figure_the_text_does_not_repeat_is_a_row_of_its_own(nlp):
    from newsetl.extract.gazetteer import load_aliases
    from newsetl.extract.run import extract_articles

    articles = [
        {"article_id": "told-in-title", "clean_text": HEADLINE_TEXT, "is_lowercased": False,
         "published_date": date(2014, 2, 9), "outlet": "Gazette", "title": "5 hurt as patron fires back at gunman"},
        {"article_id": "repeated", "clean_text": "Two people were killed in Gary on Sunday, police said.",
         "is_lowercased": False, "published_date": date(2014, 2, 9), "outlet": "Gazette",
         "title": "2 killed in Gary shooting"},
        {"article_id": "no-title", "clean_text": HEADLINE_TEXT, "is_lowercased": False,
         "published_date": date(2014, 2, 9), "outlet": "Gazette", "title": None},
        {"article_id": "title-case", "clean_text": "Police did not release the victims' names.", "is_lowercased": False,
         "published_date": date(2014, 2, 9), "outlet": "Gazette", "title": "1 Killed, 2 Wounded In Austin Shooting"},
    ]
    figures = extract_articles(articles, nlp, load_aliases()).figures
    headline = [(f["article_id"], f["value"], f["metric"], f["mention_text"], f["sentence"], f["location"],
                 f["start_char"]) for f in figures if f["in_headline"]]
    # The place comes from the text (the title names none); offsets are into the title.
    assert headline == [
        ("told-in-title", 5.0, "people_injured", "5", "5 hurt as patron fires back at gunman", "Gary", 0),
        ("repeated", 2.0, "people_killed", "2", "2 killed in Gary shooting", "Gary", 0),
        # Parsed in sentence case, reported in the title's own words (NER finds no place in it).
        ("title-case", 1.0, "people_killed", "1", "1 Killed, 2 Wounded In Austin Shooting", None, 0),
        ("title-case", 2.0, "people_injured", "2", "1 Killed, 2 Wounded In Austin Shooting", None, 10),
    ]
    repeated = [(f["value"], f["metric"], f["in_headline"]) for f in figures if f["article_id"] == "repeated"]
    # the title's casualty count stays a row beside the text's repeat, which may stand far from the lead
    assert repeated == [(2.0, "people_killed", False), (2.0, "people_killed", True)]
    named = extract_articles([{
        "article_id": "named", "clean_text": "Tom Reyes died at the medical center.",
        "is_lowercased": False, "published_date": date(2014, 2, 9), "outlet": "Gazette",
        "title": "Tyler Shooting Victim Dies"}], nlp, load_aliases()).figures
    # a title's name whose count the text repeats is no more people (here a place the NER took for a name)
    assert [(f["value"], f["counted_noun"], f["in_headline"]) for f in named if f["metric"] == "people_killed"] == [
        (1.0, "Tom Reyes", False)]
    other_period = extract_articles([{
        "article_id": "other-period", "clean_text": "He is the second student to be killed in a shooting this year.",
        "is_lowercased": False, "published_date": date(2017, 3, 3), "outlet": "Gazette",
        "title": "Teen slain by gunfire in Oakland identified"}], nlp, load_aliases()).figures
    # the text's 1 killed is a count of this year's; the title's is the incident's, and stays a row
    assert (1.0, "people_killed", True, None) in [
        (f["value"], f["metric"], f["in_headline"], f["period_label"]) for f in other_period]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # a playlist's video title after its running time tells another story
    ("0:50 One dead after shooting downtown\n\nA man was wounded Monday, police said.", [(1.0, "people_injured")]),
    ("1:27 Two killed in crash on highway", []),
    # a clock time is no running time
    ("7:01 p.m. Police find a third victim, a man shot in the leg.", [(3.0, "shooting_victims")]),
])
def test_a_related_videos_title_is_not_the_articles_figure(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
def test_a_title_that_names_a_killing_counts_one_dead_at_least(nlp):
    from newsetl.extract.gazetteer import load_aliases
    from newsetl.extract.run import extract_articles

    quiet = "Police did not release any names."
    articles = [
        ("fatal", "Suspect arrested in fatal Elm Park shooting", quiet),
        ("death", "Teen charged in shooting death", quiet),
        ("homicide", "Man held on homicide charge", quiet),
        ("attempted", "Man charged with attempted murder", quiet),
        # a death the headline grammar does not reach
        ("shot-dead", "Teen dropped off at home, then shot dead", quiet),
        ("own-life", "Student takes own life in school parking lot", quiet),
        ("suicide", "Teen in apparent suicide remembered at vigil", quiet),
        ("dies", "Wounded teen found outside diner dies at hospital", quiet),
        ("no-gunfire", "Tax bill dies in committee", quiet),
        # the text counts the dead: no more than its count
        ("counted", "Suspect arrested in fatal Elm Park shooting", "Two men were killed on Sunday."),
        # a murder-suicide is two dead at least: the one killed and the one who killed himself
        ("murder-suicide", "Boy, 6, died in apparent murder-suicide", quiet),
        ("attempted-suicide", "Man held after attempted murder-suicide", quiet),
    ]
    figures = extract_articles([{"article_id": key, "clean_text": text, "is_lowercased": False,
                                 "published_date": date(2016, 5, 2), "outlet": "Gazette", "title": title}
                                for key, title, text in articles], nlp, load_aliases()).figures
    assert {(f["article_id"], f["value"], f["qualifier"], f["mention_text"], f["in_headline"])
            for f in figures if f["metric"] == "people_killed"} == {
        ("fatal", 1.0, "at_least", "fatal Elm Park shooting", True),
        ("death", 1.0, "at_least", "shooting death", True),
        ("homicide", 1.0, "at_least", "homicide", True),
        ("shot-dead", 1.0, "at_least", "shot dead", True),
        ("own-life", 1.0, "at_least", "takes own life", True),
        ("suicide", 1.0, "at_least", "apparent suicide", True),
        ("dies", 1.0, "at_least", "dies", True),
        ("counted", 2.0, "exact", "Two", False),
        ("murder-suicide", 1.0, "exact", "Boy, 6,", True),
        ("murder-suicide", 2.0, "at_least", "murder-suicide", True),
    }


@pytest.mark.slow
def test_a_title_that_lists_the_dead_of_a_killing_counts_them(nlp):
    from newsetl.extract.gazetteer import load_aliases
    from newsetl.extract.run import extract_articles

    quiet = "Police did not release any names."
    articles = [
        ("deaths", "Teen arraigned on shooting deaths of mother, brother", quiet),
        ("murder-suicide", "Coroner confirms murder-suicide of wife, husband in Elm Park", quiet),
        # one person: the title names a killing, one dead at least
        ("one", "Man charged in shooting death of his wife", quiet),
        # not people
        ("things", "Police probe deaths of pets, birds", quiet),
    ]
    figures = extract_articles([{"article_id": key, "clean_text": text, "is_lowercased": False,
                                 "published_date": date(2016, 5, 2), "outlet": "Gazette", "title": title}
                                for key, title, text in articles], nlp, load_aliases()).figures
    assert {(f["article_id"], f["value"], f["mention_text"]) for f in figures if f["metric"] == "people_killed"} == {
        ("deaths", 2.0, "mother, brother"),
        ("murder-suicide", 2.0, "murder-suicide"),  # two at least, whoever the list names
        ("one", 1.0, "wife"),
    }


@pytest.mark.slow
def test_headline_grammar_without_its_auxiliary_counts_the_victims(nlp):
    """Headlines drop "was": "Man shot in leg" is a man who was shot, not one who shot."""
    from newsetl.extract.gazetteer import load_aliases
    from newsetl.extract.run import extract_articles

    titles = {
        "leg": "Man shot in leg on South Side",
        "drive-by": "Police: Teen killed, 2 injured in drive-by",
        "own-hand": "Jefferson County boy, 4, shoots self in groin with grandfather's handgun",
        "dies-later": "Man wounded in 'accidental' shooting dies",
        "count": "Four shot during gunbattle near Westport Sunday morning",
        "active": "Man shot wife in argument, police say",
        "shot-at": "Teens shot at from passing car",
        "list": "Man, baby found dead inside home in St. Clair County",
        "counts": "10 women, 7 men wounded in 9th Ward playground shooting",
        "left": "Names released in Montfort shooting that left 6-year-old dead",
        "stray": "4-year-old boy hit by stray bullet outside DeKalb apartments",
        "car": "Man hit by car on highway",
        "title-case": "Five Shot Dead In South Shore: 4 Men At Restaurant",
        "among": "Child among 2 injured in shooting at 22nd, Grand",
        "says": "BRPD says 4 shot in apartment complex parking lot",
        "that-wounded": "Second man arrested in Trenton shooting that wounded 15-year-old",
        "kills-wounds": "Brainerd Shooting Kills 1 Person, Wounds 4, Police Say",
        "times": "Police: man shot 3 times in his car",
        "adjective": "5 hurt as wounded patron fires back at gunman",
        "speaker": "Man says he accidentally shot high school student, sheriff says",
        "shot-killed": "17-year-old shot, killed inside house",
        "figurative": "Workers hurt by tariffs as trade war drags on",
        "figurative-object": "Hair Discrimination Hurts Black Students at School",
        "another": "Deputies: Florence County boy shoots and kills 12-year-old, another wounded",
        "word-age": "Four-year-old wounded in central Fresno drive-by shooting",
        "critical": "Winona PD: 20-Year-Old Critical After Being Shot In Head",
        "modifiers": "DNR: Two Hunters Shot in Hunting Accident (Posey County)",
        "identify": "Milwaukee Police Identify 16-Year-Old Fatally Shot",
        "plural": "Police: 2 dead, others injured in apartment shooting",
        "kills-and-wounds": "Shooting kills three and wounds two near park",  # the second verb's object too
        "grazes": "Bullet grazes teen outside store",
        "wounded-left": "Man held in shooting that wounded 7-year-old, left woman dead",  # two clauses, not a list
        "mixed-list": "Mom, two sons died of gunshot wounds",  # one beside a count: 3
        "active-family": "Man killed family, self, police say",  # the man killed them: not one man killed
        "hospitalizes": "Accidental shooting hospitalizes boy at campground",
        "lands": "Gang shooting lands four men in hospital",
        "crash": "Crash puts driver in hospital",  # no gunfire told
        "shooting-of": "Arrest made in shooting of 9-year-old girl",
        "owner": "Police: Boy's shooting was accidental",
        "owner-after-in": "Suspect in officer's shooting arrested",  # not the headline's subject
        "hits": "Hunter fires rifle, hits his two nephews",
        "hits-no-gun": "Flu hits two nursing homes",  # no gun told
        "deaths-of": "Man held in shooting deaths of wife, son",
        "police-officer": "Police officer shot during traffic stop",  # "police" modifies the officer
        "serious": "Deputy serious but stable after shootout",
    }
    articles = [{"article_id": key, "clean_text": "Police did not release any names.", "is_lowercased": False,
                 "published_date": date(2016, 5, 2), "outlet": "Gazette", "title": title}
                for key, title in titles.items()]
    figures = extract_articles(articles, nlp, load_aliases()).figures
    found = {(f["article_id"], f["value"], f["metric"], f["counted_noun"], f["mention_text"])
             for f in figures if f["in_headline"] and f["metric"] in CASUALTY_METRICS}
    assert found == {
        ("leg", 1.0, "shooting_victims", "man", "Man"),
        ("drive-by", 1.0, "people_killed", "teen", "Teen"),
        ("drive-by", 2.0, "people_injured", None, "2"),
        ("own-hand", 1.0, "shooting_victims", "boy", "Jefferson County boy, 4,"),
        ("dies-later", 1.0, "people_killed", "man", "Man"),
        ("count", 4.0, "shooting_victims", "people", "Four"),
        ("list", 2.0, "people_killed", "people", "Man, baby"),
        # the parse counts "7 men"; the list adds the women to it
        ("counts", 7.0, "people_injured", "men", "7"),
        ("counts", 17.0, "people_injured", "people", "10 women, 7 men"),
        ("left", 1.0, "people_killed", "6-year-old", "6-year-old"),
        ("stray", 1.0, "shooting_victims", "boy", "4-year-old boy"),
        # read in sentence case: "Dead In" is no name the verb shot
        ("title-case", 5.0, "people_killed", "people", "Five"),
        ("among", 2.0, "people_injured", None, "2"),
        ("says", 4.0, "shooting_victims", "people", "4"),
        ("that-wounded", 1.0, "people_injured", "15-year-old", "15-year-old"),
        ("kills-wounds", 1.0, "people_killed", "person", "1"),
        ("kills-wounds", 4.0, "people_injured", "people", "4"),
        ("times", 1.0, "shooting_victims", "man", "man"),  # one man, shot three times
        ("adjective", 5.0, "people_injured", "people", "5"),  # the wounded patron is one of the 5
        ("speaker", 1.0, "shooting_victims", "student", "student"),  # not the sheriff
        ("active", 1.0, "shooting_victims", "wife", "wife"),  # "Man shot wife": the wife, never the man
        ("shot-killed", 1.0, "people_killed", "17-year-old", "17-year-old"),
        ("another", 1.0, "people_killed", "12-year-old", "12-year-old"),
        ("another", 1.0, "people_injured", "another", "another"),
        ("word-age", 1.0, "people_injured", "four-year-old", "Four-year-old"),
        ("critical", 1.0, "people_injured", "20-year-old", "20-Year-Old"),
        ("modifiers", 2.0, "shooting_victims", "hunters", "Two Hunters"),
        ("identify", 1.0, "people_killed", "16-year-old", "16-Year-Old"),
        # people in the plural, without a number, are two at least
        ("plural", 2.0, "people_killed", None, "2"),
        ("plural", 2.0, "people_injured", "others", "others"),
        ("kills-and-wounds", 3.0, "people_killed", None, "three"),
        ("kills-and-wounds", 2.0, "people_injured", "people", "two"),
        ("grazes", 1.0, "people_injured", "teen", "teen"),
        ("wounded-left", 1.0, "people_injured", "7-year-old", "7-year-old"),
        ("wounded-left", 1.0, "people_killed", "woman", "woman"),
        ("mixed-list", 2.0, "people_killed", "sons", "two"),  # the parse counts the sons alone
        ("mixed-list", 3.0, "people_killed", "people", "Mom, two sons"),
        ("hospitalizes", 1.0, "people_injured", "boy", "boy"),  # a shooting that put them in a hospital
        ("lands", 4.0, "people_injured", "men", "four men"),
        ("shooting-of", 1.0, "shooting_victims", "girl", "9-year-old girl"),  # the people a shooting was of
        ("owner", 1.0, "shooting_victims", "boy", "Boy"),
        ("hits", 2.0, "shooting_victims", "nephews", "his two nephews"),  # a gun fired hit them
        ("deaths-of", 2.0, "people_killed", "people", "wife, son"),  # the deaths of a list
        ("police-officer", 1.0, "shooting_victims", "officer", "Police officer"),
        ("serious", 1.0, "people_injured", "deputy", "Deputy"),  # a hospital's word, as "critical"
    }
    # a plural without a number is a lower bound, not a count
    assert {(f["mention_text"], f["qualifier"]) for f in figures if f["article_id"] == "plural"} == {
        ("2", "exact"), ("others", "at_least")}


@pytest.mark.parametrize(("title", "reading"), [
    ("1 Killed, 2 Wounded In Austin Shooting", "1 killed, 2 wounded in austin shooting"),
    ("SFPD Arrest 2 In Connection With Tenderloin Shooting", "SFPD arrest 2 in connection with tenderloin shooting"),
    ("Teen in critical condition after shooting", "Teen in critical condition after shooting"),  # already read well
    ("Two Shot", "Two Shot"),  # too short to tell a Title Case headline from a name
])
def test_title_case_headlines_are_read_in_sentence_case(title, reading):
    assert headline_reading(title) == reading


@pytest.mark.parametrize(("title", "headline"), [
    ("Shooting that killed teen - KLTV.com - Tyler, Longview, Jacksonville |ETX News", "Shooting that killed teen"),
    ("Man charged in shooting - wave3.com-Louisville News, Weather & Sports", "Man charged in shooting"),
    ("Victim killed in shooting was a teenager - Spokane News & Weather KHQ.com", "Victim killed in shooting was a teenager"),
    ("Man shot - police", "Man shot - police"),  # no site named
])
def test_a_page_title_loses_the_site_name_it_ends_with(title, headline):
    assert headline_without_site(title) == headline


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A teen was killed and a child was injured Friday evening in a drive-by shooting.",
     [(1.0, "people_killed"), (1.0, "people_injured"), (2.0, "shooting_victims")]),  # two people, both shot
    ("The boy fired one shot, killing a 5-year-old girl and injuring a 4-year-old boy.",
     [(1.0, "other"), (1.0, "people_killed"), (1.0, "people_injured"), (2.0, "shooting_victims")]),
    ("The man killed his wife and shot his neighbor.",  # each verb with an object of its own
     [(1.0, "people_killed"), (1.0, "shooting_victims"), (2.0, "shooting_victims")]),
    ("A teen shot another teen, killing the youth.",  # does not: the youth may be the teen shot
     [(1.0, "shooting_victims"), (1.0, "people_killed")]),
    # does not: the reflexive is the dead boy again, and so is the pronoun
    ("A 9-year-old boy has died after he accidentally shot himself in the head.",
     [(1.0, "people_killed"), (1.0, "shooting_victims")]),
    ("The man was taken to the hospital where he later died from his injuries.",
     [(1.0, "people_killed"), (1.0, "people_killed")]),
])
def test_the_dead_and_the_wounded_of_one_sentence_are_all_shot(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A 29-year-old man was shot in the leg, and a 33-year-old man was shot in the arm.",
     [(1.0, "shooting_victims"), (1.0, "shooting_victims"), (2.0, "shooting_victims")]),
    ("A 26-year-old man was shot in the back, while a 4-year-old boy suffered a gunshot wound to the foot.",
     [(1.0, "shooting_victims"), (1.0, "people_injured"), (2.0, "shooting_victims")]),
    # does not: "the man" is the man again
    ("A man was shot in the leg and the man was taken to the hospital.",
     [(1.0, "shooting_victims"), (1.0, "people_injured")]),
])
def test_the_hurt_told_one_by_one_in_a_sentence_are_added_up(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("The man was pronounced dead at the scene and the girl later died at a hospital.",
     [(1.0, "people_killed"), (1.0, "people_killed"), (2.0, "people_killed")]),
    ("Smith was killed and Jones died at a hospital.",
     [(1.0, "people_killed"), (1.0, "people_killed"), (2.0, "people_killed")]),
    # does not: the pronoun is the boy again
    ("The boy was shot and he died later.", [(1.0, "people_killed"), (1.0, "people_killed")]),
    # does not: the man was shot at another time, another shooting's victim
    ("A boy was shot to death in the park, and a man who was shot last month died, police said.",
     [(1.0, "people_killed"), (1.0, "people_killed")]),
])
def test_the_dead_told_one_by_one_in_a_sentence_are_two(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("When they arrived they found one man dead and another wounded.", (2.0, "shooting_victims")),
    ("One female is dead and another is in critical condition after the shooting.", (2.0, "shooting_victims")),
    ("Three people were killed and another critically injured in a shooting.", (4.0, "shooting_victims")),
    ("Police said two men were killed and another man was critically injured.", (3.0, "shooting_victims")),
    ("The shooting left three people dead and another person injured.", (4.0, "shooting_victims")),
])
def test_another_victim_beside_the_dead(nlp, text, expected):
    assert _figures(nlp, text)[-1][:2] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "The gunman killed one man and another was not hurt.",  # negated
    "Another man was wounded.",  # no one dead in the sentence: a lone victim, as before
    "Two men were killed and another man was not hurt.",  # negated
    "A man was killed Sunday, a week after another man was shot on the block.",  # an earlier shooting
])
def test_another_is_not_a_victim_when_unhurt_or_alone(nlp, text):
    assert [f[:2] for f in _figures(nlp, text) if f[1] == "shooting_victims" and f[0] > 1] == []


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "A teen was killed Saturday and another man died weeks after he was shot.",
    "17-year-old killed Saturday, another victim dies a month after being shot",
])
def test_another_who_dies_weeks_after_being_shot_is_not_one_more_dead(nlp, text):
    assert max(f[0] for f in _figures(nlp, text) if f[1] == "people_killed") == 1.0


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # "killing" / "injuring" alone make a sentence worth parsing
    ("The boy fired the gun, killing his sister and injuring his brother.",
     [(1.0, "people_killed"), (1.0, "people_injured"), (2.0, "shooting_victims")]),
    ("Man dies after a fight at a bar", [(1.0, "people_killed")]),
    ("Police are investigating the killing.", []),  # does not: no one counted
])
def test_casualty_verbs_in_ing_and_s_forms_are_read(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # does not count the shooter: "who" is the active subject of "shot"
    ("No charges will be filed against a man who shot a teenager to death.", [(1.0, "people_killed")]),
    ("A man who was shot in the leg walked to the hospital.", [(1.0, "shooting_victims")]),
    ("Police ID man who shot self after slipping on ice", [(1.0, "shooting_victims")]),
])
def test_the_subject_of_a_relative_shot_is_the_shooter(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A man shot and killed his two daughters, then turned the gun on himself.", (3.0, "people_killed")),
    ("Bacque fatally shot his son before killing himself, according to the sheriff's office.",
     (2.0, "people_killed")),
    ("A mother shot and wounded her 3-year-old son before killing herself.", (2.0, "shooting_victims")),
    ("The gunman killed two people and wounded three more before killing himself.", (6.0, "shooting_victims")),
    ("The father killed his wife and two young daughters before committing suicide.", (4.0, "people_killed")),
    ("A man killed his ex-girlfriend and their son before taking his own life.", (3.0, "people_killed")),
    # the victim as the subject of a passive
    ("Hernandez was shot and killed by her ex-boyfriend before he killed himself.", (2.0, "people_killed")),
    # the shooter's own clause on the agent of the passive
    ("A woman was shot and killed by her husband, who then turned the gun on himself.", (2.0, "people_killed")),
    ("An officer was shot and injured by a suspect who later killed himself.", (2.0, "shooting_victims")),
    # the shooter's own clause in a participle on him: he is counted once
    ("The boy suspected of killing a girl and shooting her mother before turning the gun on himself has died.",
     (2.0, "people_killed")),
    # "she" is the dead girl told hurt before she died, not one more victim
    ("A girl has died after she was wounded in a shooting that ended when her father killed himself.",
     (2.0, "people_killed")),
    # "and then himself": a second object the parser hangs on the verb; in a murder-suicide the shot died
    ("A man shot an 8-year-old boy and then himself in a murder-suicide.", (2.0, "people_killed")),
    # a headline's "self", and its first clause the parser hangs below the second
    ("Father kills two children, then fatally shoots self in standoff with police", (3.0, "people_killed")),
    # "then himself" after the objects of the killing verb, hung as an apposition or an interjection
    ("Police say her stepfather shot and killed her and his wife, then himself.", (3.0, "people_killed")),
    ("Police say her stepfather, 45-year-old Tran Van, shot and killed her and his wife, 39-year-old Cam To, "
     "then himself.", (3.0, "people_killed")),
])
def test_a_shooter_who_kills_himself_after_the_victims_is_one_more_dead(nlp, text, expected):
    assert _figures(nlp, text)[-1][:2] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "In the murder-suicide, a man killed his daughter and wounded his son before killing himself.",
    "Police said the murder-suicide began when he fatally shot his baby and critically injured his wife before "
    "taking his own life.",
])
def test_one_told_hurt_in_a_murder_suicide_is_not_among_its_dead(nlp, text):
    figures = [f[:2] for f in _figures(nlp, text)]
    assert max(value for value, metric in figures if metric == "people_killed") == 2.0
    assert (3.0, "shooting_victims") in figures


@pytest.mark.slow
def test_a_shooter_in_a_list_of_the_dead_is_counted_once(nlp):
    killed = [f[0] for f in _figures(nlp, "He killed his wife and then himself.") if f[1] == "people_killed"]
    assert max(killed) == 2.0


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("One of the two men shot Monday has died.", [(1.0, "people_killed"), (2.0, "shooting_victims")]),
    ("One of five people hurt in a shooting on Sunday night has died.",
     [(1.0, "people_killed"), (5.0, "shooting_victims")]),
    ("One of two men shot late Monday in Belle Glade dies", [(1.0, "people_killed"), (2.0, "shooting_victims")]),
    # one of the count set apart by "including", told dead
    ("Three people were injured, including a 17-year-old female who succumbed to her injuries.",
     [(3.0, "shooting_victims"), (1.0, "people_killed")]),
    ("Three people were injured, including a 17-year-old girl.", [(3.0, "people_injured")]),
    # no one died: the group is what its own words say
    ("One of the three officers wounded in the attack has been released from a hospital.",
     [(1.0, "people_injured"), (3.0, "people_injured")]),
])
def test_one_of_a_group_who_died_makes_the_group_people_shot(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Police charged the mother of a 4-year-old girl who fatally shot herself Thursday.",  # the girl is the one dead
    "A man accidentally shot himself in the leg.",
    "A man shot his wife and then himself in an attempted murder-suicide.",  # not said to have died
    "Police said the 15-year-old took his own life.",
])
def test_a_lone_self_inflicted_shooting_is_not_added_to(nlp, text):
    assert [f[:2] for f in _figures(nlp, text) if f[0] > 1] == []


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("He threatened to kill his wife.", []),
    ("The man tried to shoot the clerk.", []),
    # the plot is no killing; the shot that follows is
    ("The boys plotted to kill the girl and then shot her once in the head.", [(1.0, "shooting_victims")]),
    ("A man shot his wife and planned to kill himself.", [(1.0, "shooting_victims")]),
    # what might have been did not happen
    ("The boy could have been killed.", []),
    ("She could’ve been dead today, her mother said.", []),
    ("He would have died without the surgery.", []),
])
def test_a_killing_only_meant_or_imagined_is_no_casualty(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "A third child in the room was not hurt.",
    "The second child, a 3-year-old boy, was not injured.",
    "The female driver and two other children were not injured in the incident.",
    "Two others in the apartment were not wounded.",
    "Thankfully, the infant was not struck.",
    "Officers also found his sister, who was not injured.",  # a relative clause denied
])
def test_people_not_hurt_are_not_casualties(nlp, text):
    assert [f[:2] for f in _figures(nlp, text) if f[1] in ("people_killed", "people_injured", "shooting_victims")] == []


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A man was fatally wounded in a shooting shortly after midnight.", [(1.0, "people_killed")]),
    ("A shooting at the school fatally wounded one student.", [(1.0, "people_killed")]),
    ("A 57-year-old man was found shot to death Saturday morning.", [(1.0, "people_killed")]),
    ("A young man was found shot on Carole Lane.", [(1.0, "shooting_victims")]),
    ("An older teenage male was found suffering from several gunshot wounds.", [(1.0, "shooting_victims")]),
    ("Two men were wounded in the shooting.", [(2.0, "people_injured")]),  # not fatally: injured
    ("A man was found in the house.", []),  # found, nothing more
])
def test_fatally_wounded_is_killed_and_found_shot_is_a_victim(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A 30-year-old man called 911 saying he had been shot.", [(1.0, "shooting_victims")]),  # he, not 911
    ("Neighbors made several 911 calls after the shots.", []),
])
def test_the_emergency_number_is_not_a_count(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text) if f[1] != "other"] == expected


def _most_shot(nlp, text):
    return max((f[0] for f in _figures(nlp, text) if f[1] == "shooting_victims"), default=0.0)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Three people were found dead in the home. A woman also suffered a gunshot wound to the face.", 4.0),
    ("A boy was killed Sunday. Another teen was shot in the foot.", 2.0),
    ("A man was shot and killed. A 4-year-old neighbor was also injured in the shooting.", 2.0),
    ("A man was killed. A woman and her son were also shot.", 3.0),  # a list: all of its people are more
])
def test_a_victim_also_hurt_after_the_dead_is_one_more_shot(nlp, text, expected):
    assert _most_shot(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Four people were shot, one fatally. A 30-year-old man was also shot in the knee.", 4.0),  # one of the four
    ("A man was killed Sunday. He was also shot in the arm.", 1.0),  # a pronoun: the same man
    ("A teen was killed Tuesday. His death came four days after another man was shot on the same block.", 1.0),
    ("A man was wounded. Another man was also shot.", 1.0),  # no one dead before: not added up
])
def test_also_and_another_do_not_add_to_a_count_of_the_shot_or_the_same_person(nlp, text, expected):
    assert _most_shot(nlp, text) == expected


def _most_dead(nlp, text):
    return max((f[0] for f in _figures(nlp, text) if f[1] == "people_killed"), default=0.0)


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # a person also found dead after a count of the dead is one more
    ("Deputies found two young men, who were deceased. Deputies also found a woman, who was deceased.", 3.0),
    ("Two people were killed. A woman was also killed.", 3.0),
    # not a name, often one of the dead told again, nor "another", who may be another incident's
    ("Two men were killed. Smith also died of his injuries.", 2.0),
    ("Two men were killed. A year ago, another teen was killed on the block.", 2.0),
])
def test_a_person_also_dead_after_the_dead_is_one_more_dead(nlp, text, expected):
    assert _most_dead(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A man was wounded, as was his wife.", 2.0),
    ("The robber was hit and wounded, and so was the clerk he was holding.", 2.0),
    ("A man shot in the ankle was taken to a hospital, as was a 22-year-old woman.", 2.0),
    ("The boy was wounded, and so was his pride.", 0.0),  # not a person
])
def test_a_person_so_was_or_as_was_after_a_hurt_victim_is_another_one(nlp, text, expected):
    assert _most_shot(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Both victims were taken to a hospital and treated for their injuries.", 2.0),
    ("Both victims were in critical condition at the hospital.", 2.0),
    ("Both suspects were taken to the hospital.", 0.0),  # not victims
    ("Both victims were not injured in the shooting.", 0.0),  # negated
    ("Both victims of the fraud testified in court.", 0.0),  # no casualty word
])
def test_both_victims_are_two_people_shot(nlp, text, expected):
    assert _most_shot(nlp, text) == expected


def _list_figures(nlp, text):
    return [(f[0], f[1]) for f in _figures(nlp, text) if f[0] >= 2]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Deputies found Bacque and his son in a bedroom dead from apparent gunshot wounds.", [(2.0, "people_killed")]),
    ("Deputies found the man and his son dead from gunshot wounds.", [(2.0, "people_killed")]),
    # does not: found with wounds, shot, not said dead
    ("Police found a man and a woman with gunshot wounds.", [(2.0, "shooting_victims")]),
])
def test_a_list_found_dead_from_wounds_is_killed(nlp, text, expected):
    assert _list_figures(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "2 men, woman arrested in fatal shooting of 17-year-old boy",  # no verb of their own but "arrested"
    "Two men were arrested in the fatal shooting of a teen.",
])
def test_people_arrested_in_a_killing_are_not_its_dead(nlp, text):
    assert [f[:2] for f in _figures(nlp, text)] == [(2.0, "arrests"), (1.0, "people_killed")]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A 4-year-old girl and mother who were shot and killed near their home were identified Sunday.",
     [(2.0, "people_killed")]),
    # does not: the relative clause says wounded, or is the shooters' own clause, or is negated
    ("Two men and a woman who were wounded were taken to a hospital.", [(2.0, "people_injured"), (3.0, "people_injured")]),
    ("A man and a woman who shot a teen were arrested.", []),
    ("A woman and her son who were not hurt were questioned.", []),
    # a participle says it too
    ("A 3-year-old girl and 23-year-old woman wounded by gunfire have been released from the hospital.",
     [(2.0, "people_injured")]),
    ("A man and a woman seen at the scene were questioned.", []),
])
def test_a_relative_clause_says_what_happened_to_a_list(nlp, text, expected):
    assert _list_figures(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A 15-year-old boy was killed at a party on Saturday. The 16-year-old was injured, but is recovering.", 2.0),
    ("Police found a 16-year-old girl dead in a car. A 20-year-old man was taken to the hospital with injuries.", 2.0),
    # the same age: told shot before he died, one person
    ("A 17-year-old boy was shot on Friday. The 17-year-old was taken to a hospital, where he died.", 1.0),
    # an age in words and in digits is one age
    ("A four-year-old girl was shot and killed. The 4-year-old was taken to a hospital.", 0.0),
    # the age of the dead is not told: the hurt one may be them
    ("A man was killed on Friday. The 17-year-old was taken to a hospital.", 0.0),
    # more dead aged than counted: a list of the year's homicides, whose hurt man is of another shooting
    ("Jan. 5: A 22-year-old woman was shot and killed. Sept. 22: A 23-year-old man was shot in the leg. "
     "Nov. 19: A 15-year-old boy is dead after a shooting by deputies.", 1.0),
    # the hurt victim told first, a death after: an earlier killing the story recalls, not one of this shooting
    ("A 9-year-old girl was wounded in her home on Sunday. Her uncle, 31, was shot and killed there in May.", 0.0),
])
def test_a_hurt_victim_of_another_age_than_the_dead_is_one_more_shot(nlp, text, expected):
    assert _most_shot(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A 6-year-old boy was grazed in the arm. Police said a 19-year-old man was shot in the leg.", 2.0),
    ("A 30-year-old woman was shot in the hand. A 12-year-old girl was wounded in the foot. "
     "A 45-year-old man suffered a gunshot wound.", 3.0),
    # the same age twice: one person told twice
    ("A 16-year-old boy was shot in the leg. The 16-year-old was taken to a hospital.", 1.0),
    # a time of its own: another shooting of a round-up
    ("A 6-year-old boy was wounded. On Monday, a 19-year-old man was shot in the leg.", 1.0),
    # a death told in the story: the hurt may be the dead, told before they died
    ("A 6-year-old boy was wounded. A 19-year-old man was shot in the leg. The boy later died.", 1.0),
])
def test_hurt_victims_of_different_ages_where_no_one_died_are_different_people(nlp, text, expected):
    assert _most_shot(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("The robbery suspect was found dead in the woods. The officer suffered a graze wound to the leg.", 2.0),
    ("The gunman shot and killed himself. An officer was injured by shrapnel.", 2.0),
    # the dead is not the shooter: the hurt officer may be them
    ("A man was found dead. The officer suffered a graze wound to the leg.", 0.0),
])
def test_a_hurt_officer_beside_a_dead_shooter_is_one_more_shot(nlp, text, expected):
    assert _most_shot(nlp, text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Three people were killed and a fourth person was injured.", [(3.0, "people_killed"), (4.0, "shooting_victims")]),
    # a third person who died is the third of the victims, not of the dead
    ("Two men suffered non-life threatening injuries and a third person died.", [(2.0, "people_injured")]),
    # alone, it is the third dead
    ("A third person has died after a shooting near a school.", [(3.0, "people_killed"), (1.0, "people_killed")]),
    ("Two people are dead. Nobody else was injured.", [(2.0, "people_killed")]),  # nobody is no victim
    # a possessor is a victim told of before, not one more
    ("Clothing found in the second victim's car was linked to the fatal shooting.", []),
    # a rank in a tally of shootings is no count of this one's victims
    ("A boy shot in Englewood is the fourth child to be shot in the city this week.",
     [(1.0, "shooting_victims"), (1.0, "shooting_victims")]),
    ("The girl died Wednesday, the third child to die from gunfire in the city this week.",
     [(1.0, "people_killed"), (1.0, "people_killed")]),
    ("The boy is the seventh child who has been shot in the city this year.", [(1.0, "shooting_victims")]),
    ("Police asked if anyone had been killed or wounded.", []),
])
def test_an_ordinal_person_is_one_more_and_nobody_is_no_one(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Three people were found shot to death in the home.", [(3.0, "people_killed")]),
    ("Police found two men shot to death in a car.", [(2.0, "people_killed")]),
    ("Two men were found shot in a car.", [(2.0, "shooting_victims")]),  # shot, not said dead
])
def test_a_count_found_shot_to_death_is_killed(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Investigators said upwards of 50 rounds were shot.",
    "A police dog was also shot.",
    "The Sheriff's Office could not confirm the dog was killed.",
    "A car nearby was also shot into and damaged.",
])
def test_things_and_animals_shot_are_not_victims(nlp, text):
    assert not [f for f in _figures(nlp, text) if f[1] in ("people_killed", "people_injured", "shooting_victims")]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("Four people were shot inside an apartment, and two did not survive.",
     [(4.0, "shooting_victims"), (2.0, "people_killed")]),
    ("Two of the victims didn't survive.", [(2.0, "people_killed")]),
    ("The boy was rushed to the hospital but did not survive.", [(1.0, "people_killed")]),
    ("The victim did not survive.", [(1.0, "people_killed")]),
    ("The house did not survive the fire.", []),  # not a person
    # "both" counts two dead
    ("Both were pronounced dead at the scene.", [(2.0, "people_killed")]),
    ("When Trejo showed up, both were fatally shot on the back deck.", [(2.0, "people_killed")]),
    ("Both boys were dead when police reached the car.", [(2.0, "people_killed")]),
    # does not: shot or taken to hospital is not said dead
    ("Both men had been shot in the head.", []),
    ("Both were taken to Stroger Hospital.", []),
    # "both" told injured or wounded counts two hurt, unless they die later
    ("Both were injured and remain in the hospital.", [(2.0, "people_injured")]),
    ("Both were wounded and later died.", [(2.0, "people_killed")]),
])
def test_a_survival_denied_and_both_dead_are_deaths(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # found with wounds is shot, alive or not: the dead are often told after ("One of them was pronounced dead")
    ("When officers arrived, three people were found suffering from gunshot wounds.", [(3.0, "shooting_victims")]),
    ("Police found two males with gunshot wounds.", [(2.0, "shooting_victims")]),
    # taken to the hospital with wounds: alive when the story was told
    ("Two people were taken to the hospital with gunshot wounds.", [(2.0, "people_injured")]),
])
def test_people_found_with_wounds_are_shot_not_said_alive(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("A man showed up at a hospital with a gunshot wound.", [(1.0, "people_injured")]),
    ("Later, a woman walked into the hospital with a gunshot wound to the leg.", [(1.0, "people_injured")]),
    ("A girl went to a hospital hours later for treatment of a gunshot wound.", [(1.0, "people_injured")]),
    ("A teen drove himself to a hospital with a gunshot wound.", [(1.0, "people_injured")]),
    ("Friends drove the man to a hospital with a gunshot wound.", []),  # the subject is the driver
    ("Her mother went to the hospital to see her.", []),  # no wound
])
def test_a_victim_who_came_to_a_hospital_wounded_is_hurt(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # what follows a dash or "and" before the next number is about that number
    ("Six were shot -- 2 killed and 4 wounded -- outside of a home.",
     [(6.0, "shooting_victims"), (2.0, "people_killed"), (4.0, "people_injured")]),
    ("Sixteen people were shot -- one fatally -- inside of a nightclub.",
     [(16.0, "shooting_victims"), (1.0, "people_killed")]),
    ("A shooting at a nightclub left three people wounded and one dead.",
     [(3.0, "people_injured"), (1.0, "people_killed")]),
    ("Two people were shot and killed.", [(2.0, "people_killed")]),
    # "a father of four" counts his children
    ("Father of 5 killed in shooting.", []),
    ("A friend killed the 63-year-old father of four Friday evening.", [(1.0, "people_killed")]),
])
def test_a_dash_or_and_before_a_number_ends_a_count_and_a_father_of_four_is_one(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # hurt by other than gunfire: not shot
    ("Three were treated at the scene for injuries from broken glass, and released.", [(3.0, "other")]),
    ("Officers found two people suffering from stab wounds and a teen armed with a knife.", [(2.0, "other")]),
    ("Her husband was injured by glass when his windshield was shot at.", []),
    ("Police say the third victim was hit with glass.", []),
    # by gunfire, or by a gun: shot
    ("Two men were wounded by gunfire.", [(2.0, "people_injured")]),
    ("A man was shot in the leg with a rifle.", [(1.0, "shooting_victims")]),
])
def test_people_hurt_by_glass_or_a_knife_are_not_shot(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    # the active subject of shooting or killing someone is the shooter: its count is not of victims
    ("Two men shot a woman.", [(2.0, "other"), (1.0, "shooting_victims")]),
    ("Two men opened fire, killing a woman.", [(2.0, "other"), (1.0, "people_killed")]),
    ("Wilson was home when two people came in, started arguing with him and then shot him.",
     [(2.0, "other"), (1.0, "shooting_victims")]),
    # the passive subject, or an object, is the victim
    ("Two people were shot and killed.", [(2.0, "people_killed")]),
    ("The gunman killed three people and wounded two others.", [(3.0, "people_killed"), (2.0, "people_injured")]),
])
def test_people_who_shoot_someone_are_the_shooters(nlp, text, expected):
    assert [(f[0], f[1]) for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("The mother told police that the 5-year-old had shot herself in the arm and she believes the bullet struck the father.",
     [(1.0, "shooting_victims"), (1.0, "shooting_victims"), (2.0, "shooting_victims")]),
    ("Police say the 19-year-old was shot in the arm and is expected to recover, while the 16-year-old also shot himself "
     "in the foot.", [(1.0, "shooting_victims"), (1.0, "shooting_victims"), (2.0, "shooting_victims")]),
    # the person whose clause holds his is the same child
    ("A girl who was hurt when the toddler shot himself is in the hospital.",
     [(1.0, "people_injured"), (1.0, "shooting_victims")]),
])
def test_someone_who_shot_himself_and_another_victim_are_two_people_shot(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), [
    ("PARK MANOR — A 6-year-old girl was grazed by a bullet and a 22-year-old relative was shot dead.",
     [(1.0, "people_injured"), (1.0, "people_killed"), (2.0, "shooting_victims")]),  # not three people
    ("LOUISVILLE, KY (WAVE) – A 4-year-old girl shot in the neighborhood was still in grave condition.",
     [(1.0, "people_injured")]),  # not "LOUISVILLE, KY", two people injured
    ("MOM WAS STRUCK IN THE LEG.", [(1.0, "shooting_victims")]),  # a sentence all in capitals still counts
    # the parser makes the place the subject and the count its apposition: the verb is still the count's
    ("MIAMI-DADE COUNTY, Fla. - Three people, including two boys, were wounded in a shooting, police said.",
     [(3.0, "people_injured"), (2.0, "people_injured")]),
])
def test_a_dateline_in_capitals_is_not_a_victim(nlp, text, expected):
    assert [f[:2] for f in _figures(nlp, text)] == expected


@pytest.mark.slow
@pytest.mark.parametrize(("sentence", "read"), [
    ("Stirling 1 Dundee 1", False),  # a results line
    ("The Dow Jones industrial average fell 31.44 points to 5,616.21 after a 64.73-point decline Thursday.", False),
    ("Spending on durable goods fell to an annual rate of $626.3 billion in July.", False),
    ("Two die as New Hampshire motel explodes and burns.", True),
    ("He turned the gun on himself after 2 hours.", True),  # no word of CASUALTY_WORDS, a victim all the same
    ("The 2 boys succumbed at a hospital.", True),
    ("A second man, 24, was struck in the leg.", True),
])
def test_victim_rules_read_only_sentences_with_a_word_of_harm(nlp, sentence, read):
    """The gate that spares the victim rules a sports or market page's parsed sentences: it must not shut
    out a sentence those rules would count a victim in."""
    from newsetl.extract.figures import _may_tell_of_victims

    doc = nlp.ner(sentence)
    (parsed,) = parse_number_sentences(nlp.parse, [doc])[id(doc)].values()
    assert _may_tell_of_victims(parsed) is read


@pytest.mark.slow
def test_deaths_that_no_violence_caused_are_deaths_not_people_killed(nlp):
    def metrics(text):
        return [(value, metric) for value, metric, *_ in _figures(nlp, text, published=date(2020, 4, 22))]

    assert metrics("Wisconsin had recorded 246 deaths from the coronavirus, the health department said.") == [
        (246.0, "deaths")]
    assert metrics("Officials have confirmed at least 37 people dead in Tuesday's earthquake.") == [(37.0, "deaths")]
    # accidents and overdoses too (Vox on 2 state police, the 1,000-article benchmark)
    assert metrics("Two state police also died in a chopper crash.") == [(2.0, "deaths")]
    assert metrics("More than 70,000 Americans died of drug overdoses last year.") == [(70000.0, "deaths")]
    assert metrics("Two men were killed in a car crash after the gunman fled.") == [(2.0, "people_killed")]
    assert metrics("When the rocket crashed into the building, three people were killed.") == [(3.0, "people_killed")]
    assert metrics("One man died in a hunting accident.") == [(1.0, "people_killed")]
    assert metrics("The former president died Friday in Houston at age 94. Two of his aides died at 80.") == [
        (2.0, "deaths"), (80.0, "other")]
    # violence in the sentence, or an age told after gunfire, keeps them killed
    assert metrics("Three people were killed in the attack, which came as the virus spread.") == [
        (3.0, "people_killed")]
    assert metrics("Two men died at age 30 after a gunman opened fire.") == [(2.0, "people_killed")]
    assert metrics("Two men were shot and killed on Friday. A third victim died at the hospital at age 70.") == [
        (2.0, "people_killed"), (3.0, "people_killed"), (1.0, "people_killed")]
    # a cause told in another sentence is not read: the count stays killed
    assert metrics("The virus spread. Wisconsin had recorded 246 deaths, the health department said.") == [
        (246.0, "people_killed")]


@pytest.mark.slow
def test_an_article_that_tells_no_violence_or_crime_counts_its_dead_as_deaths(nlp):
    from newsetl.extract.gazetteer import load_aliases
    from newsetl.extract.run import extract_articles

    def killed(text: str, title: str | None = None) -> list[tuple]:
        figures = extract_articles([{
            "article_id": "a", "clean_text": text, "is_lowercased": False, "published_date": date(2016, 3, 6),
            "outlet": "Gazette", "title": title}], nlp, load_aliases()).figures
        return [(f["value"], f["metric"]) for f in figures if f["metric"] in ("people_killed", "deaths")]

    obituary = "Nancy Reagan, the former first lady, has died. When Ronald Reagan died, she led the mourning."
    assert killed(obituary) == [(1.0, "deaths"), (1.0, "deaths")]
    assert killed("Two people died on Sunday after a heart attack at the policy forum.") == [(2.0, "deaths")]
    # one word of crime or violence in the text or the title keeps the dead killed
    assert killed("Two people died on Sunday, police said.") == [(2.0, "people_killed")]
    assert killed("Two people died on Sunday.", title="Gunfire in Gary") == [(2.0, "people_killed")]


@pytest.mark.slow
def test_a_figures_place_is_no_building_of_an_institution_nor_the_country_unless_set_there(nlp):
    from newsetl.extract.gazetteer import load_aliases
    from newsetl.extract.run import extract_articles

    text = ("White House officials spoke about gun violence in Chicago on Monday. America has a problem, "
            "the White House said. Officials at the White House said 30 people were killed at the weekend. "
            "America's police chiefs said 5 people were shot. Across America, 12 people were shot. "
            "Three people were shot on Monday, which posed deep questions about race relations in America.")
    articles = [{"article_id": "a", "clean_text": text, "is_lowercased": False, "published_date": None,
                 "outlet": None}]
    figures = extract_articles(articles, nlp, load_aliases()).figures
    # the country is a figure's place only where the figure is set in it, not somewhere in its sentence
    assert [(f["value"], f["metric"], f["location"]) for f in figures] == [
        (30.0, "people_killed", "Chicago"), (5.0, "shooting_victims", "Chicago"),
        (12.0, "shooting_victims", "United States"), (3.0, "shooting_victims", "Chicago")]


@pytest.mark.slow
def test_the_state_of_a_party_tag_is_no_place_of_the_articles_figures(nlp):
    text = ("Sen. John Thune (R-S.D.) and Sen. Mike Rounds (R-S.D.) spoke in Chicago. "
            "Police said 12 people were shot over the weekend.")
    doc = nlp.ner(text)
    mentions = [Mention(text.index("S.D."), text.index("S.D.") + 4, "S.D.", "South Dakota", "LOCATION"),
                Mention(text.rindex("S.D."), text.rindex("S.D.") + 4, "S.D.", "South Dakota", "LOCATION"),
                Mention(text.index("Chicago"), text.index("Chicago") + 7, "Chicago", "Chicago", "LOCATION")]
    figures = extract_figures(doc, parse_number_sentences(nlp.parse, [doc]).get(id(doc), {}), mentions, [],
                              date(2017, 6, 30), "Test Outlet")
    assert [(f.value, f.location) for f in figures] == [(12.0, "Chicago")]

from newsetl.extract.person_names import is_given_name, one_name_per_person, same_person


def _surname(name):
    return name.split()[-1].lower()


def _not_a_first_name(word):
    return word.lower() in {"mr.", "justice", "counsel", "admiral", "was", "so", "pope"}


def _one_name(names):
    return one_name_per_person(names, _surname, _not_a_first_name, lambda word: word == "Mr.")


def test_a_middle_initial_or_a_nickname_leaves_one_person_and_a_relative_is_another():
    assert same_person("Donald J. Trump", "Donald Trump")
    assert same_person("Donald J Trump", "Donald J. Trump")
    assert same_person("William Barr", "Bill Barr")
    assert same_person("Mike Flynn", "Michael Flynn")
    assert same_person("Hillary Rodham Clinton", "Hillary Clinton")
    assert not same_person("Bill Clinton", "Hillary Clinton")
    assert not same_person("George W. Bush", "George H.W. Bush")
    assert not same_person("Mike Pence", "Mike Pompeo")


def test_the_name_used_most_then_the_shortest_is_kept_and_relatives_stay_apart():
    assert _one_name(["Donald J. Trump", "Melania Trump", "Donald Trump"]) == {"Donald J. Trump": "Donald Trump"}
    assert _one_name(["George Bush", "George W. Bush", "George W. Bush"]) == {"George Bush": "George W. Bush"}
    assert _one_name(["Michael Flynn", "Mike Flynn"]) == {"Mike Flynn": "Michael Flynn"}  # a tie: the first met
    # "George Bush" may be either; it must not join the two into one.
    renamed = _one_name(["George W. Bush", "George H.W. Bush", "George Bush"])
    assert renamed.get("George H.W. Bush") != "George W. Bush" and renamed.get("George W. Bush") != "George H.W. Bush"


def test_a_title_or_a_common_word_before_a_surname_is_the_articles_person_of_that_surname():
    assert _one_name(["Was Boehner", "John Boehner"]) == {"Was Boehner": "John Boehner"}
    # beside relatives, which one is meant is not known: "Mrs. Reagan" is not the first Reagan met
    assert _one_name(["Ronald Reagan", "Nancy Reagan", "Mr. Reagan"]) == {}
    # a title before a full name is no part of it: "Chuck Larson" is not the article's other Larson
    assert _one_name(["Sarah Larson", "Admiral Chuck Larson"]) == {"Admiral Chuck Larson": "Chuck Larson"}
    assert _one_name(["Counsel Mueller", "Robert S. Mueller", "Robert Mueller"]) == {
        "Counsel Mueller": "Robert Mueller", "Robert S. Mueller": "Robert Mueller"}
    # alone, a courtesy title is dropped; a role or a common word before a name is left as it is
    assert _one_name(["Mr. Netanyahu"]) == {"Mr. Netanyahu": "Netanyahu"}
    assert _one_name(["Justice Kennedy"]) == {}
    assert _one_name(["Pope Francis"]) == {}
    # a surname twice (page chrome) is no full name: the surname alone, not a relative's
    assert _one_name(["Trump Trump", "Melania Trump"]) == {"Trump Trump": "Trump"}


def test_a_given_name_that_is_also_a_common_word_is_a_given_name():
    assert is_given_name("Bill") and is_given_name("Mike") and is_given_name("Will")
    assert not is_given_name("Was") and not is_given_name("Echoing")


def test_a_first_name_repeated_in_full_after_the_surname_is_page_chrome():
    # The Hill's related-names line: "Jeff Flake Jeffrey (Jeff) Lane Flake", read as "Jeff Flake Jeffrey"
    assert _one_name(["Jeff Flake Jeffrey", "Bob Casey Robert", "Jeff Flake"]) == {
        "Jeff Flake Jeffrey": "Jeff Flake", "Bob Casey Robert": "Bob Casey"}
    assert _one_name(["Mitch McConnell Addison"]) == {}  # Addison is no form of Mitch

"""One name per person within an article.

An article gives one person several full names ("Donald J. Trump" and "Donald
Trump", "Michael Flynn" and "Mike Flynn"), and the model takes a word before a
surname into the name ("Was Boehner", "So Clinton", "Counsel Mueller"). Each
would be its own actor in the marts, and a surname alone went to whichever
came first. Here the full names of an article that share a surname are grouped:
the same first name (or a nickname of it, from the hand-curated ``nicknames``
dataset) with no conflicting middle part is one person, named by the form the
article uses most, then the shortest; a name whose first word is no given name
but a title or a common word is the surname's one person.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache

from nicknames import name_triplets


@cache
def _nicknames() -> dict[str, frozenset[str]]:
    """Given name -> the names it is a nickname of or has as nicknames ("mike" <-> "michael")."""
    related: dict[str, set[str]] = {}
    for triplet in name_triplets():
        related.setdefault(triplet.name1, set()).add(triplet.name2)
        related.setdefault(triplet.name2, set()).add(triplet.name1)
    return {name: frozenset(others) for name, others in related.items()}


def is_given_name(word: str) -> bool:
    """An English given name or nickname of the dataset ("Bill", "Mark", "Will"): a name's first word that
    is also a common word is still a first name."""
    return word.lower().rstrip(".") in _nicknames()


def _first_names_match(a: str, b: str) -> bool:
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    return a == b or b in _nicknames().get(a, ())


def _middle(words: list[str]) -> tuple[str, ...]:
    return tuple(word.lower().replace(".", "") for word in words[1:-1])


def same_person(a: str, b: str) -> bool:
    """Two full names of one surname that name one person: "Donald J. Trump" and "Donald Trump", "Bill Barr"
    and "William Barr", "Hillary Rodham Clinton" and "Hillary Clinton"; not "George W. Bush" and "George H.W.
    Bush", nor "Bill Clinton" and "Hillary Clinton"."""
    words_a, words_b = a.split(), b.split()
    if words_a[-1].lower() != words_b[-1].lower() or not _first_names_match(words_a[0], words_b[0]):
        return False
    middle_a, middle_b = _middle(words_a), _middle(words_b)
    return not middle_a or not middle_b or middle_a == middle_b


def one_name_per_person(mentioned: Iterable[str], surname_of: Callable[[str], str],
                        not_a_first_name: Callable[[str], bool],
                        is_courtesy_title: Callable[[str], bool]) -> dict[str, str]:
    """For the full person names of one article's mentions, in order (a name once per mention): name -> the
    name the article's person goes by, for each name that changes.

    Names are compared within one surname (``surname_of``: "trump", or "trump jr" for "Donald Trump
    Jr."). A name whose first word ``not_a_first_name`` (a title or a common word) is the rest of it when
    that is a full name ("Admiral Chuck Larson"); else it is the surname's one person in the article ("Was
    Boehner" beside "John Boehner"). Beside relatives it is left as it is ("Mrs. Reagan" beside Ronald and
    Nancy Reagan), and alone too ("Pope Francis") unless a courtesy title starts it ("Mr. Netanyahu" is
    "Netanyahu"). Of names that are one person, the one the article uses most is kept, then the shortest,
    then the first met: "Donald Trump" over one "Donald J. Trump", "George W. Bush" over one "George
    Bush"."""
    times = Counter(mentioned)
    renamed: dict[str, str] = {}
    for name in list(times):
        words = name.split()
        if len(words) == 2 and words[0].lower() == words[1].lower():
            # a surname twice is page chrome ("Trump Trump" of a related-names line), not a full name that
            # the surname alone would go to: it is the surname alone
            renamed[name] = words[1]
            del times[name]
        elif len(words) >= 3 and not_a_first_name(words[0]) and not not_a_first_name(words[1]):
            renamed[name] = " ".join(words[1:])
            times[renamed[name]] += times.pop(name)
        elif len(words) == 3 and words[2][:1].isupper() and _first_names_match(words[2], words[0]):
            # the first name again, in full: "Jeff Flake Jeffrey" of The Hill's related-names line
            # ("Jeff Flake Jeffrey (Jeff) Lane Flake")
            renamed[name] = " ".join(words[:2])
            times[renamed[name]] += times.pop(name)
    by_surname: dict[str, list[str]] = {}
    for name in times:
        by_surname.setdefault(surname_of(name), []).append(name)
    for group in by_surname.values():
        real = [name for name in group if not not_a_first_name(name.split()[0])]
        people: list[list[str]] = []
        for name in real:
            # every member must match: "George Bush" would otherwise join "George W." to "George H.W. Bush"
            person = next((p for p in people if all(same_person(name, other) for other in p)), None)
            if person is None:
                people.append([name])
            else:
                person.append(name)
        kept = {}
        for person in people:
            kept[id(person)] = max(person, key=lambda name: (times[name], -len(name.split()), -person.index(name)))
            renamed.update({name: kept[id(person)] for name in person if name != kept[id(person)]})
        for name in group:
            if name in real:
                continue
            if len(people) == 1:
                renamed[name] = kept[id(people[0])]
            elif not people and is_courtesy_title(name.split()[0]):
                renamed[name] = " ".join(name.split()[1:])
    return {name: renamed.get(to, to) for name, to in renamed.items() if renamed.get(to, to) != name}

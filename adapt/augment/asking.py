"""Questions a person would ask, built from a sentence's structure (no LLM).

English: the clause is cut into subject, verb group and the rest (lemminflect, a lexicon that ships
in its wheel, tells verb forms and gives the lemma for do-support); the answer span is taken out and
the question word put in front with the auxiliary inverted:
    "A standard loaf of ambercrust weighs 700 grams."   -> "How many grams does a standard loaf of ambercrust weigh?"
    "The observatory was completed in 1812."            -> "When was the observatory completed?"
    "It was first baked in 1613 by Brisa Tollmarsh."     -> "Who first baked it in 1613?"
    "Ottilie Brackwater invented the Dewloft."           -> "Who invented the Dewloft?"
    "Ambercrust is made from barley flour."              -> "What is ambercrust made from?"
Japanese asks in place, as Japanese does: the span becomes 何・誰・いつ・どこ・いくつ and the verb
takes か: 「苔見村は標高812メートルにあります。」 -> 「苔見村は標高何メートルにありますか？」

Each question comes with its kind (who, what, when, where, number, why, how, define) so that the
QA categories can pick theirs, and an answer key: the span the question asks for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from adapt.augment.constituents import (
    is_english_word, ja_clause_end, ja_common_noun, ja_common_word_key, ja_has_subject,
    ja_name_follows, ja_name_kind, ja_inside_relative, ja_names_something, ja_plain_form)


@dataclass(frozen=True)
class Asked:
    kind: str
    question: str
    key: str
    variants: tuple[str, ...] = ()  # the same question in other words: a reader will not use ours
    # A question the product may put to a person (measure, show): its answer is a name or a number. The
    # others are kept as training text in question form: their keys are whole constituents of the
    # sentence, but whether a reader finds them natural takes a reader of meaning (see _names_or_numbers).
    askable: bool = True


def _inverted_q(kind: str, wh: str, clause, left: list[str], key: str, alternatives: tuple[str, ...] = ()) -> Asked:
    """'When was X completed?', and as asked in passing: 'Do you know when X was completed?'"""
    embedded, lower = clause.embedded(left), wh[0].lower() + wh[1:]
    variants = (f"Do you know {lower} {embedded}?", f"Can you tell me {lower} {embedded}?",
                *(f"{other} {clause.inverted(left)}?" for other in alternatives))
    return Asked(kind, f"{wh} {clause.inverted(left)}?", key, variants)


_MADE = re.compile(r"^(?:is|are|was|were) (?:\w+ )?(?:founded|built|established|launched|opened|completed|invented|"
                   r"introduced|designed|made|produced|sold|bought|acquired|published|installed|renamed)\b")


def _subject_q(kind: str, wh: str, body: str, key: str) -> Asked:
    if _MADE.match(body):
        wh = "What"  # what is founded, built or launched is a thing, whatever its name looks like
    elif re.match(r"^(?:passed|granted|issued|ruled|decided|voted|appointed|awarded|banned|forbade|ordered)\b", body):
        wh = "Who"  # "Who passed the Ember Statute?": a council acts as people do
    lower = wh.lower()
    copula = re.match(r"^(is|are|was|were) ((?:the|a|an) .+)$", body)
    # Asked in passing, a copula goes after its noun phrase: "do you know what the capital is", not
    # "what is the capital" (issue 29's reader refused the second).
    embedded = f"{copula.group(2)} {copula.group(1)}" if copula else body
    return Asked(kind, f"{wh} {body}?", key, (f"Do you know {lower} {embedded}?",
                                              f"Can you tell me {lower} {embedded}?"))


_AUX = {"is", "are", "was", "were", "has", "have", "had", "can", "could", "will", "would", "may", "must",
        "should", "does", "do", "did"}
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "each", "every", "this", "that", "these", "those",
                "our", "my", "your", "some", "many", "most", "all", "no", "one", "two", "three"}
_PREPOSITIONS = {"in", "on", "at", "by", "for", "with", "from", "of", "to", "into", "onto", "over", "under", "after",
                 "before", "during", "since", "until", "near", "through", "across", "about", "around", "between"}
_ADVERBS = {"first", "also", "still", "often", "always", "never", "once", "usually", "traditionally", "only", "later",
            "already", "originally", "not", "now", "then", "sometimes", "rarely", "even", "just"}
_PRONOUNS = {"it", "he", "she", "they"}
_MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"}
# Capitalised words that open a sentence without naming anything.
SENTENCE_OPENERS = {"The", "A", "An", "In", "On", "At", "It", "Its", "This", "That", "These", "Those", "Every", "Each",
            "Because", "Most", "Some", "All", "When", "Since", "After", "Before", "However", "But", "And", "There",
            "They", "He", "She", "We", "You", "I", "If", "As", "For", "From", "By", "With", "Of", "To", "Many",
            "According", "Today", "Once", "Although", "While", "During", "His", "Her", "Their", "Our"}
# Head words of a name that names a thing or a place, not a person.
_THING_WORDS = {"Isles", "Isle", "Island", "Islands", "Bay", "Harbour", "Harbor", "Guild", "Library", "Observatory",
                "Council", "Lighthouse", "Tea", "Festival", "Statute", "Law", "Mount", "Mountain", "River", "Lake",
                "Street", "Bridge", "Company", "Society", "House", "Hall", "Church", "School", "University",
                "Museum", "Market", "Day", "Night", "Lamp", "Orrery", "Pie", "Tithe", "Moot", "Waters", "Cove",
                "Port", "Town", "City", "Village", "Sea", "Ocean", "Strait", "Channel", "Point", "Head", "Press",
                "Contract", "Survey", "Project", "Office", "Board", "Department", "Centre", "Center", "Station",
                "Causeway", "Road", "Lane", "Row", "Way", "Wharf", "Pier", "Dock", "Quay", "Gate", "Wall", "Tower",
                "Castle", "Temple", "Shrine", "Garden", "Park", "Valley", "Hill", "Ridge", "Falls", "Spring",
                "Well", "Mill", "Works", "Foundry", "Yard", "Inn", "Tavern", "Fair", "Feast", "Ball", "Cup",
                "Prize", "Award", "Act", "Treaty", "Charter", "Accord", "Fund", "Trust", "Bank", "Group", "Ltd",
                "Inc", "Systems", "Instruments", "Industries", "Labs", "Laboratory", "Institute", "Academy",
                "College", "Hospital", "Clinic", "Airport", "Harbourside", "Square", "Place", "Court", "Avenue"}
_CONJUNCTION_CUT = re.compile(r",\s+(?=(?:and|but|although|though|while|whereas|which|who|where|so)\b)|;\s+")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_SENTENCE_ADVERBS = {"today", "now", "currently", "nowadays", "then", "later", "also", "still"}
_NAME_JOINERS = {"of", "the", "and", "de", "du", "la", "le", "van", "von", "der", "da", "on", "upon"}
_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Mondays", "Tuesdays",
         "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"}
_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
                 "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
                 "fifty", "hundred", "dozens", "hundreds", "thousands", "several", "many", "some", "most", "all"}
_YEAR = re.compile(r"^(1\d{3}|20\d{2})$")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[A-Za-z0-9][A-Za-z0-9'’-]*|[,%]")  # 3.2 and 4,000 are one number


@lru_cache(maxsize=4096)
def _verb_lemma(word: str) -> tuple[str, str] | None:
    """(lemma, tag) when `word` is a finite verb form (past VBD, present VBZ/VBP), else None."""
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(word.lower(), upos="VERB").get("VERB")
    if not lemmas:
        return None
    lemma = lemmas[0]
    for tag in ("VBD", "VBZ"):
        if word.lower() in getInflection(lemma, tag=tag):
            return lemma, tag
    return (lemma, "VBP") if word.lower() == lemma else None


def _participle_too(word: str, lemma: str) -> bool:
    from lemminflect import getInflection

    return word.lower() in getInflection(lemma, tag="VBN")


def _participle_to(word: str, tag: str) -> str:
    """A past participle made finite: 'baked' -> 'baked' (VBD) / 'bakes' (VBZ)."""
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(word.lower(), upos="VERB").get("VERB")
    if not lemmas:
        return word
    forms = getInflection(lemmas[0], tag=tag)
    return forms[0] if forms else word


def _join(tokens: list[str]) -> str:
    return re.sub(r"\s+([,%])", r"\1", " ".join(tokens)).strip(" ,")


def _is_name(word: str, first: bool) -> bool:
    """Capitalised, and not merely because it opens the sentence ("Fishermen of Velmor")."""
    return word[:1].isupper() and not (first and (word in SENTENCE_OPENERS or _is_noun(word))) and word not in _MONTHS


def _names(tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of capitalised words that is a name."""
    runs, i = [], 0
    while i < len(tokens):
        if _is_name(tokens[i], i == 0) and not _NUMBER.match(tokens[i]):
            j = i
            while j + 1 < len(tokens) and (_is_name(tokens[j + 1], False) or tokens[j + 1] in ("of", "de", "van")
                                          and j + 2 < len(tokens) and _is_name(tokens[j + 2], False)):
                j += 1
            runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


def _who(name: str) -> str:
    """A person's name is two or more capitalised words with no thing-word among them, and not ending in
    a plural noun ("Pellory Optics", "Harrowgate Instruments" are firms)."""
    words = name.replace("'s", "").replace("’s", "").split()
    person = len(words) >= 2 and words[0] != "The" and all(w[:1].isupper() for w in words) and not (
        set(words) & _THING_WORDS) and not _plural_noun(words[-1])
    return "Who" if person else "What"


def _plural_noun(word: str) -> bool:
    from lemminflect import getAllLemmas

    word = word.lower()
    if not word.endswith("s"):
        return False
    lemmas = getAllLemmas(word).get("NOUN", ())
    return bool(lemmas) and word not in lemmas or bool(getAllLemmas(word[:-1]).get("NOUN"))  # optics: optic


# Verbs whose doer is a person: a one-word name before them may be a surname ("Varga led ..."), so
# "What led Project Nightjar?" is not asked, and neither is "Who".
_PERSON_VERBS = {"led", "founded", "invented", "designed", "wrote", "married", "composed", "said", "ran", "headed",
                 "managed", "directed", "painted", "discovered", "taught", "proposed", "signed", "named", "chose",
                 "lived", "died", "worked", "joined", "left", "retired", "studied", "learned", "learnt", "built", "handed",
                 "met", "hired", "appointed", "trained", "sold", "bought", "took", "gave", "became"}


def _until_comma(tokens: list[str]) -> list[str]:
    cut = next((i for i, t in enumerate(tokens) if t == "," or t.lower() in ("which", "who", "where", "while",
                                                                              "although", "whose")), len(tokens))
    return tokens[:cut]


def _adjunct_start(tokens: list[str]) -> bool:
    return not tokens or tokens[0] == "," or tokens[0].lower() in _PREPOSITIONS | {"and", "which", "where", "who"}


@dataclass
class _Clause:
    subject: list[str]
    aux: str | None  # an auxiliary or copula, when the verb group has one
    adverbs: list[str]
    verb: str | None  # the main verb (a participle after aux, a finite form without)
    tag: str  # VBD / VBZ / VBP of the finite verb
    lemma: str | None
    rest: list[str]
    tail: list[str] = ()  # "and" and a second verb phrase of the same subject, cut from rest

    def subject_text(self) -> str:
        words = self.subject[:]
        if words[0] in SENTENCE_OPENERS and words[0] not in ("I",) or _adjective_only(words[0]):
            words[0] = words[0].lower()  # "Early Tern-6 units": the capital came from the sentence's start
        return _join(words)

    def inverted(self, rest: list[str]) -> str:
        """The clause as the body of a question: aux before the subject, do-support without one."""
        if self.aux:
            verb = [self.verb] if self.verb else []
            return _join([self.aux, self.subject_text(), *self.adverbs, *verb, *rest])
        do = {"VBD": "did", "VBZ": "does", "VBP": "do"}[self.tag]
        return _join([do, self.subject_text(), *self.adverbs, self.lemma or "", *rest])

    def embedded(self, rest: list[str]) -> str:
        """The clause in statement order, for 'do you know when ...'."""
        verb = [self.verb] if self.verb else []
        return _join([self.subject_text(), *([self.aux] if self.aux else []), *self.adverbs, *verb, *rest])

    def declarative(self, rest: list[str]) -> str:
        """The verb group and the rest, for a question about the subject."""
        return _join([*( [self.aux] if self.aux else []), *self.adverbs, *([self.verb] if self.verb else []), *rest])


def _parse(tokens: list[str], title: str) -> _Clause | None:
    if tokens and tokens[0].lower() in _SENTENCE_ADVERBS:
        tokens = tokens[1:]  # "Today Harrowgate employs 640": the adverb would land inside the question
    for v in range(1, min(len(tokens) - 1, 11)):
        word = tokens[v]
        subject = tokens[:v]
        if "," in subject or subject[-1].lower() in _DETERMINERS | _PREPOSITIONS or subject[0].lower() in _PREPOSITIONS:
            continue
        if word.lower() in _AUX:
            aux, i, adverbs = word.lower(), v + 1, []
            while i < len(tokens) and tokens[i].lower() in _ADVERBS:
                adverbs.append(tokens[i])
                i += 1
            verb = None
            found = _verb_lemma(tokens[i]) if i < len(tokens) and aux not in ("does", "do", "did") else None
            if found and _participle_too(tokens[i], found[0]):
                verb, i = tokens[i], i + 1
            if aux in ("has", "have", "had") and i < len(tokens) and tokens[i].lower() == "been":
                if aux != "had":
                    return None  # "has been run since ...": no plain question keeps its tense
                # "had been founded in 1979" is asked as "When was ... founded?", not "did ... have been".
                aux = "were" if subject[-1].islower() and subject[-1].endswith("s") else "was"
                found = _verb_lemma(tokens[i + 1]) if i + 1 < len(tokens) else None
                if not (found and _participle_too(tokens[i + 1], found[0])):
                    return None
                return _finish(subject, aux, adverbs, tokens[i + 1], "", None, tokens[i + 2:], title)
            if aux == "had" and (verb is not None or i < len(tokens) and tokens[i].islower() and (
                    _irregular_participle(tokens[i]) or tokens[i].endswith("ed"))):
                return None  # "She had grown up in Ardwen": "did she have grown up" is no question
            if aux in ("has", "have", "had") and verb is None:
                # "has 288 steps": a main verb, which takes do-support in a question.
                return _finish(subject, None, adverbs, word, "VBZ" if aux == "has" else ("VBD" if aux == "had" else "VBP"),
                               "have", tokens[i:], title)
            return _finish(subject, aux, adverbs, verb, "", None, tokens[i:], title)
        if len(subject) == 1 and (subject[0].lower() in _NUMBER_WORDS or _NUMBER.match(subject[0])):
            continue  # "Nineteen people work ...": a count, then its noun, is no subject and verb
        if word.islower() and (subject[-1][:1].isupper() or subject[-1].lower() not in _DETERMINERS):
            following = _verb_lemma(tokens[v + 1]) if v + 1 < len(tokens) and tokens[v + 1].islower() else None
            if word in _ADVERBS | {"last"} and following and following[1] == "VBD":
                # "the volcano last erupted in 1547": an adverb, then the verb (did ... last erupt)
                return _finish(subject, None, [word], tokens[v + 1], "VBD", following[0], tokens[v + 2:], title)
            found = _verb_lemma(word) if word.lower() not in _ADVERBS else None  # "still" is no verb here
            if found and not (v >= 1 and tokens[v - 1].lower() in _DETERMINERS):
                lemma, tag = found
                if tag == "VBD" and subject[0].lower() in _DETERMINERS and _participle_too(word, lemma) and any(
                        t.lower() in _AUX or (_verb_lemma(t) or ("", ""))[1] == "VBD" for t in _until_and(tokens[v + 1:])):
                    continue  # "A festival called X is held ...": a participle, the verb comes later
                if tag == "VBP" and not (subject[-1].endswith("s") or subject[-1][:1].isupper()):
                    continue
                return _finish(subject, None, [], word, tag, lemma, tokens[v + 1:], title)
    return None


def _until_and(tokens: list[str]) -> list[str]:
    """Up to a coordinating "and": "weighed 4 kilograms and was made ..." has its second verb there."""
    return tokens[: tokens.index("and")] if "and" in tokens else tokens


def _second_predicate(clause: _Clause) -> list[str] | None:
    """"The B-12 weighed 4 kilograms and was made to be screwed to a bulkhead": the second verb phrase
    with the first one's subject, as a clause of its own ("The B-12 was made to ...")."""
    for i, token in enumerate(clause.tail[:-1]):
        if token.lower() == "and":
            second = clause.tail[i + 1:]
            found = _verb_lemma(second[0])
            if second[0].lower() in _AUX or not found or not _participle_too(second[0], found[0]) or \
                    len(second) < 2 or second[1].lower() not in _PREPOSITIONS:
                return clause.subject + second  # "and was made ...", "and learned mathematics from ..."
            if clause.aux in ("is", "are", "was", "were"):
                # "is seasoned with juniper and covered with a lid": the participle shares the first's aux
                return clause.subject + [clause.aux] + second
            return None  # "has a ceiling painted blue and scattered with stars": the ceiling is scattered
    return None


def _finish(subject, aux, adverbs, verb, tag, lemma, rest, title) -> _Clause | None:
    if len(subject) > 10 or not rest or _gerund(subject[0]) or subject[-1].lower() in _ADVERBS:
        return None  # "Rebuilding the east wing took ...": a gerund is no subject to move
    if len(subject) > 1 and any(w.lower() in _PRONOUNS | {"who", "which", "that", "whose"} for w in subject):
        return None  # "afterwards he", "anyone who lives": not a subject we can move
    if not subject[0][:1].isupper() and subject[0].lower() not in _DETERMINERS | _PRONOUNS | set(
            title.lower().split()):
        return None  # a clause cut out of a sentence that begins mid-phrase
    # A second verb phrase ("was built in 1871 and was the first ...") is not part of this one.
    tail: list[str] = []
    for i, token in enumerate(rest[:-1]):
        if token.lower() == "and" and (rest[i + 1].lower() in _AUX or (_verb_lemma(rest[i + 1]) or ("", ""))[1]
                                       in ("VBD", "VBZ")):
            rest, tail = rest[:i], rest[i:]
            break
    if not rest:
        return None
    if subject[0].lower() in _PRONOUNS and len(subject) == 1:
        if not title or title in ("this document", "この文書"):
            return None
        person = _who(title) == "Who"
        if (subject[0].lower() in ("he", "she")) != person:
            return None  # "He brought in a four-day week" in a page about a works: he is not the works
        if subject[0].lower() == "it" and re.search(r"[^s]s$", title) and not title.startswith("The "):
            return None  # "Volunteer River Wardens" for "it": a scheme, which its plural title does not name
        subject = title.split()  # the document is about its title: "It was built ..." means the title
    if subject[0].lower() in ("there", "this", "that", "these", "those", "which", "who", "we", "you", "i"):
        return None
    if not any(_is_name(w, i == 0) for i, w in enumerate(subject)) and not _title_names(title) & {
            w.lower() for w in subject}:
        return None  # "the sounder", "the salt makers": a stranger cannot tell which one is meant
    return _Clause(list(subject), aux, list(adverbs), verb, tag, lemma, list(rest), tail)


def _clauses(sentence: str) -> list[list[str]]:
    sentence = re.sub(r"\s*\([^()]*\)", "", sentence).strip().rstrip(".!?")
    sentence = re.sub(r"(\*\*|__|\*|_)(\S(?:.*?\S)?)\1", r"\2", sentence)  # markdown emphasis: **Peperomia x**
    sentence = re.sub(r"^(?:[A-Z]+\s+)*[A-Z]{2,}\s+(?=[A-Z][a-z])", "", sentence)  # a heading run in: "A SHORT HISTORY The fair"
    pieces = _CONJUNCTION_CUT.split(sentence)
    out = []
    for index, piece in enumerate(pieces):
        piece = re.sub(r"^(?:and|but|so|although|though|while|whereas)\s+", "", piece.strip())
        if index and re.match(r"(?:which|who|where)\b", piece):
            continue  # a relative clause has no subject of its own
        # "Bakers claim that X ...": X is a clause of its own as well.
        reported = re.search(r"\b(?:claim|claims|say|says|said|believe|believes|tell|tells|told|know|knows|"
                             r"record|records)\s+that\s+(.+)$", piece)
        for text in ([reported.group(1)] if reported else [piece]):
            # "In Velmor, the council meets ...": the opening phrase goes to the end of the clause.
            opening = re.match(r"^((?:In|On|At|During|Every|Each|After|Before)\b[^,]{1,40}),\s+(.+)$", text)
            if opening:
                text = f"{opening.group(2)} {opening.group(1)[0].lower()}{opening.group(1)[1:]}"
            tokens = _TOKEN.findall(text)
            if len(tokens) >= 4:
                out.append(tokens)
    return out


_KEY_VALUE = re.compile(r"^(?:[-*•+]\s+)?(?P<key>[A-Z][A-Za-z ]{1,30}):\s+(?P<value>[^:]{2,120})$")


def english_questions(sentence: str, title: str, context: str = "") -> list[Asked]:
    """Every question this sentence answers that its structure lets us ask. `context`: the whole
    document, whose casing a word keeps ("sea-silk" opens a sentence as "Sea-silk")."""
    asked: list[Asked] = []
    pair = _KEY_VALUE.match(sentence.strip().rstrip("."))
    if pair:
        # A list item or a form line, "Endurance: 14 hours at 3 knots": what is the endurance of <title>?
        # Only a number under a plain label, of a page whose title is a name: on a domain the rules had
        # never seen, readers refused all 13 of "What is the car park of Board?", "the ostingham of
        # Monday?" (an address line, a timetable, a title that was one word of a heading).
        value, label = pair.group("value").strip(), pair.group("key").strip()
        number = re.search(r"\d+(?:[.,]\d+)*", value)
        about = title[4:] if title.startswith("The ") else title
        named = len(about.split()) >= 2 and about[:1].isupper() or re.search(r"\d", about or "")
        if not (number and named and re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+){0,2}", label)) or not _is_noun(
                label.split()[-1].lower()) or {w.lower() for w in label.split()} & (_PREPOSITIONS | {"when", "if"}) or \
                set(label.split()) & (_DAYS | _MONTHS) or re.match(r"^\d", value) is None:
            return []
        return [Asked("number", f"What is the {label.lower()} of {about}?", number.group(0))]
    pending = _clauses(sentence)
    other_subject = _previous_subject_is_another(sentence, title, context)
    while pending:
        tokens = pending.pop(0)
        opener = next((t.lower() for t in tokens if t.lower() not in _SENTENCE_ADVERBS), "")
        clause = _parse(tokens, "" if other_subject and opener in _PRONOUNS else title)
        if clause is None or opener in _PRONOUNS and _generic_title(title, context):
            continue
        second = _second_predicate(clause)
        if second and len(pending) < 8:
            pending.append(second)
        found = _number_questions(clause) + _name_questions(clause) + _how_questions(clause)
        found += _object_questions(clause) + _define_questions(clause, title)
        if opener in ("it", "they"):
            # "It occupies a former mill" -> "What occupies a former mill? -> Tolverby Works": the sentence
            # never named the answer, and the question is the sentence with a wh-word for "it"
            found = [a for a in found if a.key.lower() != clause.subject_text().lower()]
        asked += found
    why = re.match(r"^(?P<effect>.+?)\s*,?\s+because\s+(?P<cause>[^,.;]+)", sentence.rstrip(".!?"))
    if why:
        for tokens in _clauses(why.group("effect"))[:1]:
            clause = _parse(tokens, title)
            if clause is not None:
                asked.append(_inverted_q("why", "Why", clause, clause.rest, why.group("cause").strip()))
    asked = [a for a in asked if not (re.match(r"^(?:Do you know |Can you tell me )?(?:who|what)\b", a.question, re.I)
                                      and _half_answer(a.key, sentence, context))]
    cased = (_whole_names(_document_casing(a, context), context)
             for a in map(_plain_wordings, map(_without_also, asked)))
    unique = {a.question: replace(a, askable=_names_or_numbers(a)) for a in cased if _fine(a) and _self_contained(a, title)}
    return list(unique.values())


def _names_or_numbers(asked: Asked) -> bool:
    """Whether the question may be put to a person: it asks for a number, a year or a name, as Japanese
    does. On two domains the rules had never run on, readers refused most questions whose answer was an
    ordinary noun phrase ("stone", "agreement", "public body", "shallow wells", "great builder") and
    accepted nearly every date, count, place and person. Which common noun answers a question, and
    whether the question's own words give it away, needs a reader of meaning (an LLM writer:
    augment.backend local or endpoint)."""
    if re.search(r"\b(?:that|this|these|those) [a-z]+\b|\bthe [a-z]+\?$|\b(?:follow|followed|precede|preceded)\?$",
                 asked.question):
        return False  # "held that post", "started at the reservoir", "When did X follow?": which, what?
    key = asked.key.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)*", key):
        return True
    words = key.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w[:1].isdigit() or w in _NAME_JOINERS for w in words) and \
        not ({w.strip(",") for w in words} & (_DAYS | _MONTHS)) and \
        not (len(words) == 1 and is_english_word(words[0].split("-")[0]))  # "Day-to-day" opened its sentence


def _generic_title(title: str, context: str) -> bool:
    """A title the document also writes in lower case ("The Apprentice Scheme": "the apprentice scheme of
    Harrowgate Instruments") is a common noun, not a name: "it" stood for it, and a question made with it
    ("since when has the Apprentice Scheme run?") does not say whose."""
    plain = re.sub(r"^(?:The|A|An)\s+", "", title or "").strip()
    return bool(plain) and bool(context) and plain != plain.lower() and \
        re.search(rf"\b{re.escape(plain.lower())}\b", context) is not None


def _previous_subject_is_another(sentence: str, title: str, context: str) -> bool:
    """The sentence before this one opens with a name that is not the page's title ("The Chancellor's
    Cedar was planted in 1862. Today it stands 31 metres tall"): its "it" is that, not the title."""
    at = context.find(sentence[:40]) if context else -1  # the sentence as split may differ in spacing later on
    if at <= 0:
        return False
    before = [s for s in re.split(r"(?<=[.!?])\s+|\n+", context[:at].strip()) if s.strip()]
    if not before:
        return False
    opening = re.match(r"^(?:The\s+)?((?:[A-Z][\w'’-]*\s*){1,4})", before[-1].strip().lstrip("#*- "))
    name = opening.group(1).strip() if opening else ""
    shared = {w.lower() for w in name.split()} & {w.lower() for w in (title or "").split()} - {"the", "of"}
    return bool(name) and name.split()[0] not in SENTENCE_OPENERS and not shared


def _half_answer(key: str, sentence: str, context: str) -> bool:
    """The key is one of two ("Denny Catto, and Harriet Corvel reached an agreement": who did? both), or
    half a name the document writes in full ("was succeeded by ...": Harriet, who is Harriet Corvel)."""
    follower = re.search(rf"\b{re.escape(key)}\** ([a-z]+)\b", sentence)
    if key[:1].isupper() and follower and not is_english_word(follower.group(1)):
        return True  # "Peperomia" of "Peperomia lancrossiae": a name goes on in a word no dictionary knows
    if key[:1].isupper() and " and " not in key and re.search(
            rf"\b[A-Z][\w-]*,? and {re.escape(key)}\b|\b{re.escape(key)},? and (?:the |a |an )?[A-Z]", sentence):
        return True
    return bool(re.fullmatch(r"[A-Z][a-z]{2,}", key)) and bool(context) and bool(_fuller_names(key, context))


def _fuller_names(word: str, context: str) -> set[str]:
    """The longer names the document writes `word` in: "Fulmar FG-9" (a model code after it), "Alaric
    Harrow" (a given name before it), "Edwin Corvel" (a surname after it)."""
    fuller = {m.group(0) for m in re.finditer(rf"\b{word} [A-Z]{{1,3}}-?\d[\w-]*", context)}
    fuller |= {m.group(0) for m in re.finditer(rf"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+ {word}\b(?! [A-Z])", context)
               if m.group(0).split()[0] not in SENTENCE_OPENERS}
    fuller |= {m.group(0) for m in re.finditer(rf"(?<![A-Z][a-z]\s)\b{word} [A-Z][a-z]+\b(?! [A-Z])", context)
               if m.group(0).split()[1] not in SENTENCE_OPENERS | _THING_WORDS | _MONTHS}
    return fuller


def _each_wording(asked: Asked, rewrite) -> Asked:
    """The question and each of its other wordings rewritten the same way."""
    return replace(asked, question=rewrite(asked.question), variants=tuple(rewrite(v) for v in asked.variants))


def _whole_names(asked: Asked, context: str) -> Asked:
    """A name the sentence shortened, said in full where the document says it one way only: "Fulmar"
    -> "Fulmar FG-9" (a model code after it), "Harrow" -> "Alaric Harrow" (a given name before it)."""
    if not context:
        return asked

    def widen(text: str) -> str:
        words = text.split(" ")
        for i in range(1, len(words)):
            word = words[i].rstrip("?,")
            if not re.fullmatch(r"[A-Z][a-z]{2,}", word) or words[i - 1][:1].isupper() or \
                    i + 1 < len(words) and words[i + 1][:1].isupper():
                continue
            fuller = _fuller_names(word, context)
            if len(fuller) == 1:
                full = fuller.pop()
                article = full.startswith(word) and words[i - 1].lower() not in _DETERMINERS and re.search(
                    rf"\b[Tt]he {re.escape(full)}\b", context)  # "the Fulmar FG-9", as the document says
                words[i] = words[i].replace(word, ("the " if article else "") + full, 1)
        return " ".join(words)

    return _each_wording(asked, widen)


def _document_casing(asked: Asked, context: str) -> Asked:
    """A capital that came from the start of the sentence goes when the document writes the word in lower
    case elsewhere and no capitalised word stands beside it (so "the Salt Tithe" keeps its capitals)."""
    if not context:
        return asked

    def recase(text: str) -> str:
        words = text.split(" ")
        for i in range(1, len(words)):
            word = words[i].rstrip("?,")
            # Neighbours across "of" too: "the Guild of Tidewrights", "the Night of Kettles" are names.
            neighbours = words[i - 1:i] + words[i + 1:i + 2] + (
                words[i + 2:i + 3] if words[i + 1:i + 2] == ["of"] else []) + (
                words[i - 2:i - 1] if i >= 2 and words[i - 1] == "of" else [])
            if word[:1].isupper() and not any(n[:1].isupper() for n in neighbours if n != words[0] or i > 1) and \
                    re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(word.lower())}\b", context):
                words[i] = words[i].replace(word, word.lower(), 1)
        return " ".join(words)

    return _each_wording(asked, recase)


def _fine(asked: Asked) -> bool:
    body = asked.question
    words = body.rstrip("?").split()
    # A comma carries a clause the question does not ask about ("... covers, most of it black rock?");
    # a stranded "of" is a phrase cut in two ("What does the salt pan of?").
    return 3 <= len(words) <= 30 and asked.key.lower() not in body.lower() and body[0].isupper() and not any(
        asked.key.lower() in v.lower() for v in asked.variants) and "," not in body and not re.search(
        r"\b(?:the|a|an|and)\?$|\band \w+\?$|(?<!\btaste )(?<!\bsmell )(?<!\bconsist )(?<!\bmade )\bof\?$", body)


def _self_contained(asked: Asked, title: str = "") -> bool:
    """A question a stranger can answer: it names what it asks about (a name other than its answer, so
    not "What lasts nine days?" nor "Who led the inquiry into the loss?"), is short enough not to be
    an echo of the sentence, says no word twice, keeps no capital of a common noun that opened the
    sentence ("where Fishermen once boiled crabs"), and uses a possessive only after a name."""
    words = asked.question.rstrip("?").split()
    if len(words) > 16 or not _wording_ok(asked.question) or asked.key.lower() in _EMPTY_KEYS or \
            re.match(r"^(?:What|Who) (?:has|have|had)\b|^(?:Do you know|Can you tell me) (?:what|who) (?:has|have|had)\b",
                     asked.question) or re.search(r"\bwho\b.*\b(?:his|her)\b", asked.question, re.I) or \
            words[-1].lower() in _EN_PARTICLE_WORDS | {"on"} or " of its " in asked.question:
        return False  # "What year did Edmund hand over?": a verb without what it acts on
    names = [i for i, w in enumerate(words) if i and w[:1].isupper() and w != "I"]
    if not names and not _title_names(title) & {w.lower() for w in words}:
        return False  # neither a name nor the document's own subject ("a standard loaf of ambercrust")
    for i in names:
        alone = not (words[i - 1][:1].isupper() or i + 1 < len(words) and words[i + 1][:1].isupper())
        if alone and words[i - 1].lower() not in ("the", "of") and _is_noun(words[i].lower()):
            return False  # "Fishermen", "Apprentices", "Children": a common noun that opened the sentence
    if re.match(r"^(?:Do you know |Can you tell me )?what (?:was|were|is|are) (?:\w+ )?\w+ in \d{4}\b(?!.*\bby\b)",
                asked.question, re.I):
        return False  # "What was founded in 1402 on the southern coast ...": a date and a place pick out nothing
    if re.match(r"^(?:Do you know |Can you tell me )?(?:when|what year|in which year) (?:has|have)\b", asked.question, re.I):
        return False  # "What year has the Old Man coned only three times?": a perfect has no one date
    if words[-1].lower() in ("first", "last", "next", "second", "again", "later", "afterwards"):
        return False  # "When did the Carrow Light come first?": first of what, the question does not say
    if words[0] in ("What", "Do", "Can") and re.match(r"^(?:Do you know |Can you tell me )?what\b", asked.question, re.I) \
            and not re.match(r"^(?:Do you know |Can you tell me )?what (?:is|are|was|were) the\b", asked.question, re.I) \
            and len(asked.key.split()) == 1 and asked.key.islower():
        return False  # "stone", "agreement", "machine": one common noun is a kind, not what the document says
    if any(len(w) > 2 and w[:1].isupper() and re.search(rf"\b{re.escape(w)}\b", asked.question)
           for w in asked.key.split()):
        return False  # "Who is remembered in the Harrow Medal? -> Alaric Harrow": the name gives it away
    if _RESIDENCE.match(asked.question):
        return False  # "Who grew up in Dunmarrow?", "Who was born in 1971 in X?": many did; a deed picks one out
    lowered = [w.lower() for w in words]
    for i, w in enumerate(lowered[:-1]):
        if w == "the" and lowered[i + 1] in _ANAPHORIC and (i + 2 >= len(words) or lowered[i + 2] != "of"):
            return False  # "ran the firm", "led the company": which one, a stranger cannot tell
    first_possessive = next((i for i, w in enumerate(words) if w.lower() in ("its", "her", "his", "their")), None)
    if first_possessive is not None and not any(i < first_possessive for i in names) and words[0] != "Who":
        return False
    if re.search(r"\b(?:born|died|married)\b", asked.question) and words[0] in ("What", "Do", "Can") and \
            not re.match(r"^(?:Do you know|Can you tell me) (?:who|when|where|in which|what year)", asked.question) and \
            words[0] == "What":
        return False  # only a person is born
    if re.search(r"\bwhat (?:was|is) (?:born|married)\b|^What (?:was|is) born", asked.question, re.I):
        return False
    if re.search(r"\bwhat\b", asked.question, re.I) and asked.key.split()[-1].lower() in _KIN:
        return False  # "What did he learn to blow glass from? -> uncle": a person is asked for with who
    return True


def _person_noun(word: str) -> bool:
    word = word.lower()
    return word in _KIN | {"captain", "surgeon", "mayor", "chief", "cook", "king", "queen", "bishop", "abbot", "judge",
                           "librarian", "founder", "leader", "head", "director", "engineer", "designer", "pilot",
                           "keeper", "warden", "guardian", "mistress", "poet", "scholar", "physician", "doctor",
                           "nurse", "saint", "chairman", "chairwoman", "president", "ruler", "governor"} or \
        word.endswith(("ist", "ian", "man", "woman", "maker", "wright", "smith", "founder", "owner", "manager",
                       "worker", "builder", "keeper", "leader", "teacher", "writer", "painter", "designer", "engineer",
                       "officer", "member", "partner", "inventor", "director", "editor", "author", "sailor", "doctor"))


_ANAPHORIC = {"firm", "company", "business", "project", "station", "building", "scheme", "group", "team", "site",
              "lab", "laboratory", "institute", "office", "factory", "plant", "family", "board", "society", "works",
              "programme", "program", "product", "device", "instrument", "machine", "ship", "vessel", "town", "city",
              "village", "island", "museum", "school", "church", "bridge", "festival", "post", "role", "job",
              "position"}
_EN_PARTICLE_WORDS = {"up", "down", "out", "off", "back", "away", "over"}
# Keys that say nothing: "Who was Walter Brisk? -> man".
_EMPTY_KEYS = {"man", "woman", "person", "people", "place", "thing", "one", "part", "kind", "type", "way", "name",
               "something", "area", "item", "object", "group", "time", "use", "care", "note", "account", "end"}
_MEETING_VERBS = {"meet", "marry", "hire", "appoint", "employ", "succeed", "replace", "visit", "teach", "train",
                  "follow", "join", "help", "name"}
_KIN = {"uncle", "aunt", "father", "mother", "brother", "sister", "son", "daughter", "wife", "husband", "grandfather",
        "grandmother", "cousin", "nephew", "niece", "friend", "teacher", "master", "apprentice", "widow"}


def _adjective_only(word: str) -> bool:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    return word[:1].isupper() and bool(lemmas) and "NOUN" not in lemmas and "PROPN" not in lemmas and (
        "ADJ" in lemmas or "ADV" in lemmas)


def _irregular_participle(word: str) -> bool:
    from lemminflect import getAllLemmas, getInflection

    lemmas = getAllLemmas(word.lower(), upos="VERB").get("VERB", ())
    return any(word.lower() in getInflection(lemma, tag="VBN") and word.lower() != lemma for lemma in lemmas)


def _title_names(title: str) -> set[str]:
    """The title's own name words, not its common ones: "the project" is not "Project Nightjar", while
    "ambercrust" is the page's own subject."""
    return {w.lower() for w in title.split() if len(w) >= 4 and not is_english_word(w)}


def _gerund(word: str) -> bool:
    from lemminflect import getAllLemmas

    return word.lower().endswith("ing") and bool(getAllLemmas(word.lower(), upos="VERB"))


_RESIDENCE = re.compile(r"^(?:Who|Do you know who|Can you tell me who) (?:grew up|lived|lives|worked|works|stayed|"
                        r"settled|died|was raised|was born)\b")  # many were born in 1971 in Wrackmouth


def _wording_ok(text: str) -> bool:
    """No word said twice ("when when"), no negation (a question about what did not happen reads as a
    trap), no subject that is "one of" several."""
    words = text.rstrip("?").split()
    return not any(a.lower() == b.lower() for a, b in zip(words, words[1:])) and not re.search(
        r"\b(?:not|never)\b", text) and \
        not re.search(r"\bone of the\b|\b(?:do|does|did) (?:when|where|who|what)\b|\band (?:its|their|his|her)\b|"
                      r"\band (?:the|a|an)(?: \w+){0,2}\?$", text)


def _plain_wordings(asked: Asked) -> Asked:
    """The asked-in-passing wordings that read well; the main one is judged with the question."""
    return replace(asked, variants=tuple(v for v in asked.variants if _wording_ok(v)))


def _without_also(asked: Asked) -> Asked:
    """'What did X also compile?' leans on a sentence the reader has not seen."""
    strip = lambda text: re.sub(r"\s+(?:also|too|as well|later)\b", "", text)  # noqa: E731
    return _each_wording(asked, strip)


def _number_questions(clause: _Clause) -> list[Asked]:
    out = []
    rest = clause.rest
    for j, token in enumerate(rest):
        if not _NUMBER.match(token) or rest.count(token) > 1 or token in " ".join(clause.subject):
            continue
        if _YEAR.match(token):
            start = j - 1 if j >= 1 and rest[j - 1] in _MONTHS else j
            if start >= 1 and rest[start - 1].lower() in ("in", "by", "until", "since", "around") and (
                    clause.lemma or clause.verb):
                prep = rest[start - 1].lower()
                word = {"in": "When", "around": "When", "by": "By when", "until": "Until when",
                        "since": "Since when"}[prep]
                after = rest[j + 1:]
                left = rest[: start - 1] + ([] if _adjunct_start(after) else _until_comma(after))
                if "as" in left:
                    left = left[: left.index("as")]  # "launched as the product of X in 2005": asked without it
                if len(left) >= 2 and left[-2].lower() in ("in", "at") and left[-1][:1].isupper():
                    left = left[:-2]  # "When did Walter Brisk die in Wrackmouth?": when did he die
                if {"years", "months", "weeks", "days", "decades"} & {t.lower() for t in left}:
                    continue  # "spent seven years ... in 1992": the year is not when he spent them
                out.append(_inverted_q("when", word, clause, left, token,
                                       ("In which year", "What year") if word == "When" else ()))
            continue
        after = rest[j + 1:]
        if after[:1] == ["%"] or after[:2] == ["per", "cent"]:
            cut = 1 if after[:1] == ["%"] else 2
            out.append(_inverted_q("number", "What percentage", clause, rest[:j] + rest[j + 1 + cut:], token))
            continue
        if j >= 4 and [w.lower() for w in rest[j - 4: j]] in (["from", "the", "age", "of"], ["at", "the", "age", "of"]):
            left = rest[: j - 4] + rest[j + 1:]
            out.append(_inverted_q("number", f"{rest[j - 4].capitalize()} what age", clause, left, token))
            continue
        unit = []
        for word in after[:2]:
            if word.isalpha() and word.islower() and word not in _PREPOSITIONS and word not in ("and", "or"):
                unit.append(word)
            else:
                break
        following = rest[j + 1 + len(unit):]
        # Only a number right after the verb ("weighs 700 grams", "has about 560 members") and
        # ending its phrase ("310 metres above the sea" would need its adverb moved too).
        if unit and any(w.lower() not in ("about", "nearly", "almost", "over", "some", "exactly", "around",
                                          "only", "just", "roughly") for w in rest[:j]):
            # Inside a longer phrase ("a toll of 327 copper coins"): asked in place ("Merchants pay a toll
            # of how many copper coins?") read to people as a statement with a blank; not asked.
            continue
        if not unit:
            continue
        if following and not _adjunct_start(following):
            continue
        if following[:1] and following[0].lower() in ("above", "across", "long", "wide", "high", "tall", "deep"):
            continue
        out.append(_inverted_q("number", f"How many {' '.join(unit)}", clause, following, token))
    return out


def _name_questions(clause: _Clause) -> list[Asked]:
    out = []
    subject_names = _names(clause.subject)
    # The subject as the answer: "Who invented the Dewloft?"
    if subject_names and clause.subject_text()[:1].isupper():
        start, end = subject_names[0]
        name = " ".join(clause.subject[start:end])
        # The name is the whole subject ("the" aside): "Sorrowmint" is not what "Sorrowmint tea" names; and
        # "was a composer" describes, it does not identify: "Who was a composer?" has many answers.
        whole = clause.subject[start:end] == [w for w in clause.subject if w.lower() != "the"]
        describes = clause.aux in ("is", "are", "was", "were") and not clause.verb and clause.rest[:1] and \
            clause.rest[0].lower() in ("a", "an")
        one_word = end - start == 1
        doer = not clause.aux and (clause.verb or "").lower() in _PERSON_VERBS  # "Varga led ...": who or what?
        if whole and not describes and name not in " ".join(clause.rest) and not (one_word and doer):
            body = clause.declarative(_until_comma(clause.rest))
            if len(body.split()) <= 14:
                out.append(_subject_q("who", _who(name), body, name))
    rest = clause.rest
    for start, end in _names(rest):
        name = " ".join(rest[start:end])
        if any(word in _MONTHS for word in rest[start:end]) or name in " ".join(clause.subject):
            continue
        before = rest[start - 1].lower() if start else ""
        the = 1 if before == "the" else 0
        prep = rest[start - 1 - the].lower() if start - the >= 1 else ""
        if prep in ("in", "at", "near", "on") and (clause.verb or clause.lemma) and (end >= len(rest) or rest[end] in (",",) or rest[end].lower() in
                                                    _PREPOSITIONS | {"and", "when", "while", "because", "as"}):
            after = rest[end:]
            left = rest[: start - 1 - the] + ([] if _adjunct_start(after) else _until_comma(after))
            left = [t for i, t in enumerate(left) if not (_YEAR.match(t) or i + 1 < len(left) and _YEAR.match(
                left[i + 1]) and t.lower() in ("in", "by", "around", "since"))]  # "Where did he die [in 1894]?"
            before_prep = rest[start - 2 - the] if start - 2 - the >= 0 else ""
            time_name = rest[end - 1] in ("Night", "Day", "Eve", "Festival", "Feast", "Fair", "Week") or \
                name.endswith(("tide", "mas", "moot"))
            # "from the dry dock in Lantrecy", "in a glass case in the Library": the place belongs to the
            # noun before it, not to the verb; a noun that is also a verb ("case") counts after a determiner.
            window = [t.lower() for t in rest[max(0, start - 6 - the): start - 2 - the]]
            noun_before = before_prep.islower() and _is_noun(before_prep) and (
                not _verb_lemma(before_prep) or bool(set(window) & (_DETERMINERS - {"one", "two", "three"})))
            participle_before = any(t.islower() and t.endswith("ed") and _verb_lemma(t) and t != clause.verb
                                    for t in rest[max(0, start - 4 - the): start - 1 - the])
            # "found in a sea chest washed ashore on Tumbrask": the place is where it washed ashore
            if not noun_before and not time_name and not participle_before:
                out.append(_inverted_q("where", "Where", clause, left, name))
        elif prep == "by" and clause.aux in ("was", "were", "is", "are") and clause.verb:
            # The passive turned round: "was first baked ... by Brisa Tollmarsh" -> "Who first baked ...?"
            verb = _participle_to(clause.verb, "VBD" if clause.aux in ("was", "were") else "VBZ")
            agent_start = start - 1 - the
            while agent_start > 0 and rest[agent_start].lower() != "by":
                agent_start -= 1
            before_by = rest[agent_start - 1] if agent_start >= 1 else ""
            if before_by.islower() and _is_noun(before_by) and (not _verb_lemma(before_by) or agent_start >= 2 and
                                                                rest[agent_start - 2].lower() in _DETERMINERS):
                continue  # "launched in 1968 to a design by Walter Brisk": he designed it, he did not launch it
            left = rest[:agent_start] + _until_comma(rest[end:])
            body = _join([*clause.adverbs, verb, clause.subject_text(), *left])
            out.append(_subject_q("who", _who(name), body, name))
        elif start == the and not clause.aux and clause.lemma and clause.lemma != "be" and (
                rest[end:end + 1] != ["and"]):
            # The object: "Cassivar Dunlowe married Liss Aumbery" -> "Who did Cassivar Dunlowe marry?"
            left = rest[end:]
            wh = "Who" if clause.lemma in _MEETING_VERBS else _who(name)  # "met Constance Gate": a person
            out.append(_inverted_q("who", wh, clause, left, name))
        # "a shipowner named Ulrika Fanchon" is not asked as "What was the name of the shipowner ...?": it
        # read as a template to people (issue 29's sample); the name is asked where the structure allows.
    return [a for a in out if "  " not in a.question]


def _how_questions(clause: _Clause) -> list[Asked]:
    """A last prepositional phrase asked for with the preposition left behind: 'is made from barley
    flour' -> 'What is X made from?'; 'gets its colour from a glaze of kelp syrup' -> 'What does X get
    its colour from?'; 'by boiling ...' -> 'How ...?'"""
    rest = _until_comma(clause.rest)
    for j, word in enumerate(rest):
        if word.lower() not in ("from", "with", "by", "after", "into") and not (word.lower() == "of" and j == 0):
            continue
        if word.lower() == "by" and j + 1 < len(rest) and rest[j + 1].endswith("ing") and rest[j + 1].islower():
            # "reach X by crossing the river on a ferry": How do travellers reach X?
            means = []
            for token in rest[j + 1:]:
                if token == "," or (means and token.lower() in _PREPOSITIONS | {"and", "that", "which"}):
                    break
                means.append(token)
            if len(means) > 4 or len(rest) > j + 1 + len(means) and rest[j + 1 + len(means)].lower() in ("of", "and"):
                return []  # "by sending pulses of sound and timing the echoes": a cut means is a wrong one
            return [_inverted_q("how", "How", clause, rest[:j], _join(means))]
        if j > 3 or any(t.lower() == "of" or t[:1].isdigit() for t in rest[:j]):
            return []  # the preposition belongs to a longer phrase than the verb's own
        if any(t.lower() in _EN_PARTICLE_WORDS or (i and t.islower() and t.endswith("ed")) for i, t in enumerate(rest[:j])):
            return []  # "a fiddle carved from", "climb up from": the phrase is not the verb's own
        phrase = []
        for token in rest[j + 1:]:
            if token.lower() in _PREPOSITIONS - {"of"} | {"and", "that", "when", "who", "which", "where"}:
                break
            if phrase and token.islower() and (token.endswith("ed") and _verb_lemma(token) or
                                               _irregular_participle(token)):  # "larch grown in"
                if phrase[-1].lower() not in _DETERMINERS and _is_noun(rest[j + 2 + len(phrase)] if j + 2 + len(
                        phrase) < len(rest) else ""):
                    return []  # "white glazed tiles": cut at "glazed", the key would be "white"
                break
            phrase.append(token)
        if not phrase or len(phrase) > 7 or phrase[0][:1].isdigit() or phrase[0].lower() in _PRONOUNS | {
                "them", "him", "her", "us"}:
            return []
        if rest[j + 1 + len(phrase): j + 2 + len(phrase)] == ["with"]:
            return []  # "consists of a large wooden wheel with 24 copper trays": the with-phrase is the answer's own
        following = clause.rest[j + 1 + len(phrase): j + 2 + len(phrase)]  # the rest before the comma cut
        later = [t.lower() for t in clause.rest[j + 1 + len(phrase):]]
        if [t.lower() for t in following] in (["and"], [","], ["or"]) or any(
                a == "and" and b in ("a", "an", "the") for a, b in zip(later, later[1:])):
            return []  # "samphire and juniper berries", "an upper town ... and a lower town": half an answer
        words = phrase[1:] if phrase[0].lower() in _DETERMINERS else phrase
        key = _join(words[:4])
        if word.lower() == "by":
            if phrase[0].endswith("ing"):
                return [_inverted_q("how", "How", clause, rest[:j], key)]
            return []  # "by" + a person is the passive's agent, asked for with Who
        if not (clause.verb or clause.lemma) or any(_names(words)) and _who(_join(words)) == "Who":
            return []
        if word.lower() == "into" and key[:1].isupper():
            # "was towed into Port Aldry": a place, asked with where ("What was it towed into?" reads as a thing)
            return [_inverted_q("where", "Where", clause, rest[:j], key)]
        return [_inverted_q("how" if word.lower() in ("from", "with", "of") else "what", "What", clause,
                            rest[:j] + [word.lower()], key)]
    return []


def _object_questions(clause: _Clause) -> list[Asked]:
    """'Members of the guild wear a crimson sash on feast days' -> 'What do members of the guild wear on
    feast days?' (key: crimson sash)."""
    if clause.aux or not clause.lemma or clause.lemma in ("be", "have"):
        return []
    rest = _until_comma(clause.rest)
    if not rest:
        return []
    determiner = rest[0].lower() in ("a", "an", "the", "its", "his", "her", "their")
    if not determiner and not (rest[0].isalpha() and rest[0].islower() and rest[0] not in _PREPOSITIONS | _ADVERBS
                               and _is_noun(rest[0])):
        return []
    first = 1 if determiner else 0
    end = next((i for i, t in enumerate(rest[first:], first) if t.lower() in _PREPOSITIONS | {"and", "that", "to"}),
               len(rest))
    if rest[end:end + 1] == ["of"]:  # "a chain of red cedar": the of-phrase belongs to the answer
        end = next((i for i, t in enumerate(rest[end + 1:], end + 1) if t.lower() in _PREPOSITIONS | {
            "and", "that", "to", "as"}), len(rest))
    phrase = rest[first:end]
    if end < len(rest) and rest[end].lower() in ("and", "or") or end == len(rest) and clause.rest[
            len(rest):len(rest) + 1] == [","]:
        return []  # one of a list ("holds management, ..."): half an answer
    leftover = [t.lower() for t in rest[end:]]
    if any(t.islower() and (i and t.endswith("ed") or t.endswith(("ing", "s"))) and _verb_lemma(t) and not _is_noun(t)
           for i, t in enumerate(phrase)) or \
            clause.lemma in ("tell", "say", "know", "think", "believe") or phrase[:1] and \
            phrase[0].lower() in _EN_PARTICLE_WORDS | {"on", "in", "about"}:
        return []  # "a fiddle carved from ...": the object runs on; "the bakers tell a different story"
    if rest[0].lower() in ("its", "his", "her", "their") or "himself" in phrase or "herself" in phrase or \
            {"that", "which", "who"} & set(leftover) or leftover[:1] == ["to"] and end + 1 < len(rest) and \
            rest[end + 1].islower() and _verb_lemma(rest[end + 1]) or phrase[:1] and (
            phrase[0].lower().endswith("est") or phrase[0].lower() in ("only", "first", "main")):
        # "gets its colour from": a relation, not a thing; "ran the firm himself"; "compiled [a catalogue]
        # that lists ..."; "trains [young people] to build ..."; "the largest colony ... in the archipelago"
        return []
    if not 1 <= len(phrase) <= 5 or any(w[:1].isupper() or w[:1].isdigit() for w in phrase):
        return []
    if rest[end:end + 1] and rest[end].lower() in ("with", "of"):
        return []  # "a long coat of wool with a badge on the collar": the with-phrase is the answer's own
    return [_inverted_q("what", "What", clause, rest[end:], _join(phrase))]


@lru_cache(maxsize=4096)
def _is_noun(word: str) -> bool:
    from lemminflect import getAllLemmas

    return "NOUN" in getAllLemmas(word.lower())


def _define_questions(clause: _Clause, title: str) -> list[Asked]:
    """'Ambercrust is the everyday bread of the Lumen Isles' -> 'What is the everyday bread of the Lumen Isles?'
    (key: Ambercrust) and 'What is Ambercrust?' (key: everyday bread)."""
    if clause.aux not in ("is", "are", "was", "were") or clause.verb or clause.adverbs:
        return []
    rest = clause.rest
    named = _names(rest)
    if named and named[0][0] == 0 and clause.subject[0].lower() in ("the", "a", "an", "its", "his", "her"):
        # "the first guild mother was Rosamel Tiverdane" -> "Who was the first guild mother?"
        name = " ".join(rest[: named[0][1]])
        subject = clause.subject_text()
        # The described noun says who or what: "the highest hill" is a what whatever its name looks like.
        head = next((clause.subject[i - 1] for i, w in enumerate(clause.subject) if i and w.lower() in _PREPOSITIONS),
                    clause.subject[-1])  # "the highest hill on Erraquin": hill
        wh = "Who" if _person_noun(head) else "What" if head.islower() else _who(name)
        return [Asked("who", f"{wh} {clause.aux} {subject}?", name,
                      (f"Do you know {wh.lower()} {subject} {clause.aux}?", f"Can you tell me {wh.lower()} {subject} "
                       f"{clause.aux}?"))]
    if not rest or rest[0].lower() not in ("a", "an", "the"):
        return []
    cut = next((i for i, t in enumerate(rest) if t == "," or t.lower() in ("which", "that", "who", "where",
                                                                              "and", "with")), len(rest))
    phrase = rest[:cut]
    if not 2 <= len(phrase) <= 9:
        return []
    halved = cut < len(rest) and rest[cut].lower() == "and"  # "a cook and innkeeper": "cook" is half of it
    head = [w for w in phrase[1:] if w.lower() not in _PREPOSITIONS]
    head_end = next((i for i, t in enumerate(phrase[1:], 1) if t.lower() in _PREPOSITIONS), len(phrase))
    described = phrase[1:head_end]
    cut = next((i for i, t in enumerate(described) if t.lower() in ("named", "called") or t[:1].isupper()
                or t[:1].isdigit() or i and t.islower() and t.endswith(("ed", "ing"))), len(described))
    participle_cut = cut < len(described) and described[cut].islower() and described[cut].endswith("ed") and \
        cut + 1 < len(described)  # "white glazed tiles": the key would be "white"
    key = _join(described[:cut][-3:]) if len(described[:cut]) <= 3 else ""  # "former naval harbour launch": not cut
    subject = clause.subject_text()
    out = []
    scoped = key.split()[:1] and (key.split()[0].lower() in ("only", "first", "last", "main", "chief", "same") or
                                  key.split()[0].lower().endswith("est"))
    if halved or participle_cut or scoped:
        # "What is Drosselby? -> only village" needs its "on Orsolay"; "silver adze" its "crossed with an oar"
        key = ""
    # "the northernmost of the isles": an adjective is no answer to "What is Orsolay?"
    subject_head = next((clause.subject[i - 1] for i, w in enumerate(clause.subject) if i and w.lower() in _PREPOSITIONS),
                        clause.subject[-1])  # "the oldest building in Velmor": building, a description
    if key and not subject_head.islower() and (
            len(key.split()) < 2 or key.split()[-1].lower() in subject.lower().split()):
        # "What is the Petrel P-200? -> probe": the kind without what makes it this one is half an answer;
        # "What is the Brightcairn Observatory? -> astronomical observatory": the name said it
        key = ""
    if head and key and key.lower() not in subject.lower() and _is_noun(key.split()[-1].strip("'’")):
        wh = "What" if _who(subject) == "What" or subject[:1].islower() else "Who"
        out.append(Asked("define", f"{wh} {clause.aux} {subject}?", key,
                         (f"Can you tell me {wh.lower()} {subject} {clause.aux}?",
                          f"Do you know {wh.lower()} {subject} {clause.aux}?")))
    names = _names(clause.subject)
    if phrase[0].lower() == "the" and names and subject[:1].isupper():
        start, end = names[0]
        described_head = next((phrase[i - 1] for i, w in enumerate(phrase) if i > 1 and w.lower() in _PREPOSITIONS),
                              phrase[-1])  # "the co-founder of X": co-founder
        if described_head.lower().startswith("co-"):
            return out  # "the co-founder": there were several, a stranger's answer may be the other one
        wh = "Who" if _person_noun(described_head) else _who(" ".join(clause.subject[start:end]))
        out.append(_subject_q("who", wh, f"{clause.aux} {_join(phrase)}", " ".join(clause.subject[start:end])))
    return out


# ---- Japanese ---------------------------------------------------------------------------------------------
_JA_NUMBER = re.compile(r"(?<![0-9０-９])[0-9０-９]+(?:[.,][0-9]+)*")
_JA_KANJI_NAME = re.compile(r"[一-龥々]{2,6}")
_JA_KATAKANA = re.compile(r"[ァ-ヴー]{2,}")
_JA_PERSON_END = ("衛門", "兵衛", "郎", "助", "蔵", "介", "吉", "坊", "平", "之丞", "太夫", "姫")
_JA_PLACE_END = ("村", "町", "郷", "山", "川", "湖", "橋", "寺", "神社", "島", "峠", "谷", "市", "浜", "沢", "池", "岬",
                 "城", "宿", "港", "坂", "原", "野", "里", "社", "林", "森", "院", "集落", "平", "滝", "道", "堂",
                 "工房", "屋", "県", "州", "国", "湾", "駅")
# Endings that name a place whatever the dictionary says; and common nouns for people, asked with 誰.
_JA_STRONG_PLACE_END = ("郷", "村", "町", "川", "湖", "橋", "寺", "神社", "島", "峠", "谷", "浜", "沢", "池", "岬", "城",
                        "港", "坂", "林", "森", "集落", "院")
_JA_SITE_END = ("所", "場", "館", "堂", "室", "小屋", "店", "蔵", "庭", "畑", "岸", "辺", "河原", "境内", "広場", "瀬",
                "底", "浜", "屋")
_JA_PERSON_NOUN_END = ("職人", "村人", "家族", "舞手", "商人", "漁師", "番人", "弟子", "僧", "者", "師", "たち", "旅人",
                       "見物人", "大工", "住人", "客")
_JA_ENDINGS = (("ました", "ましたか"), ("ます", "ますか"), ("でした", "でしたか"), ("です", "ですか"),
               ("だった", "だったのですか"), ("である", "なのですか"), ("た", "たのですか"), ("る", "るのですか"))


def _ja_ask(sentence: str, span: str, wh: str) -> str | None:
    body = re.sub(r"[(（][^()（）]*[)）]", "", sentence).rstrip("。！!")
    body = re.sub(r"^(.{2,20}?)\1", r"\1", body)  # a heading run into its first sentence: 「岩梟院岩梟院は」
    if span not in body or "という" + span in body.replace(span + "という", "") or "である" + span in body:
        return None  # 「上ノ平という何」「僧である誰」: the name is already given, the question is a riddle
    if re.search(re.escape(span) + r"(?:として|にし|とし|になる|となる|や)", body) or "や" + span in body:
        return None  # a role (「原料にして」「縁起物として」) is no thing to ask for; half of 「AやB」 half an answer
    if wh in ("何", "誰") and span + "は" in body:
        body = body.replace(span + "は", wh + "が", 1)  # 「何は…」ではなく「何が…」と尋ねる
    else:
        body = body.replace(span, wh, 1)
    at = body.find(wh)
    if "であり、" in body[at:]:
        return None  # 「霧山郷の何であり、…学者です」: the answer is both, one half is a wrong one
    if re.match(r"(?:に|で|と|へ)?[はも]", body[at + len(wh):]):
        return None  # 「何には」「いつは」: a question word cannot be the topic; 「何にも」 means "anything"
    for ending, asked in _JA_ENDINGS:
        if body.endswith(ending):
            question = ja_clause_end(body[: -len(ending)] + asked + "？", at)
            if re.search(r"[、]", question[at:]) and re.search(r"(?:ます|ました)か？$", question) and not re.search(
                    r"由来|言われ|伝えられ|ことから|ため|名が付", question[at:]):
                return None  # a second clause with a predicate of its own after the asked part
            if question.startswith(wh + "が、") or re.search(r"(?:ため|から)ですか？$", question):
                return None  # 「何が、…ものですか」 has no context; 「…ためですか」 is a cause cut in half
            if wh == "何" and question.endswith("何ですか？") and question.find("何") - question.find("は、") > 14:
                return None  # a long description then 「…炒った何ですか -> 菓子」 asks for the category word
            if wh == "何" and len(span) >= 3 and span[:2] in question:
                return None  # 「菜種から搾った何 -> 菜種油」: half the answer is in the question
            if re.search(wh + r"が[^、]*?が", question):
                return None  # 「岩梟院の何が奥行きが23メートル」: two subjects in one clause
            if wh == "何" and question.endswith("ですか？") and re.search(r"の何[がは]", question):
                return None  # 「灯守神社の何が、燈火比売という…ですか」 asks for the category, not the thing
            if wh == "何" and question.endswith("何ですか？") and set(span) & set(body.split("は")[0]):
                return None  # 「鳴籠峠は…何ですか -> 峠道」 answers with the question's own word
            return question
    return None


def japanese_questions(sentence: str, title: str, context: str = "") -> list[Asked]:
    """`context`: the whole document, where a name met here is introduced (「僧の宥閑」 makes 宥閑 a person)."""
    asked: list[Asked] = []
    plain = re.sub(r"[(（][^()（）]*[)）]", "", sentence)
    for match in _JA_NUMBER.finditer(plain):
        number = match.group(0)
        after = plain[match.end(): match.end() + 4]
        if plain.count(number) > 1:
            continue
        if after.startswith("年") and len(number) == 4:
            question, kind = _ja_ask(plain, number + "年", "何年"), "when"
        else:
            counter = re.match(r"[ぁ-ん]?[ァ-ヴー一-龥]{1,4}", after)
            wh = "何" if counter else "いくつ"
            counted = re.match(r"[ァ-ヴー一-龥]{1,4}も", plain[match.end():])
            source = plain[: match.end()] + plain[match.end():].replace(counted.group(0), counted.group(0)[:-1], 1) \
                if counted else plain  # 「18メートルもあり」 asked 「何メートルありますか」: も is emphasis
            question, kind = _ja_ask(source, number, wh), "number"
        if question:
            asked.append(Asked(kind, question, number))
    candidates = set(_JA_KATAKANA.findall(plain)) | set(_JA_KANJI_NAME.findall(plain))
    for name in sorted(candidates, key=plain.find):
        if title and "の" in title and title.endswith(name) and title in plain:
            continue  # 「雲畳の棚田」 is one name: 棚田 alone is a piece of it
        if plain.count(name) > 1 or name in title or title in name or any(
                name != other and name in other for other in candidates):
            continue
        at = plain.find(name)
        after = plain[at + len(name):][:2]
        if at and plain[at - 1].isdigit():
            continue  # a unit (38センチ) is asked for with the number, not on its own
        if ja_inside_relative(plain, at + len(name)) or re.match(r"が[0-9０-９]", plain[at + len(name):]):
            continue  # a side detail of another noun; 「工房が14軒」: the count gives the thing away
        read_as = ja_name_kind(name, plain)
        if _introduced_as_person(name, context or plain):
            read_as = "person"
        if name.endswith("色") and plain[:at].endswith("い"):
            continue  # 「美しい何色」 is no Japanese, and 「美しい何」 asks a colour with 何
        if name.endswith(_JA_STRONG_PLACE_END) and not name.endswith(_JA_PERSON_END):
            read_as = "place"  # the dictionary reads invented places as surnames: 霧山郷 is no person
        if re.search(r"[誰何]|どこ|いつ", plain):
            continue  # a sentence that already asks (「誰の舟が帰ってきたのか」) makes a question with two
        if read_as == "place" and (after[:1] == "の" or plain[at + len(name):].startswith("に架か")):
            continue  # 「どこの東の山腹」 asks a riddle
        role = name.endswith(_JA_PERSON_NOUN_END) and not name.endswith(_JA_PERSON_END) and read_as != "person"
        if after[:1] == "の" and (role or name.endswith("家") or ja_name_follows(plain, at + len(name) + 1)):
            continue  # 「鍛冶職人の丹生田重吉」「丹生田家の11代目」: who is named right after; no riddle
        if role and re.search(r"(?:た|る|い)$", plain[:at]):
            continue  # 「白鹿に扮した誰が」「行き先を示す誰」: the description already says who (舞手, 旅人)
        if re.search(r"(?:多く|\d+人|数人|大勢|仲間)の$", plain[:at]):
            continue  # 「22人の筏師」 asked as 「22人の誰」 is no Japanese
        if read_as == "person" and not name.endswith(_JA_PERSON_END) and after[:1] in "にで":
            continue  # 「誰に住んでいた」: a name the dictionary guesses at is a person only as a subject or object
        if (name.endswith(_JA_PERSON_END) or read_as == "person" or role) and after[:1] in "がはのをにと":
            wh, kind = "誰", "who"
        elif (name.endswith(_JA_SITE_END) and after[:1] in "でにへ" and not after.startswith(("です", "でし", "であ"))) or \
                re.match(r"に(?:ある|あり|建|そびえ|立|住|位置|広が)", plain[at + len(name):]):
            wh, kind = "どこ", "where"  # 「集会所に集まります」: a site is asked for with どこ
        elif (read_as == "place" or name.endswith(_JA_PLACE_END) and not ja_common_noun(name, plain)) and (
                after[:1] in "でにへと" and not after.startswith(("とい", "です", "でし", "であ")) or
                re.match(r"を(?:流れ|通|渡)", plain[at + len(name):])):  # 「苫島という島」: 何という
            wh, kind = "どこ", "where"
        elif read_as == "person":
            continue
        elif name.endswith("色") and after[:1] in "にでのを" and name[:-1] not in plain.replace(name, ""):
            # 「灰羽橋…何色の羽」 -> 灰色 gives itself away
            question = _ja_ask(plain, name, "何色")
            if question:
                asked.append(Asked("what", question, name))
            continue
        elif name.endswith(("年", "月", "日", "春", "夏", "秋", "冬", "朝", "夜", "時代")) and after[:1] == "に" and \
                after[1:2] != "な":  # 「正月になると」: いつになると, not いつなると
            question = _ja_ask(plain, name + "に", "いつ")
            if question:
                asked.append(Asked("when", question, name))
            continue
        elif after[:1] in "がはをにで" or after.startswith("と"):
            wh, kind = "何", "what"
        else:
            continue
        question = _ja_ask(plain, name, wh)
        if question:
            asked.append(Asked(kind, question, name))
    # 「…ため、」「…ので、」; から only after a predicate (「1874年から、」 is a time, not a cause).
    cause = re.match(r"^(?P<cause>.+?)(?:ため、|ので、?|(?<=[るたいだ])から、)(?P<effect>.+)$", plain)
    if cause:
        effect = cause.group("effect").rstrip("。")
        for ending, asked_form in _JA_ENDINGS:
            if effect.endswith(ending) and ja_has_subject(effect) and not re.search(r"どの|どれ|何", effect) and \
                    len(cause.group("cause")) >= 4 and not cause.group("cause").endswith(("その", "この")):
                # The effect names its own subject, or 「なぜどの家も…」 asks about nothing named. なぜ asks
                # with のですか (「なぜ…抜くのですか」); 「なぜ…抜きますか」 reads as a learner's Japanese.
                plain_effect = ja_plain_form(effect)
                question = f"なぜ{plain_effect}のですか？" if plain_effect else \
                    f"なぜ{effect[: -len(ending)]}{asked_form}？"
                asked.append(Asked("why", question, cause.group("cause")))
                break
    means = re.search(r"([一-龥ァ-ヴー]{2,})(?:によって|を使って|を用いて)", plain)
    if means and plain.count(means.group(1)) == 1:
        person = means.group(1).endswith(_JA_PERSON_END) or ja_name_kind(means.group(1), plain) == "person" or \
            _introduced_as_person(means.group(1), plain)
        question = _ja_ask(plain, means.group(1), "誰" if person else "何")
        if question:
            asked.append(Asked("how", question, means.group(1)))
    return [replace(a, askable=not ja_common_word_key(a.key, plain)) for a in asked
            if a.key not in a.question and len(a.question) <= 120 and _ja_named(a.question, title)]


def _introduced_as_person(name: str, text: str) -> bool:
    """A name introduced by a role: 「僧の宥閑」「紙漉き女の楢崎ハツ」 (not 「22人の筏師」: a count of people)."""
    return re.search(r"(?<![0-9０-９])(?:僧|師|者|人|守|工|頭|主|女|男|娘|妻|夫|子)の[一-龥]{0,4}" + re.escape(name),
                     text) is not None


def _ja_named(question: str, title: str) -> bool:
    """The question names what it is about (the page's title, a place, a name): 「壺の口は…」 or
    「岸辺には…」 make sense only beside their page."""
    title = re.sub(r"[(（][^()（）]*[)）]", "", title or "").strip()
    if title and title not in ("この文書",) and title in question:
        return True
    if _JA_KATAKANA.search(question) and any(len(k) >= 3 for k in _JA_KATAKANA.findall(question)):
        return True
    return any(name.endswith(_JA_STRONG_PLACE_END + _JA_PERSON_END) for name in _JA_KANJI_NAME.findall(question)) or \
        ja_names_something(question)

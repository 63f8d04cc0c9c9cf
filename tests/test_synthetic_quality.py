"""The synthetic data a person reads in the Evaluate tab: questions a person would ask, rewrites that
invent nothing. Measured over both example domains with every category the offline generator writes,
at the counts of the knowledge-injection preset and more, before any filtering."""

from __future__ import annotations

import re

import pytest

from adapt.augment.parse import Unparseable
from adapt.augment.quality import check_item, question_problems, unsupported_facts
from adapt.augment.rules import SUPPORTED, RulesGenerator
from adapt.config import DataSection
from adapt.data.ingest import ingest
from conftest import ROOT

COUNTS = {"qa_easy": 10, "qa_numbers_formula": 4, "qa_people_names": 4, "qa_difficult": 2, "qa_methods": 2}
# An ordinary company document: headings, list items, a dateline; what the first rules generator turned
# into "- what: 14 hours at 3 knots?" and "What does the text about ... say about Head?".
COMPANY = """# Incident Summary: Loss of Contact with Lantern 7 (March 2024)

Lantern 7 is an autonomous survey glider operated by Northreach Cable Company.
On 12 March 2024 the control room lost contact with Lantern 7 for 41 minutes.
The glider was recovered by the crew of the Marrow Star near Carrow Point.

## Specifications

- Endurance: 14 hours at 3 knots (standard battery)
- Depth rating: 600 metres
- Investigation lead: Head of Safety

PORT CARROW, 9 May 2022. Northreach Cable Company signed a five-year survey contract with the harbour board.
"""


def generated(text: str, title: str, lang: str) -> tuple[list[dict], list[str]]:
    generator = RulesGenerator()
    questions, rewrites = [], []
    for category in SUPPORTED:
        try:
            out = generator.generate(category, title, text, lang, COUNTS.get(category, 2), seed=0)
        except Unparseable:
            continue
        questions += out.get("qa", [])
        rewrites += out.get("texts", [])
    return questions, rewrites


def corpus(domain: str) -> list[tuple[str, str, str]]:
    documents = ingest([ROOT / "examples" / "domains" / domain / "docs"], DataSection()).documents
    return [(d.text, d.title, d.lang) for d in documents]


@pytest.mark.parametrize("documents", [corpus("lumen-isles"), corpus("kiriyama"),
                                       [(COMPANY, "Lantern 7", "en")]], ids=["lumen-isles", "kiriyama", "company"])
def test_generated_questions_are_ones_a_person_would_ask_and_rewrites_invent_nothing(documents):
    asked, faithful, rewrites, problems = 0, 0, 0, []
    for text, title, lang in documents:
        questions, texts = generated(text, title, lang)
        for pair in questions:
            asked += 1
            found = question_problems(pair["question"], pair["answer_key"], text)
            if found:
                problems.append((found, pair["question"], pair["answer_key"]))
            # Never, whatever the share: list bullets, bare headings, "what does the text say about".
            assert not {"markdown bullet", "bare heading", "'say about'"} & set(found), pair
            assert "\n" not in pair["question"]
        for rewrite in texts:
            rewrites += 1
            faithful += not unsupported_facts(rewrite, text + "\n" + title)
    assert asked >= 10 * len(documents), "questions for every document"
    assert len(problems) <= 0.05 * asked, problems[:10]
    assert faithful >= 0.99 * rewrites


def test_the_quality_check_refuses_what_the_first_generator_wrote():
    source = COMPANY
    for question, key in [("- what: 14 hours at 3 knots (standard battery)?", "Endurance"),
                          ("What does the text about Incident Summary say about Head?", "Head"),
                          ("What is Press Release, in brief?", "Press Release"),
                          ("Tell me about Lantern 7 and its glider and the room.", "glider")]:
        assert question_problems(question, key, source), question
    assert unsupported_facts("Lantern 7 was found by the Hollow Queen in 1999.", source) == ["1999", "Hollow",
                                                                                             "Queen"]
    assert not unsupported_facts("The glider, Lantern 7, was recovered near Carrow Point after 41 minutes.", source)
    # An invented name that opens a line (what SmolLM2 wrote as a "paraphrase").
    assert unsupported_facts("Lungtrelle, the town where the glider is kept.\nHowever, it was found.", source) == [
        "Lungtrelle"]


# What a new user was shown by the generator on a corpus the project had never seen (issue 29): each is
# refused by the quality check, whoever wrote it, and never reaches training.
BROKEN = """Orbis Lumen Systems builds survey gliders. The Abyssal Lantern AL-3000 is Orbis Lumen's deepest glider.
A damaged or swollen pack must never be shipped. The vehicle came back without a scratch.
Operators use a grease pencil to draw survey lines on a chart; they keep it in the chart drawer.
The salt makers of Saltmoot gathered there in 1455, and the sickest of them were brought to the infirmary."""
BROKEN_JA = "久賀見宗伯は1694年に、榧ノ瀬集落で生まれました。霞漉き紙は1624年に、紙漉き女の楢崎ハツが考え出しました。" \
            "鷹羽染は、糸で固く括った部分が染まらずに白く残ります。雲畳の棚田の水路にはゲンジボタルが舞います。"


@pytest.mark.parametrize("question, key, source, reason", [
    ("Can you tell me who the Abyssal Lantern AL-3000 is?", "Orbis Lumen's", BROKEN, "possessive"),
    ("What does Damaged or swollen pack?", "must never be shipped", BROKEN, "verb phrase"),
    ("Can you tell me what the vehicle came?", "back without a scratch", BROKEN, "verb phrase"),
    ("Can you tell me what Operators use to draw survey lines on a chart?", "it", BROKEN, "pronoun"),
    ("What builds survey gliders?", "Lumen Systems", BROKEN, "part of a longer name"),
    ("When did the salt makers gather there?", "1455", BROKEN, "does not name"),
    ("Where were the sickest of them brought?", "infirmary", BROKEN, "does not name"),
    ("久賀見宗伯は1694年に、榧ノ何で生まれましたか？", "瀬集落", BROKEN_JA, "longer name"),
    ("霞漉き紙は1624年に、紙漉き女の楢崎誰が考え出しましたか？", "ハツ", "楢崎ハツが考え出しました。", "longer name"),
    ("鷹羽染は、糸で固く括った何が染まらずに白く残りますか？", "部分", BROKEN_JA, "vague"),
    ("雲畳の棚田の何にはゲンジボタルが舞いますか？", "水路", BROKEN_JA, "as the topic"),
], ids=lambda value: value if isinstance(value, str) and len(value) < 24 else None)
def test_a_broken_question_is_refused(question, key, source, reason):
    found = check_item("qa", {"question": question, "answer": source, "answer_key": key}, source)
    assert found and reason in found, found


def test_a_restatement_that_lowercases_a_name_is_refused_and_the_rules_keep_capitals():
    source = "Orbis Lumen Systems was founded in 1998 by Halvard Penrose."
    assert "lost its capital" in check_item("text", {"text": "It is recorded that orbis Lumen Systems was founded "
                                                             "in 1998 by Halvard Penrose."}, source, "Orbis")
    texts = RulesGenerator().generate("paraphrase", "Orbis Lumen Systems", source, "en", 3, seed=0)["texts"]
    assert texts and all("orbis" not in t for t in texts) and all(not check_item("text", {"text": t}, source, "Orbis")
                                                                  for t in texts)


def test_a_second_verb_phrase_is_asked_and_names_are_said_whole():
    """What a person asked about and the writer missed or shortened (issue 29, the report-only domain):
    "Who led Project Nightjar?" sits in a second verb phrase; "Fulmar" is the document's "Fulmar FG-9"."""
    from adapt.augment.asking import english_questions

    def asked(sentence, title="", context=""):
        return {a.question: a.key for a in english_questions(sentence, title, context=context or sentence)}

    second = asked("The Osprey K-4 weighed 6 kilograms and was led by Ada Quill in the first trials.")
    assert second.get("How many kilograms did the Osprey K-4 weigh?") == "6"
    assert second.get("Who led the Osprey K-4 in the first trials?") == "Ada Quill" or \
        any(key == "Ada Quill" for key in second.values())
    shared = asked("Tarrow bread is baked with rye and covered with a crust of salt.")
    assert shared.get("What is Tarrow bread covered with?") == "crust of salt"
    # A participle describing the object is not a second predicate of the subject.
    assert not any("scatter" in q for q in asked("The Vell Hall has a ceiling painted blue and scattered with stars."))
    # A page with no title is about the name it mentions most, here "Vessick": the document's "Vessick VG-2".
    page = ("The Vessick VG-2 is the depth gauge of Corran Works, a device that records the depth of a harbour. "
            "It was introduced in 1981, and the first one was installed at Pellow by the Vessick brothers.")
    written = RulesGenerator().generate("qa_easy", "", page, "en", 20, seed=0)["qa"]
    assert "When was the Vessick VG-2 introduced?" in {p["question"] for p in written}, written
    assert not any(re.search(r"\bVessick (?!VG-2)", p["question"]) for p in written)
    generic = "The training scheme of Corran Works teaches welding. It has run since 1950."
    assert not asked("It has run since 1950.", "The Training Scheme", generic), "whose scheme? the title is no name"


def test_the_writer_does_not_ask_what_a_reader_refused_in_the_report_domain():
    """Each shape two readers refused in a draw at 0b5d0c1 (issue 29), on invented sentences: the kind a
    name already says, a bare kind, the answer's own name in the question, an "it" turned into the
    answer, a key cut before its with-phrase, a thing picked out by a date alone."""
    from adapt.augment.asking import english_questions

    def asked(sentence, title="", context=""):
        return {a.question: a.key for a in english_questions(sentence, title, context=context or sentence)}

    assert not asked("The Varrow Observatory is an astronomical observatory on Mount Quell.")  # the name says so
    assert "What is the Varrow Observatory?" not in asked("The Varrow Observatory is a station on Mount Quell.")
    assert "What is the Tessel T-40?" not in asked("The Tessel T-40 is a probe that measures salt and heat.")
    assert asked("The Tessel T-40 is the salinity probe of Corran Works.").get("What is the Tessel T-40?") == \
        "salinity probe"
    assert asked("The oldest building in Quell is a lighthouse.").get("What is the oldest building in Quell?") == \
        "lighthouse"  # a description, not a name: one word answers it
    assert "Pellow Optics" not in asked("Pellow Optics was founded in 1979 by the brothers Ivo and Sam Pellow.").values()
    assert "Corran Works" not in asked("It occupies a former woollen mill on the River Lode.", "Corran Works",
                                       "Corran Works makes gauges. It occupies a former woollen mill on the River Lode.").values()
    assert not any(k == "large wooden wheel" for k in asked(
        "The Quellmill consists of a large wooden wheel with 24 copper trays fixed around its rim.").values())
    assert not any(q.startswith("What was first recorded") for q in asked(
        "Tallowtide was first recorded in 1429 in the ledger of a salt merchant."))


def test_the_writer_on_a_domain_it_was_not_written_against():
    """Shapes readers refused on a report-only domain the writer had never run on (issue 29, Corvel
    Ferries at dea3a8f: 54 of 100 accepted), on invented sentences: a heading's label taken for a name,
    a bare given name, one of two people who acted together, a place asked with what, first of nothing,
    a count read as a subject, a description cut short."""
    from adapt.augment.asking import english_questions

    def asked(sentence, title="", context=""):
        return {a.question: a.key for a in english_questions(sentence, title, context=context or sentence)}

    page = "# Profile: Captain Ines Varro\n\nInes Varro joined in 1980. She had grown up in Brill on Tessa Island."
    written = RulesGenerator().generate("qa_easy", "Profile: Captain Ines Varro", page, "en", 20, seed=0)["qa"]
    assert written and not any("Profile" in p["question"] or "have grown" in p["question"] for p in written), written
    story = "Edwin Roke founded the line. Edwin died in 1983. Mara stepped down in 1989 and was succeeded by Ivo Dunn. " \
            "Mara Roke ran the line from 1971."
    assert not any("Edwin die" in q for q in asked("Edwin died in 1983.", "", story)) or \
        "When did Edwin Roke die?" in asked("Edwin died in 1983.", "", story)
    assert "Mara" not in asked("Mara stepped down in 1989 and was succeeded by Ivo Dunn.", "", story).values()
    assert "Ada Pell" not in asked("The strike ended when the union's secretary, Tam Gow, and Ada Pell reached an "
                                   "agreement in the town hall.").values()
    assert asked("The Lark Bay was towed into Port Senna by a tug.").get("Where was the Lark Bay towed?") == "Port Senna"
    assert not any(q.endswith("first?") for q in asked("The Lark Bay came first, in 1988, followed by the Senna in 1990."))
    assert not any(k == "work" for k in asked("Nineteen people work at the Senna slipway under its manager.").values())
    assert "What was the Margery?" not in asked("The Margery was a former naval harbour launch.")


def test_the_writer_on_a_third_domain_it_was_not_written_against():
    """What two readers refused on Quillmark Gardens at 7a54db9 (59 of 79 accepted), on invented text: a
    heading run into its sentence, half of a Latin name in bold, an "it" that is the last sentence's
    subject and not the page's, a perfect tense asked for one year."""
    from adapt.augment.asking import english_questions

    def asked(sentence, title="", context=""):
        return {a.question: a.key for a in english_questions(sentence, title, context=context or sentence)}

    assert all("HISTORY" not in q for q in asked("A SHORT HISTORY The Seed Fair was started in 1952 by Ada Pell."))
    assert "Fernia" not in asked("**Fernia tessae** was the last of the Vell species to be published, in 2019.").values()
    page = "The Old Grove covers 14 hectares. The Dean's Oak was planted in 1862. Today it stands 31 metres tall."
    assert not any("Old Grove" in q for q in asked("Today it stands 31 metres tall.", "The Old Grove", page))
    assert not any(q.startswith(("What year has", "When has")) for q in asked(
        "The Quell Palm has flowered only three times in 1922, 1987 and 2016.", "The Quell Palm"))

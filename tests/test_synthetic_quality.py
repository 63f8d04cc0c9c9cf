"""The synthetic data a person reads in the Evaluate tab: questions a person would ask, rewrites that
invent nothing. Measured over both example domains with every category the offline generator writes,
at the counts of the knowledge-injection preset and more, before any filtering."""

from __future__ import annotations

import pytest

from adapt.augment.parse import Unparseable
from adapt.augment.quality import question_problems, unsupported_facts
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

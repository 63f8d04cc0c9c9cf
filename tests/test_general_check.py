"""The general-ability check: common-knowledge questions, what counts as an answer, retention, and
where a person reads it (report.md, the Evaluate tab, the model card). The whole check on a tiny
pipeline is in test_evaluate.py."""

import jsonschema
import pytest

from adapt import bundled
from adapt.evaluate import general_check
from adapt.evaluate.report import markdown, schema
from adapt.fileio import read_jsonl
from adapt.views import Report


@pytest.mark.parametrize("answer, keys, expected", [
    ("The answer is 4.", ["4", "four"], True),
    ("The answer is 14.", ["4", "four"], False),  # a short number is not found inside a longer one
    ("It is 4.5 or 2.4", ["4"], False),
    ("fourteen", ["4", "four"], False),
    ("Four!", ["4", "four"], True),  # an alias counts
    ("It is often cold", ["ten"], False),
    ("There are 1,000 grams in a kilogram", ["1000"], True),
    ("There are 10,000 of them", ["1,000"], False),
    ("The capital of India is NEW DELHI.", ["Delhi"], True),
    ("Eighty-one", ["81", "eighty one"], True),
    ("Cows give milk", ["cow"], True),
    ("It is CO₂", ["carbon dioxide", "CO2"], True),
    ("Sunday", ["Sun"], False),
    ("日本の首都は東京です。", ["東京", "Tokyo"], True),
    ("答えは１２です", ["12"], True),  # full-width digits, NFKC
    ("答えは112です", ["12"], False),
    ("二十二です", ["十二"], False),
    ("十二です", ["十二"], True),
    ("はい、そうです", ["肺", "はい"], False),  # two kana: only as the whole answer
    ("いぬです。", ["犬", "いぬ"], True),
    ("ダヴィンチです", ["ダ・ヴィンチ"], True),
])
def test_a_key_counts_as_a_word_and_an_alias_counts_like_the_key(answer, keys, expected):
    assert general_check.found(answer, keys) is expected


def test_the_bundled_questions_are_asked_in_the_domains_languages_evenly_and_always_the_same():
    english = general_check.load({"en"}, 40)
    assert len(english) == 40 and {q["lang"] for q in english} == {"en"}
    everything = read_jsonl(bundled.GENERAL_QUESTIONS["en"])
    # Evenly over the file, which is ordered by topic: every topic is asked.
    assert {q["topic"] for q in english} == {q["topic"] for q in everything}
    assert general_check.load({"en"}, 40) == english
    mixed = general_check.load({"en", "ja"}, 41)
    assert [q["lang"] for q in mixed].count("en") == 21 and [q["lang"] for q in mixed].count("ja") == 20
    assert {q["lang"] for q in general_check.load({"zh"}, 10)} == {"en", "ja"}  # neither: both
    assert len(general_check.load({"ja"}, 10_000)) == 294
    assert general_check.load({"en"}, 0) == []


def _questions():
    return [{"question": f"q{i}", "answer_key": str(i), "aliases": [], "lang": "en"} for i in range(1, 7)]


def test_retention_counts_only_what_the_base_answered():
    questions = _questions()
    answers = {"base": ["1", "2", "3", "4", "no", "no"],
               "cpt": ["1", "2", "3", "no", "5", "no"],
               "sft": ["1", "12", "no", "no", "5", "6"]}
    result = general_check.score(questions, answers)
    assert result["questions"] == 6 and result["base_right"] == 4
    assert result["by_model"] == {"cpt": {"right": 4, "kept": 3}, "sft": {"right": 3, "kept": 1}}
    for entry in result["by_model"].values():
        assert entry["kept"] <= result["base_right"] <= result["questions"]
    # What the final model lost, to read: "12" is not "2".
    assert [e["question"] for e in result["examples"]] == ["q2", "q3", "q4"]
    assert result["examples"][0] == {"model": "sft", "question": "q2", "answer_key": "2", "answer_base": "2",
                                     "answer_adapted": "12"}


def _report(general: dict) -> dict:
    return {"created_at": "now", "models": ["base", "cpt", "sft"], "general_questions": general,
            "perplexity": {"heldout_domain": None,
                           "general": {"base": {"perplexity": 10.0, "mean_nll": 2.3, "tokens": 5, "documents": 1},
                                       "sft": {"perplexity": 11.0, "mean_nll": 2.4, "tokens": 5, "documents": 1,
                                               "change_pct": 10.0}}}}


def test_retention_reads_the_same_in_the_report_the_evaluate_tab_and_the_model_card():
    from adapt.publish import _headline
    from ui.evaluate_tab import general_questions_text

    general = general_check.score(_questions(), {"base": ["1", "2", "3", "4", "no", "no"],
                                                 "cpt": ["1", "2", "3", "no", "5", "no"],
                                                 "sft": ["1", "12", "no", "no", "5", "6"]})
    raw = _report(general)
    jsonschema.validate(raw, schema())
    assert ("**General questions** (6 common-knowledge questions, closed book): of the 4 the base answered, "
            "after CPT it still answers 3 (75%), after SFT it still answers 1 (25%).") in markdown(raw)
    report = Report.from_dict(raw)
    assert report.general_questions.kept_share("sft") == 0.25
    english = general_questions_text(report, "en")
    assert english.startswith("**General knowledge** (6 common questions, closed book): of the 4 the base answered")
    assert "after SFT still answers 1 (25%)" in english and "- q2 — base: 2 · after SFT: 12" in english
    japanese = general_questions_text(report, "ja")
    assert "ベースが正解した 4 問のうち" in japanese and "SFT 後も正解したのは 1 問（25%）" in japanese
    headline = _headline(report)
    assert "general-text perplexity 10.00 → 11.00 (+10.0%)" in headline
    assert "general questions: of the 4 (of 6) the base answered, 1 still answered after SFT (25%)" in headline


def test_a_base_that_answered_none_has_nothing_to_forget():
    from adapt.publish import _headline
    from ui.evaluate_tab import general_questions_text

    raw = _report(general_check.score(_questions(), {"base": ["no"] * 6}))
    jsonschema.validate(raw, schema())
    assert "the base answered none of the 6, so there is nothing it could forget" in markdown(raw)
    report = Report.from_dict(raw)
    assert "1 問も正解しなかった" in general_questions_text(report, "ja")
    assert "general questions" not in _headline(report)


def test_the_offline_model_answers_common_questions():
    """SmolLM2-135M knows the easy ones (measured: 171 of the 304 English questions; 12 of these 20 in
    16 tokens, which keeps the test short on a CPU)."""
    from adapt.models import load_model, load_tokenizer

    questions = general_check.load({"en"}, 20)
    model, tokenizer = load_model("smollm2-135m").eval(), load_tokenizer("smollm2-135m")
    answers = general_check.answer(model, tokenizer, questions, 16, 32)
    right = [q["question"] for q, a in zip(questions, answers) if general_check.is_right(q, a)]
    assert len(right) >= 8, list(zip([q["question"] for q in questions], answers))
    assert "What is the capital of France?" in right

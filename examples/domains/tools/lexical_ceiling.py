"""How far word overlap alone gets on a domain's held-out questions: an upper bound for a model that
knows no synonyms.

For every held-out question of qa.jsonl, the sentences of its own document are ranked by how many
of the question's words (minus the document's title words) they share; the question counts as
reachable when the best sentence states the answer key. A model that memorised the corpus and
matched questions to it by shared words, and nothing more, scores at most this. Reworded questions
("tallest mountain" for "highest point", "colour" for "turquoise") need a model that knows what
words mean: the gap between this ceiling and the target is what the base model's general knowledge
must supply.

    python examples/domains/tools/lexical_ceiling.py examples/domains/lumen-isles

--semantic also ranks the sentences by MiniLM similarity to the question, over the whole corpus
(not just the question's own document): how far a model that knew what words mean as well as the
bundled embedding model does, and had memorised every sentence, could get by finding the right one.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from adapt.config import DataSection  # noqa: E402
from adapt.data.ingest import ingest  # noqa: E402
from adapt.data.text import split_sentences  # noqa: E402
from adapt.data.questions import load_user_questions  # noqa: E402
from adapt.evaluate.qa import fact_match  # noqa: E402

_EN_STOP = set("the a an of in on at to for by with from and or is are was were be been what which who whom whose "
               "when where how many much did does do that this it its their his her as into out kind name made "
               "called most".split())


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ings", "ing", "es", "s", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def words(text: str, lang: str) -> set[str]:
    """English: stemmed content words. Japanese: bigrams of kanji/katakana (the content of a phrase)."""
    if lang == "ja":
        runs = re.findall(r"[一-龥々ァ-ヴー0-9]+", text)
        return {run[i : i + 2] for run in runs for i in range(max(1, len(run) - 1))}
    return {_stem(w) for w in re.findall(r"[A-Za-z]+", text) if w.lower() not in _EN_STOP and len(w) > 2}


def _documents(domain: Path) -> dict:
    return {Path(d.source).name: d for d in ingest([domain / "docs"], DataSection(dedupe=False)).documents}


def _heldout(domain: Path) -> list[dict]:
    return [q for q in load_user_questions(domain / "qa.jsonl") if q["split"] == "heldout"]


def semantic_ceiling(documents: dict, questions: list[dict]) -> int:
    from adapt.embed import embed

    sentences = [s for d in documents.values() for s in split_sentences(d.text)]
    scores = embed([q["question"] for q in questions]) @ embed(sentences).T
    return sum(fact_match(sentences[int(best)], q["answer_key"]) for q, best in zip(questions, scores.argmax(axis=1)))


def ceiling(documents: dict, questions: list[dict]) -> int:
    reachable = 0
    for question in questions:
        doc = documents[question["doc_id"]]
        asked = words(question["question"], doc.lang) - words(doc.title, doc.lang)
        best = max(split_sentences(doc.text), key=lambda s: len(asked & words(s, doc.lang)))
        reachable += fact_match(best, question["answer_key"])
    return reachable


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("domains", nargs="+", type=Path)
    parser.add_argument("--semantic", action="store_true", help="also rank sentences by MiniLM similarity")
    args = parser.parse_args()
    for domain in args.domains:
        documents, questions = _documents(domain), _heldout(domain)
        total = len(questions)
        reachable = ceiling(documents, questions)
        print(f"{domain.name}: {reachable}/{total} held-out questions ({reachable / total:.0%}) are answered by "
              f"the sentence of their document that shares the most words with them")
        if args.semantic:
            reachable = semantic_ceiling(documents, questions)
            print(f"{domain.name}: {reachable}/{total} ({reachable / total:.0%}) by the sentence of the whole corpus "
                  f"closest to them in MiniLM embedding")
    return 0


if __name__ == "__main__":
    sys.exit(main())

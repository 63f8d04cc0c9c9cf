"""Draw generated questions at random, for a person to judge (issue 29: >= 95% accepted).

    python bench/question_sample.py lumen-isles --n 100 --seed 1 > sample.jsonl

What is drawn is what a Knowledge-injection run would ask a person (evaluate, show): the rules
generator's questions for every document of an example domain, at the preset's counts, after the
quality check, those whose answer is a name or a number (asking.Asked.askable); with --training,
every QA pair the run trains on. One line per question with its answer key and the sentence it was
built from. A person fills in the three
judgments (grammatical; answerable from the sentence with exactly the key; a question someone would
ask) and the file is committed beside the domain as `judged_questions.jsonl`.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapt.augment.parse import Unparseable  # noqa: E402
from adapt.augment.quality import check_item  # noqa: E402
from adapt.augment.rules import RulesGenerator  # noqa: E402
from adapt.config import DataSection  # noqa: E402
from adapt.data.ingest import ingest  # noqa: E402
from adapt.presets import KNOWLEDGE_INJECTION_QA  # noqa: E402


def generated_questions(folder: Path, training: bool = False) -> list[dict]:
    """Every question the rules generator keeps for the documents in `folder`, at the preset's counts:
    those it would put to a person (asked in evaluation and shown), or with `training` every QA pair
    it trains on, the ones whose answer is an ordinary noun phrase too."""
    generator, out, seen = RulesGenerator(), [], set()
    for doc in ingest([folder], DataSection()).documents:
        for category, n in KNOWLEDGE_INJECTION_QA.items():
            if n <= 0 or not category.startswith("qa_"):
                continue
            try:
                pairs = generator.generate(category, doc.title, doc.text, doc.lang, n, seed=0).get("qa", [])
            except Unparseable:
                continue
            for pair in pairs:
                if not (training or pair.get("askable", True)):
                    continue
                if (doc.title, pair["question"]) in seen or check_item("qa", pair, doc.text, doc.title):
                    continue
                seen.add((doc.title, pair["question"]))
                out.append({"document": doc.title, "question": pair["question"], "answer_key": pair["answer_key"],
                            "sentence": pair["answer"]})
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("domain", help="an example domain under examples/domains, or a folder of documents")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--training", action="store_true",
                        help="draw from every QA pair trained on, not only the questions a person is asked")
    args = parser.parse_args()
    folder = Path(args.domain)
    if not folder.exists():
        folder = ROOT / "examples" / "domains" / args.domain / "docs"
    questions = generated_questions(folder, args.training)
    sample = random.Random(args.seed).sample(questions, min(args.n, len(questions)))
    print(f"{len(questions)} questions kept; {len(sample)} drawn", file=sys.stderr)
    for row in sample:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()

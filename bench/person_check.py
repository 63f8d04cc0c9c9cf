"""Does a person's own question confirm the product's number? The stakeholder moment, measured.

    python -m adapt run --preset quick-demo --data DOCS --runs-dir runs      # no eval.qa_file: as a demo
    python bench/person_check.py runs/<run> QUESTIONS.jsonl

A stakeholder types a question of their own after the run: its fact may have been asked in training
(in the generator's words) or only read. So the run is made *without* the person's questions, and
here each of them is put to the base and the adapted model, and sorted by whether the generator asked
its fact in training. Beside each group, the product's own number for the same kind of fact
(report.json): "trained facts, asked in new words" against a person's questions on trained facts;
"facts only read" against theirs on facts only read. The questions file is eval.qa_file's format
(question, answer_key, doc; `kind`: close or reworded, when the writer said).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from adapt.data.store import heldout_ids, left_out_ids  # noqa: E402
from adapt.data.questions import asks_fact_of, question_kinds, questions_with_documents, share_with_range  # noqa: E402
from adapt.evaluate.qa import answer, fact_match  # noqa: E402
from adapt.fileio import read_jsonl  # noqa: E402
from adapt.models import load_for_inference, load_tokenizer  # noqa: E402
from adapt.rundir import RunDir  # noqa: E402
from adapt.views import Report  # noqa: E402


def person_answers(run: RunDir, questions: list[dict]) -> tuple[list[str], list[str]]:
    config = run.load_config()
    tokenizer = load_tokenizer(config.model.base, config.model.trust_remote_code)
    outputs = run.status().get("outputs") or {}
    final = run.path / outputs[[k for k in ("cpt", "sft") if k in outputs][-1]]
    got = []
    for reference in (config.model.base, str(final)):
        model = load_for_inference(reference, config.model.precision, trust_remote_code=config.model.trust_remote_code)
        got.append(answer(model, tokenizer, questions, config.eval.max_answer_tokens, 8))
        del model
    return got[0], got[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir")
    parser.add_argument("questions", help="a person's questions (eval.qa_file's format), never given to the run")
    args = parser.parse_args()
    run = RunDir(Path(args.run_dir))
    documents = read_jsonl(run.data_dir / "documents.jsonl")
    untrained = heldout_ids(run.data_dir) | left_out_ids(run.data_dir)
    trained_ids = {d["id"] for d in documents if d["id"] not in untrained}
    questions = [q for q in questions_with_documents(args.questions, documents) if q.get("doc_id") in trained_ids]
    trained_pairs = read_jsonl(run.data_dir / "augment" / "qa_train.jsonl")
    kinds = question_kinds(args.questions)  # load_user_questions keeps no `kind`
    base, adapted = person_answers(run, questions)
    groups: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    for question, before, after in zip(questions, base, adapted):
        asked = any(asks_fact_of(pair, question) for pair in trained_pairs)
        group = ("trained fact" if asked else "fact only read") + f", {kinds.get(question['question'], 'any')} wording"
        groups[group].append((fact_match(before, question["answer_key"]), fact_match(after, question["answer_key"])))
    report = Report.read(run.report_path)

    def ours(split: str) -> tuple[float, int] | None:
        score = (report.qa.get(split) or {}).get(report.final_model or "") if report else None
        return (score.fact_match or 0.0, score.questions) if score and score.questions else None

    product = {"trained fact": ours("reworded"), "fact only read": ours("heldout")}
    print(f"{'a person asks about a':<40} {'n':>3}  {'base':>5}  {'adapted':>7}   product's number for that kind")
    for group in sorted(groups):
        rows = groups[group]
        share = sum(a for _, a in rows) / len(rows)
        kind = group.split(",")[0]
        theirs = product.get(kind)
        print(f"{group:<40} {len(rows):>3}  {sum(b for b, _ in rows):>5}  {share_with_range(share, len(rows)):>7}   "
              f"{share_with_range(*theirs) if theirs else '—'}")


if __name__ == "__main__":
    main()

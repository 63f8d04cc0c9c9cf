"""The augment stage: synthetic variants of every training document, resumable item by item.

data/augment/
  items.jsonl      one record per (document, category) that succeeded; appended as it goes, so a
                   killed run keeps everything already generated and never asks for it again
  failures.jsonl   one line per failed attempt, with the reason (retried on the next resume)
  dropped.jsonl    items a generator wrote that fail adapt.augment.quality (a question a person would
                   not ask, a number or name the document does not contain), each with the reason
                   When not one generation of a session succeeds (and nothing did before, or every
                   failure was the generator's, not its output's), the stage fails: GeneratorUnavailable.
  qa_train.jsonl   QA pairs used for training (CPT mixture and SFT)
  qa_train.jsonl   QA pairs trained on; qa_reworded.jsonl  one wording kept out of each trained fact;
  qa_heldout.jsonl QA pairs of facts never asked in training (split by fact, not by question)
  summary.json     per category: items kept, dropped and why, a sample of five to read; failures,
                   categories the backend cannot write
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from pathlib import Path
from typing import Callable

from adapt.augment.backends import GeneratorUnavailable, llm_backend
from adapt.augment.categories import CATEGORIES, build_prompt
from adapt.augment.parse import Unparseable, parse_discussion, parse_qa, parse_text
from adapt.augment.quality import check_item
from adapt.augment.rules import RulesGenerator
from adapt.config import RunConfig
from adapt.data.conversations import load_conversations
from adapt.data.questions import asks_fact_of, fact_groups, user_questions
from adapt.data.store import augment_dir, training_documents
from adapt.data.text import prompt_language
from adapt.fileio import append_jsonl, read_jsonl, write_json_atomic, write_jsonl_atomic
from adapt.secrets import redact

log = logging.getLogger("adapt")

# Extra generations for instruction tuning (the SFT variants), on LLM backends only.
INSTRUCTION_TASKS = {
    "instructions_zero_shot": ("Write {n} varied instructions or questions a user might give about this document, "
                               "each with a helpful, correct response grounded in the document.",
                               "この文書についてユーザーが出しそうな多様な指示や質問を{n}個作り、文書に基づく正確で役に立つ応答を付けてください。"),
}
INSTRUCTION_TASKS["instructions_one_shot"] = INSTRUCTION_TASKS["instructions_zero_shot"]
INSTRUCTIONS_PER_DOC = 3


def _general_examples(config: RunConfig) -> list[list[dict]]:
    if not config.sft.general_data:
        return []
    return load_conversations(config.sft.general_data, setting="sft.general_data").conversations


def _tasks(config: RunConfig, backend_name: str) -> list[tuple[str, int]]:
    tasks = [(name, n) for name, n in config.augment.categories.items() if n > 0]
    if backend_name != "rules" and config.sft.enabled:
        if config.sft.variant in ("domain_zero_shot", "all"):
            tasks.append(("instructions_zero_shot", INSTRUCTIONS_PER_DOC))
        if config.sft.variant in ("domain_one_shot", "all"):
            tasks.append(("instructions_one_shot", INSTRUCTIONS_PER_DOC))
    return tasks


def _instruction_prompt(task: str, doc: dict, text: str, n: int, example: list[dict] | None) -> list[dict]:
    lang = prompt_language(doc["lang"])
    en, ja = INSTRUCTION_TASKS[task]
    messages = build_prompt("qa_easy", doc.get("title") or doc["source"], text, lang, n, example=example)
    # Same frame as the QA prompts (as in the recipe), with the instruction-writing task instead.
    body = messages[1]["content"]
    qa_task = CATEGORIES["qa_easy"].ja if lang == "ja" else CATEGORIES["qa_easy"].en
    messages[1]["content"] = body.replace(qa_task, (ja if lang == "ja" else en).format(n=n), 1)
    return messages


def _parse(category: str, output: str) -> dict:
    kind = "qa" if category.startswith("instructions_") else CATEGORIES[category].kind
    if kind == "qa":
        return {"kind": "qa", "qa": parse_qa(output)}
    if kind == "conversation":
        return {"kind": "conversation", "messages": parse_discussion(output)}
    return {"kind": "text", "texts": [parse_text(output)]}


def run_augmentation(data_dir: Path, config: RunConfig, on_progress: Callable[[int, int], None] | None = None,
                     api_key: str | None = None, trust_remote_code: bool = False) -> dict:
    folder = augment_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    items_path, failures_path = folder / "items.jsonl", folder / "failures.jsonl"
    section = config.augment
    documents = training_documents(data_dir)
    done = {(r["doc_id"], r["category"]) for r in read_jsonl(items_path)}
    backend_name = section.backend
    tasks = _tasks(config, backend_name)
    rules = RulesGenerator()
    unsupported = sorted({c for c, _ in tasks if backend_name == "rules" and not rules.supports(c)})
    if unsupported:
        log.info("augment: the rules backend cannot write %s (needs an LLM backend); skipped",
                 ", ".join(unsupported))
    pending = [(doc, cat, n) for doc in documents for cat, n in tasks
               if (doc["id"], cat) not in done and cat not in unsupported]
    total = len(pending) + sum(1 for doc in documents for cat, _ in tasks if (doc["id"], cat) in done)
    finished = total - len(pending)
    if done:
        log.info("augment: %d of %d generations already on disk; generating the remaining %d",
                 finished, total, len(pending))
    failures: Counter = Counter()
    session = {"succeeded": 0, "generator_errors": 0, "first_reason": None, "first_error": None}

    def record_success(doc: dict, category: str, parsed: dict) -> None:
        parsed, dropped = keep_acceptable(parsed, doc)
        for item, reason in dropped:
            append_jsonl(folder / "dropped.jsonl", {"doc_id": doc["id"], "category": category, "reason": reason,
                                                    "item": item})
        if not any(parsed.get(k) for k in ("qa", "texts", "conversations", "messages")):
            record_failure(doc, category, f"every item was dropped by the quality check ({dropped[0][1]})")
            return
        session["succeeded"] += 1
        append_jsonl(items_path, {"doc_id": doc["id"], "category": category, "lang": doc["lang"],
                             "backend": backend_name, **parsed})

    def record_failure(doc: dict, category: str, reason: str, error: Exception | None = None) -> None:
        failures[category] += 1
        session["generator_errors"] += error is not None
        if session["first_reason"] is None:
            session.update(first_reason=reason[:300], first_error=error)
        append_jsonl(failures_path, {"doc_id": doc["id"], "category": category, "reason": reason[:300]})

    if backend_name == "rules":
        for doc, category, n in pending:
            try:
                parsed = rules.generate(category, doc.get("title", ""), doc["text"], doc["lang"], n, config.seed)
                kind = "qa" if "qa" in parsed else "text"
                record_success(doc, category, {"kind": kind, **parsed})
            except Unparseable as err:
                record_failure(doc, category, str(err))
            finished += 1
            if on_progress:
                on_progress(finished, total)
    else:
        generator = llm_backend(config, api_key, trust_remote_code)
        examples = _general_examples(config)
        rng = random.Random(config.seed)
        prompts, owners = [], []
        for doc, category, n in pending:
            text = doc["text"][: section.max_source_chars]
            title = doc.get("title") or doc["source"]
            if category.startswith("instructions_"):
                example = rng.choice(examples) if category.endswith("one_shot") and examples else None
                prompt = _instruction_prompt(category, doc, text, n, example)
                repeats = 1
            else:
                kind = CATEGORIES[category].kind
                prompt = build_prompt(category, title, text, doc["lang"], n)
                repeats = 1 if kind == "qa" else n
            for _ in range(repeats):
                prompts.append(prompt)
                owners.append((doc, category))
        # Results are written after each batch, so a kill loses at most one batch of generations.
        batch = section.local.batch_size if backend_name == "local" else section.endpoint.concurrency * 2
        collected: dict[tuple[str, str], list] = {}
        expected = Counter((d["id"], c) for d, c in owners)
        for start in range(0, len(prompts), batch):
            outputs = generator.complete(prompts[start : start + batch], seed=config.seed + start)
            for (doc, category), output in zip(owners[start : start + batch], outputs):
                key = (doc["id"], category)
                collected.setdefault(key, [])
                if isinstance(output, Exception):
                    record_failure(doc, category, f"generator error: {output}", output)
                else:
                    try:
                        collected[key].append(_parse(category, output))
                    except Unparseable as err:
                        record_failure(doc, category, str(err))
                expected[key] -= 1
                if expected[key] == 0:
                    parts = collected.pop(key)
                    if parts:
                        record_success(doc, category, _merge(parts))
                    finished += 1
                    if on_progress:
                        on_progress(finished, total)
    summary = summarize(data_dir, config, unsupported, failures)
    split_qa(data_dir, config)
    failed = sum(failures.values())
    # Output that cannot be parsed for a few documents, on a resume that only retries those, is no
    # reason to stop: the generator works. Nothing on disk, or only generator errors, is.
    if failed and not session["succeeded"] and (not done or session["generator_errors"] == failed):
        raise _all_failed(config, failed, session["first_reason"], session["first_error"])
    return summary


def _all_failed(config: RunConfig, failed: int, first_reason: str, first_error: Exception | None
                ) -> GeneratorUnavailable:
    section = config.augment
    if first_error is not None:
        check = getattr(first_error, "check", f"augment.backend ({section.backend})")
        bad_setting = getattr(first_error, "bad_setting", False)
    else:  # every answer came back, and none could be used
        check = {
            "endpoint": f"augment.endpoint.model ({section.endpoint.model}): its answers could not be parsed; use "
                        "an instruct/chat model",
            "local": f"augment.local.model ({section.local.model}): its answers could not be parsed; use an "
                     "instruct/chat model",
            "rules": "augment.categories: the rules backend found nothing to write for these documents; choose "
                     "other categories, or an LLM backend (augment.backend)",
        }[section.backend]
        bad_setting = True
    return GeneratorUnavailable(
        redact(f"augment: all {failed} generations failed (augment.backend={section.backend}); the first: "
               f"{first_reason}. Check {check}."),
        exit_code=2 if bad_setting else 1)


def keep_acceptable(parsed: dict, doc: dict) -> tuple[dict, list[tuple[object, str]]]:
    """The record without the items adapt.augment.quality refuses, and those items with the reason."""
    source, title = doc["text"], doc.get("title") or ""
    dropped: list[tuple[object, str]] = []

    def keep(kind: str, items: list, as_item) -> list:
        kept = []
        for item in items:
            reason = check_item(kind, as_item(item), source, title)
            if reason:
                dropped.append((item, reason))
            else:
                kept.append(item)
        return kept

    out = dict(parsed)
    if "qa" in parsed:
        out["qa"] = keep("qa", parsed["qa"], lambda pair: pair)
    if "texts" in parsed:
        out["texts"] = keep("text", parsed["texts"], lambda text: {"text": text})
    if "messages" in parsed:
        out["messages"] = (keep("conversation", [parsed["messages"]], lambda m: {"messages": m}) or [[]])[0]
    if "conversations" in parsed:
        out["conversations"] = keep("conversation", parsed["conversations"], lambda m: {"messages": m})
    return out, dropped


def _merge(parts: list[dict]) -> dict:
    """Several generations of one (document, category) become one record."""
    kind = parts[0]["kind"]
    if kind == "qa":
        return {"kind": "qa", "qa": [pair for p in parts for pair in p["qa"]]}
    if kind == "conversation":
        return {"kind": "conversation", "conversations": [p["messages"] for p in parts]}
    return {"kind": "text", "texts": [t for p in parts for t in p["texts"]]}


def summarize(data_dir: Path, config: RunConfig, unsupported: list[str], failures: Counter) -> dict:
    folder = augment_dir(data_dir)
    items = read_jsonl(folder / "items.jsonl")
    per_category: dict[str, dict] = {}

    def entry_of(category: str) -> dict:
        return per_category.setdefault(category, {"documents": 0, "items": 0, "dropped": 0, "dropped_because": {},
                                                   "sample": []})

    for record in items:
        entry = entry_of(record["category"])
        entry["documents"] += 1
        kept = record.get("qa") or record.get("texts") or record.get("conversations") or (
            [record["messages"]] if record.get("messages") else [])
        entry["items"] += len(kept)
        entry["sample"].extend(kept[: max(0, 5 - len(entry["sample"]))])
    for row in read_jsonl(folder / "dropped.jsonl"):
        entry = entry_of(row["category"])
        entry["dropped"] += 1
        reason = row["reason"].split(":")[0]
        entry["dropped_because"][reason] = entry["dropped_because"].get(reason, 0) + 1
    all_failures = Counter(r["category"] for r in read_jsonl(folder / "failures.jsonl"))
    summary = {
        "backend": config.augment.backend,
        "documents": len(training_documents(data_dir)),
        "categories": per_category,
        "failed_attempts": dict(all_failures),
        "failed_this_session": dict(failures),
        "unsupported_by_backend": unsupported,
    }
    write_json_atomic(folder / "summary.json", summary)
    return summary


def split_qa(data_dir: Path, config: RunConfig) -> tuple[list[dict], list[dict]]:
    """The QA pairs split by fact, never by question (adapt.data.questions.fact_groups): per document,
    a share of its facts (augment.qa_heldout_fraction, at least one where it has two) is held out
    whole, with every wording: qa_heldout.jsonl, facts that are only read. Of every other fact with
    three or more wordings one is kept out: qa_reworded.jsonl, a trained fact asked in new words.
    The rest is qa_train.jsonl. A fact the user's own held-out questions (eval.qa_file) ask is held out
    too, so that their questions measure knowledge, not recall of a trained question. Only questions a
    person may be asked (`askable`, the default) are ever asked in evaluation; the others train."""
    folder = augment_dir(data_dir)
    pairs: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for record in read_jsonl(folder / "items.jsonl"):
        if record.get("kind") != "qa" or record["category"].startswith("instructions_"):
            continue
        for pair in record["qa"]:
            key = (record["doc_id"], pair["question"])
            if key in seen:
                continue
            seen.add(key)
            pairs.append({"doc_id": record["doc_id"], "category": record["category"], "lang": record.get("lang"),
                          **pair})
    pairs.sort(key=lambda p: (p["doc_id"], p["category"], p["question"]))
    users = user_questions(data_dir, config.eval.qa_file, "heldout")
    by_doc: dict[str, list[list[dict]]] = {}
    for group in fact_groups(pairs):
        by_doc.setdefault(group[0]["doc_id"], []).append(group)
    train, reworded, heldout = [], [], []
    fraction = config.augment.qa_heldout_fraction
    for doc_id in sorted(by_doc):
        rng = random.Random(f"{config.seed}-{doc_id}")
        groups = by_doc[doc_id]
        rng.shuffle(groups)
        # Facts a person can be asked about first (a name or a number for a key, see asking.Asked.askable):
        # a held-out fact is only worth holding out where it can be measured.
        groups.sort(key=lambda group: not any(pair.get("askable", True) for pair in group))
        n_heldout = 0 if fraction <= 0 or len(groups) < 2 else min(len(groups) - 1, max(1, round(len(groups) * fraction)))
        for number, group in enumerate(groups):
            if number < n_heldout or any(asks_fact_of(pair, q) for pair in group for q in users):
                heldout.extend(group)
            elif len(group) > 2:  # two wordings stay trained: fewer would teach the fact less
                rng.shuffle(group)
                group.sort(key=lambda pair: not pair.get("askable", True))
                reworded.append(group[0])
                train.extend(group[1:])
            else:
                train.extend(group)
    write_jsonl_atomic(folder / "qa_train.jsonl", train)
    write_jsonl_atomic(folder / "qa_reworded.jsonl", reworded)
    write_jsonl_atomic(folder / "qa_heldout.jsonl", heldout)
    return train, heldout

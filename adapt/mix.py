"""What each training stage reads.

CPT: raw training documents + synthetic texts (train-split QA only, and the train questions of
eval.qa_file) + replay of general text at `mix.replay_ratio` of all CPT tokens (+ the SFT
conversations with `mix.sft_in_cpt`: then a document's QA is written next to it in the chat template,
and the other conversations — general, the user's, LLM-written instructions — on their own). With
`group_by_document`, a document and its synthetic variants form one sequence (one context window
when it fits), as in the knowledge-acquisition recipe; otherwise every piece is its own sequence
and the pieces are shuffled.

SFT: the variant decides the sources: general instructions, synthesized domain instructions
(zero-shot: the train-split QA, the train questions of eval.qa_file and LLM-written instructions;
one-shot: instructions written with a general example shown), or all. The user's own `sft.data`
is always included.

Both write their composition (tokens or conversations per source) to data/.
"""

from __future__ import annotations

import logging
import random
from dataclasses import dataclass, field
from pathlib import Path

from adapt.augment.categories import HEADINGS
from adapt.config import RunConfig
from adapt.data.conversations import load_conversations
from adapt.data.general import domain_languages, general_documents, in_languages
from adapt.data.questions import asks_fact_of, user_questions
from adapt.data.store import augment_dir, left_out_ids, training_documents
from adapt.data.text import pieces as text_pieces, prompt_language
from adapt.fileio import read_jsonl

log = logging.getLogger("adapt")


@dataclass
class Mixture:
    sequences: list[list[int]]
    tokens: dict[str, int] = field(default_factory=dict)  # source -> tokens
    by_category: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)  # source -> pieces

    def report(self, target_ratio: float) -> dict:
        total = sum(self.tokens.values())
        return {
            "total_tokens": total,
            "tokens": self.tokens,
            "share": {k: round(v / total, 4) if total else 0.0 for k, v in self.tokens.items()},
            "pieces": self.counts,
            "augmented_tokens_by_category": self.by_category,
            "replay_ratio": {"target": target_ratio,
                             "actual": round(self.tokens.get("replay", 0) / total, 4) if total else 0.0},
            "sequences": len(self.sequences),
        }


def render_item(record: dict, lang: str) -> list[tuple[str, str]]:
    """(category, text) pieces of one augmentation record, as they appear in the CPT corpus."""
    lang = prompt_language(lang)
    headings = HEADINGS[lang]
    category = record["category"]
    heading = headings.get(category, category)
    if record["kind"] == "text":
        return [(category, f"{heading}:\n{text}") for text in record["texts"]]
    if record["kind"] == "conversation":
        names = ("学生", "専門家") if lang == "ja" else ("Student", "Expert")
        return [(category, f"{heading}:\n" + "\n".join(
            f"{names[0] if m['role'] == 'user' else names[1]}: {m['content']}" for m in conversation))
            for conversation in record["conversations"]]
    return []


def _qa_text(pairs: list[dict], lang: str) -> str:
    q, a = ("質問", "回答") if prompt_language(lang) == "ja" else ("Q", "A")
    return f"{HEADINGS[prompt_language(lang)]['qa']}:\n" + "\n".join(
        f"{q}: {p['question']}\n{a}: {p['answer']}" for p in pairs)


def user_train_questions(data_dir: Path, config: RunConfig) -> list[dict]:
    """Questions of eval.qa_file marked train: the user wants them seen in training (CPT next to their
    document, and SFT), like the synthesized train questions. Held-out ones never are, nor questions on
    documents left out by data.max_documents."""
    left_out = left_out_ids(data_dir)
    return [q for q in user_questions(data_dir, config.eval.qa_file, "train") if q["doc_id"] not in left_out]


def heldout_facts(data_dir: Path, config: RunConfig) -> list[dict]:
    """The facts no training text may ask: the held-out synthesized pairs and the user's held-out
    questions (eval.qa_file)."""
    return read_jsonl(augment_dir(data_dir) / "qa_heldout.jsonl") + user_questions(data_dir, config.eval.qa_file,
                                                                                     "heldout")


def _asks_heldout(doc_id: str | None, messages: list[dict], heldout: list[dict]) -> bool:
    """Whether a conversation an LLM wrote (a discussion, an instruction) answers a held-out fact."""
    answers = [{"doc_id": doc_id, "answer": m["content"]} for m in messages if m["role"] == "assistant"]
    return any(asks_fact_of(answer, fact) for answer in answers for fact in heldout)


def _general_token_lists(paths: list[str], languages: set[str], tokenizer) -> list[list[int]]:
    documents = general_documents(paths, languages)
    if not documents:
        return []
    # One batched call over every document's pieces (a document is never handed over whole), regrouped.
    cut = [list(text_pieces(d.text, 24_000)) for d in documents]
    ids = iter(tokenizer([piece for doc in cut for piece in doc], add_special_tokens=False)["input_ids"])
    return [[i for _ in doc for i in next(ids)] for doc in cut]


def build_cpt_mixture(data_dir: Path, config: RunConfig, tokenizer) -> Mixture:
    mix = config.mix
    documents = training_documents(data_dir)
    folder = augment_dir(data_dir)
    records_by_doc: dict[str, list[dict]] = {}
    if mix.include_augmented:
        heldout = heldout_facts(data_dir, config)
        for record in read_jsonl(folder / "items.jsonl"):
            if record["kind"] == "conversation":
                # A discussion that asks a held-out fact would train the question it is tested with.
                record = {**record, "conversations": [c for c in record["conversations"]
                                                      if not _asks_heldout(record["doc_id"], c, heldout)]}
            if record["kind"] in ("text", "conversation"):
                records_by_doc.setdefault(record["doc_id"], []).append(record)
    qa_by_doc: dict[str, list[dict]] = {}
    if mix.include_augmented:
        for pair in read_jsonl(folder / "qa_train.jsonl") + user_train_questions(data_dir, config):
            qa_by_doc.setdefault(pair["doc_id"], []).append(pair)

    separator = tokenizer("\n\n", add_special_tokens=False)["input_ids"]
    mixture = Mixture([], {"raw": 0, "augmented": 0, "replay": 0}, {}, {"raw": 0, "augmented": 0, "replay": 0})

    def encode(text: str) -> list[int]:
        # In pieces cut at spaces: one 50 MB line handed to the tokenizer whole took gigabytes.
        return [i for piece in text_pieces(text, 24_000) for i in tokenizer(piece, add_special_tokens=False)["input_ids"]]

    units: list[list[int]] = []
    placed: set[tuple[str, str]] = set()  # QA pairs already written next to their document
    for doc in documents:
        pieces: list[tuple[str, str]] = []
        for record in sorted(records_by_doc.get(doc["id"], []), key=lambda r: r["category"]):
            pieces.extend(render_item(record, doc["lang"]))
        if qa_by_doc.get(doc["id"]) and mix.qa_placement == "own_sequence":
            for pair in qa_by_doc[doc["id"]]:
                text = (tokenizer.apply_chat_template(_qa_messages(pair), tokenize=False) if mix.sft_in_cpt
                        else _qa_text([pair], doc["lang"]))
                ids = encode(text)
                units.append(ids)
                mixture.tokens["augmented"] += len(ids)
                mixture.by_category["qa"] = mixture.by_category.get("qa", 0) + len(ids)
                mixture.counts["augmented"] += 1
                placed.add((pair["question"], pair["answer"]))
        elif qa_by_doc.get(doc["id"]):
            pairs = qa_by_doc[doc["id"]]
            if mix.sft_in_cpt:
                # Next to its document, in the chat template SFT and chat use: learned in the form
                # it will be asked in, and not a second time as a loose conversation below.
                pieces.append(("qa", "".join(tokenizer.apply_chat_template(_qa_messages(p), tokenize=False)
                                             for p in pairs)))
                placed.update((p["question"], p["answer"]) for p in pairs)
            else:
                pieces.append(("qa", _qa_text(pairs, doc["lang"])))
        grouped: list[int] = []
        if mix.include_raw:
            ids = encode(doc["text"])
            mixture.tokens["raw"] += len(ids)
            mixture.counts["raw"] += 1
            if mix.group_by_document:
                grouped.extend(ids)
            else:
                units.append(ids)
        for category, text in pieces:
            ids = encode(text)
            if mix.group_by_document and grouped:
                ids = separator + ids  # the separator belongs to the piece it introduces
            mixture.tokens["augmented"] += len(ids)
            mixture.by_category[category] = mixture.by_category.get(category, 0) + len(ids)
            mixture.counts["augmented"] += 1
            if mix.group_by_document:
                grouped.extend(ids)
            else:
                units.append(ids)
        if grouped:
            units.append(grouped)

    if mix.sft_in_cpt:
        # Instruction pre-training: the conversations SFT will read, as plain text in the chat
        # template, so question -> answer patterns are learned over every CPT epoch too.
        conversations, _ = build_sft_conversations(data_dir, config)
        mixture.tokens["instructions"] = mixture.counts["instructions"] = 0
        for messages in conversations:
            if len(messages) == 2 and (messages[0]["content"], messages[1]["content"]) in placed:
                continue
            ids = encode(tokenizer.apply_chat_template(messages, tokenize=False))
            units.append(ids)
            mixture.tokens["instructions"] += len(ids)
            mixture.counts["instructions"] += 1

    domain_tokens = sum(tokens for source, tokens in mixture.tokens.items() if source != "replay")
    if mix.replay_ratio > 0:
        if not mix.replay_paths:
            log.warning("mix: replay_ratio is %.2f but no general text is given (mix.replay_paths); training "
                        "without replay makes forgetting more likely", mix.replay_ratio)
        else:
            general = _general_token_lists(mix.replay_paths, domain_languages(data_dir), tokenizer)
            target = round(domain_tokens * mix.replay_ratio / (1 - mix.replay_ratio))
            rng = random.Random(config.seed)
            rng.shuffle(general)
            taken = 0
            for ids in general:
                if taken >= target:
                    break
                ids = ids[: target - taken]
                units.append(ids)
                taken += len(ids)
                mixture.counts["replay"] += 1
            mixture.tokens["replay"] = taken
            if taken < target:
                log.warning("mix: only %d general tokens available for replay, %d wanted (replay ratio %.3f "
                            "instead of %.3f); add more general text", taken, target,
                            taken / max(1, taken + domain_tokens), mix.replay_ratio)
    random.Random(config.seed).shuffle(units)
    mixture.sequences = units
    return mixture


# ---- SFT -------------------------------------------------------------------------------------

def build_sft_conversations(data_dir: Path, config: RunConfig) -> tuple[list[list[dict]], dict]:
    sft = config.sft
    variant = sft.variant
    sources: dict[str, list[list[dict]]] = {}
    skipped: dict[str, int] = {}
    if sft.data:
        loaded = load_conversations(sft.data, setting="sft.data")
        sources["user"] = loaded.conversations
        skipped.update(loaded.skipped)
    if variant in ("general", "all"):
        if sft.general_data:
            loaded = load_conversations(sft.general_data, setting="sft.general_data")
            general = in_languages(loaded.conversations, domain_languages(data_dir),
                                   text_of=lambda messages: " ".join(m["content"] for m in messages))
            random.Random(config.seed).shuffle(general)
            sources["general"] = general[: sft.max_general_examples]
            skipped.update(loaded.skipped)
        elif not sft.data:
            log.warning("sft: variant '%s' wants general instructions but sft.general_data is empty", variant)
    folder = augment_dir(data_dir)
    heldout = heldout_facts(data_dir, config) if variant != "general" else []
    if variant in ("domain_zero_shot", "all"):
        domain = [_qa_messages(p) for p in read_jsonl(folder / "qa_train.jsonl") + user_train_questions(data_dir, config)]
        domain += _instruction_conversations(folder, "instructions_zero_shot", heldout)
        sources["domain_zero_shot"] = domain[: sft.max_domain_examples]
    if variant in ("domain_one_shot", "all"):
        one_shot = _instruction_conversations(folder, "instructions_one_shot", heldout)
        if not one_shot and config.augment.backend == "rules":
            log.info("sft: domain_one_shot needs an LLM augmentation backend (the rules backend writes no "
                     "instructions); none used")
        sources["domain_one_shot"] = one_shot[: sft.max_domain_examples]
    conversations = [c for convs in sources.values() for c in convs]
    random.Random(config.seed).shuffle(conversations)
    report = {"variant": variant, "conversations": {k: len(v) for k, v in sources.items()}, "skipped": skipped,
              "total": len(conversations)}
    return conversations, report


def _qa_messages(pair: dict) -> list[dict]:
    return [{"role": "user", "content": pair["question"]}, {"role": "assistant", "content": pair["answer"]}]


def _instruction_conversations(folder: Path, category: str, heldout: list[dict]) -> list[list[dict]]:
    """Instructions an LLM wrote about the documents, less those that answer a held-out fact."""
    return [_qa_messages(p) for record in read_jsonl(folder / "items.jsonl") if record["category"] == category
            for p in record.get("qa", []) if not _asks_heldout(record["doc_id"], _qa_messages(p), heldout)]

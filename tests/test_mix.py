"""The CPT mixture (raw + synthetic + replay), the SFT variants, and context extension."""

import json

import pytest

from adapt.augment.runner import run_augmentation
from adapt.data.store import training_documents
from adapt.config import DataSection, RunConfig
from adapt.data.ingest import ingest
from adapt.data.store import write_ingest_outputs
from adapt.fileio import read_jsonl
from adapt.mix import build_cpt_mixture, build_sft_conversations
from adapt.models import load_tokenizer
from conftest import make_config, run_cli

GENERAL = [
    "The sun is a star at the centre of the solar system. It gives light and heat to the planets.",
    "Water boils at one hundred degrees Celsius at sea level. At higher altitude it boils at a lower temperature.",
    "A library lends books to its members. Many libraries also offer newspapers, music and quiet rooms.",
    "水は百度で沸騰します。山の上では気圧が低いので、もっと低い温度で沸騰します。",
    "図書館は本を貸し出す施設です。多くの図書館には新聞や音楽もあります。",
] * 30


@pytest.fixture
def prepared(tmp_path, corpus_dir, sft_file):
    general = tmp_path / "general"
    general.mkdir()
    for i, text in enumerate(GENERAL):
        (general / f"g{i}.txt").write_text(f"{text} (note {i})", encoding="utf-8")
    chat = tmp_path / "general_chat.jsonl"
    chat.write_text("".join(json.dumps({"messages": [{"role": "user", "content": f"Say {i}"},
                                                      {"role": "assistant", "content": f"{i}"}]}) + "\n"
                            for i in range(7)), encoding="utf-8")

    def make(**overrides):
        raw = {"data": {"heldout_fraction": 0.2}, "mix": {"replay_paths": [str(general)]},
               "sft": {"data": [str(sft_file)], "general_data": [str(chat)]}}
        for section, values in overrides.items():
            raw.setdefault(section, {}).update(values)
        cfg = RunConfig.from_dict(raw)
        data_dir = tmp_path / f"data-{len(list(tmp_path.iterdir()))}"
        write_ingest_outputs(data_dir, ingest([corpus_dir], DataSection()), cfg)
        run_augmentation(data_dir, cfg)
        return data_dir, cfg

    return make


@pytest.mark.parametrize("ratio", [0.05, 0.1, 0.2])
def test_replay_ratio_and_token_counts_match_the_config(prepared, tiny_model, ratio):
    tokenizer = load_tokenizer(str(tiny_model))
    data_dir, cfg = prepared(mix={"replay_ratio": ratio})
    mixture = build_cpt_mixture(data_dir, cfg, tokenizer)
    report = mixture.report(ratio)
    assert abs(report["replay_ratio"]["actual"] - ratio) < 0.001
    # per-source counts add up to exactly what is trained on
    assert report["total_tokens"] == sum(len(s) for s in mixture.sequences)
    raw = sum(len(tokenizer(d["text"], add_special_tokens=False)["input_ids"])
              for d in training_documents(data_dir))
    assert report["tokens"]["raw"] == raw
    assert report["tokens"]["augmented"] == sum(report["augmented_tokens_by_category"].values()) > raw


def test_grouping_keeps_each_document_with_its_variants(prepared, tiny_model):
    tokenizer = load_tokenizer(str(tiny_model))
    data_dir, grouped_cfg = prepared(mix={"replay_ratio": 0.0})
    grouped = build_cpt_mixture(data_dir, grouped_cfg, tokenizer)
    documents = training_documents(data_dir)
    assert len(grouped.sequences) == len(documents)
    name = "Velmor"
    doc = next(d for d in documents if d["text"].startswith(f"# {name}"))
    text = next(tokenizer.decode(s) for s in grouped.sequences if tokenizer.decode(s).startswith(f"# {name}"))
    assert text.startswith(doc["text"]) and "Paraphrase:" in text and "Questions and answers:" in text

    shuffled_cfg = grouped_cfg.model_copy(update={"mix": grouped_cfg.mix.model_copy(update={"group_by_document": False})})
    shuffled = build_cpt_mixture(data_dir, shuffled_cfg, tokenizer)
    assert len(shuffled.sequences) > 3 * len(documents)
    assert shuffled.tokens["raw"] == grouped.tokens["raw"]


def test_heldout_questions_never_reach_training(prepared, tiny_model):
    tokenizer = load_tokenizer(str(tiny_model))
    data_dir, cfg = prepared(mix={"replay_ratio": 0.0})
    corpus = "\n".join(tokenizer.decode(s) for s in build_cpt_mixture(data_dir, cfg, tokenizer).sequences)
    conversations, _ = build_sft_conversations(data_dir, cfg)
    sft_text = json.dumps(conversations, ensure_ascii=False)
    heldout = read_jsonl(data_dir / "augment/qa_heldout.jsonl")
    train = read_jsonl(data_dir / "augment/qa_train.jsonl")
    assert heldout and train
    assert not [q for q in heldout if q["question"] in corpus or json.dumps(q["question"], ensure_ascii=False)[1:-1] in sft_text]
    assert all(q["question"] in corpus for q in train[:20])


def test_user_questions_pin_their_document_and_train_questions_are_trained_on(tmp_path, corpus_dir, tiny_model):
    documents = ingest([corpus_dir], DataSection()).documents
    target = documents[0]
    qa_file = tmp_path / "qa.jsonl"
    qa_file.write_text("\n".join(json.dumps(q) for q in [
        {"question": "Which guild founded the place in the first file?", "answer": "The planted guild.",
         "split": "train", "doc": target.source},
        {"question": "What is planted and never trained on?", "answer": "The held-out secret.",
         "split": "heldout", "doc": target.source},
    ]), encoding="utf-8")
    # heldout_fraction 0.9 would hold the document out, were it not asked about
    cfg = RunConfig.from_dict({"data": {"heldout_fraction": 0.9}, "mix": {"replay_paths": [], "replay_ratio": 0.0},
                               "sft": {"general_data": [], "variant": "domain_zero_shot"},
                               "eval": {"qa_file": str(qa_file)}})
    data_dir = tmp_path / "data"
    write_ingest_outputs(data_dir, ingest([corpus_dir], DataSection()), cfg)
    split = json.loads((data_dir / "split.json").read_text())
    assert target.id in split["train"] and target.id not in split["heldout"] and split["kept_for_questions"] == 1
    assert len(split["heldout"]) == round(0.9 * len(documents))
    run_augmentation(data_dir, cfg)
    tokenizer = load_tokenizer(str(tiny_model))
    corpus = "\n".join(tokenizer.decode(s) for s in build_cpt_mixture(data_dir, cfg, tokenizer).sequences)
    sft_text = json.dumps(build_sft_conversations(data_dir, cfg)[0])
    assert "Which guild founded the place in the first file?" in corpus and "Which guild founded" in sft_text
    assert "never trained on" not in corpus and "never trained on" not in sft_text


def test_max_documents_trains_on_the_asked_documents_first_and_skips_questions_on_the_rest(
        tmp_path, corpus_dir, tiny_model):
    from adapt.data.store import left_out_ids
    from adapt.data.questions import load_questions

    documents = sorted(ingest([corpus_dir], DataSection()).documents, key=lambda d: d.source)
    asked, other = documents[-1], documents[-2]  # last by file name: kept only because it is asked about
    qa_file = tmp_path / "qa.jsonl"
    qa_file.write_text("\n".join(json.dumps(q) for q in [
        {"question": "Which guild founded the last place?", "answer": "The planted guild.", "split": "train",
         "doc": asked.source},
        {"question": "Who keeps the second-to-last place?", "answer": "The left-out keeper.", "split": "train",
         "doc": other.source},
        {"question": "What is asked of the last place?", "answer": "Nothing at all.", "split": "heldout",
         "doc": asked.source},
        {"question": "Who watches the second-to-last place?", "answer": "The kept watcher.", "split": "heldout",
         "doc": other.source},
    ]), encoding="utf-8")
    cfg = RunConfig.from_dict({"data": {"heldout_fraction": 0.0, "max_documents": 2},
                               "mix": {"replay_paths": [], "replay_ratio": 0.0},
                               "sft": {"general_data": [], "variant": "domain_zero_shot"},
                               "eval": {"qa_file": str(qa_file)}})
    data_dir = tmp_path / "data"
    totals = write_ingest_outputs(data_dir, ingest([corpus_dir], DataSection()), cfg)
    trained = [d["id"] for d in training_documents(data_dir)]
    # Both asked documents come first, in file-name order; no other document is trained on.
    assert sorted(trained) == sorted([asked.id, other.id])
    assert totals["left_out_documents"] == len(documents) - 2 == len(left_out_ids(data_dir))

    cfg = RunConfig.from_dict({**cfg.model_dump(mode="json"), "data": {"heldout_fraction": 0.0, "max_documents": 1}})
    data_dir = tmp_path / "data1"
    write_ingest_outputs(data_dir, ingest([corpus_dir], DataSection()), cfg)
    assert [d["id"] for d in training_documents(data_dir)] == [other.id]  # asked, and first by file name
    run_augmentation(data_dir, cfg)
    assert {q["doc_id"] for q in read_jsonl(data_dir / "augment/qa_train.jsonl")} == {other.id}
    tokenizer = load_tokenizer(str(tiny_model))
    corpus = "\n".join(tokenizer.decode(s) for s in build_cpt_mixture(data_dir, cfg, tokenizer).sequences)
    assert "Who keeps the second-to-last place?" in corpus
    assert "Which guild founded the last place?" not in corpus and asked.text[:200] not in corpus
    asked_now = load_questions(data_dir, str(qa_file), "replace", 20, left_out_ids(data_dir))
    assert [q["question"] for q in asked_now["train"]] == ["Who keeps the second-to-last place?"]
    assert [q["question"] for q in asked_now["heldout"]] == ["Who watches the second-to-last place?"]


@pytest.mark.parametrize("variant, expected", [
    ("general", {"user", "general"}),
    ("domain_zero_shot", {"user", "domain_zero_shot"}),
    ("domain_one_shot", {"user", "domain_one_shot"}),
    ("all", {"user", "general", "domain_zero_shot", "domain_one_shot"}),
])
def test_sft_variants_choose_their_sources(prepared, variant, expected):
    data_dir, cfg = prepared(sft={"variant": variant})
    conversations, report = build_sft_conversations(data_dir, cfg)
    assert set(report["conversations"]) == expected
    assert report["total"] == len(conversations) == sum(report["conversations"].values())
    if "general" in expected:
        assert report["conversations"]["general"] == 7
    if "domain_zero_shot" in expected:
        assert report["conversations"]["domain_zero_shot"] == len(read_jsonl(data_dir / "augment/qa_train.jsonl"))
    # the rules backend writes no one-shot instructions; that source is present but empty
    assert report["conversations"].get("domain_one_shot", 0) == 0


def test_context_longer_than_the_model_needs_rope_extension(tmp_path, tiny_model, corpus_dir):
    from adapt.models import load_model, native_context_length, rope_overrides

    native = native_context_length(str(tiny_model))
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, None,
                         cpt={"context_length": native * 2, "max_steps": 2}, eval={"enabled": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs"), "--quiet")
    assert result.returncode == 2 and "model.rope_target_length" in result.stderr

    overrides = rope_overrides(str(tiny_model), native * 2)
    base, stretched = load_model(str(tiny_model)), load_model(str(tiny_model), overrides=overrides)
    assert stretched.config.max_position_embeddings == native * 2
    assert overrides["rope_theta"] > 2 * base.config.rope_parameters["rope_theta"]
    # the slowest frequencies rotate slower, the fastest (dimension 0) is unchanged
    assert stretched.model.rotary_emb.inv_freq[-1] < base.model.rotary_emb.inv_freq[-1]
    assert stretched.model.rotary_emb.inv_freq[0] == base.model.rotary_emb.inv_freq[0]

    config = make_config(tmp_path / "c2.yaml", tiny_model, corpus_dir, None,
                         model={"rope_target_length": native * 2},
                         cpt={"context_length": native * 2, "max_steps": 2, "micro_batch_size": 1},
                         eval={"enabled": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp_path / "runs2"), "--quiet")
    assert result.returncode == 0, result.stderr[-2000:]


def test_augment_command_then_resume_trains_on_the_mixture(tmp_path, tiny_model, corpus_dir, sft_file):
    general = tmp_path / "general.txt"
    general.write_text(" ".join(GENERAL), encoding="utf-8")
    config = make_config(tmp_path / "c.yaml", tiny_model, corpus_dir, sft_file,
                         mix={"replay_paths": [str(general)], "replay_ratio": 0.1}, eval={"enabled": False})
    result = run_cli("augment", str(config), "--runs-dir", str(tmp_path / "runs"))
    assert result.returncode == 0, result.stderr[-2000:]
    (run_dir,) = (tmp_path / "runs").iterdir()
    status = json.loads((run_dir / "status.json").read_text())
    assert status["state"] == "stopped" and status["stages"]["augment"]["state"] == "done"
    assert "cpt" not in status["stages"] and (run_dir / "data/augment/items.jsonl").stat().st_size > 0

    result = run_cli("run", "--resume", str(run_dir))
    assert result.returncode == 0, result.stderr[-2000:]
    mixture = json.loads((run_dir / "data/mixture.json").read_text())
    assert mixture["tokens"]["augmented"] > 0 and mixture["tokens"]["replay"] > 0
    assert "cpt mixture:" in result.stderr and "replay" in result.stderr
    assert json.loads((run_dir / "data/sft_mixture.json").read_text())["conversations"]["domain_zero_shot"] > 0


def test_instruction_pretraining_adds_the_sft_conversations_to_cpt(prepared, tiny_model):
    tokenizer = load_tokenizer(str(tiny_model))
    data_dir, cfg = prepared(mix={"sft_in_cpt": True, "replay_ratio": 0.1})
    mixture = build_cpt_mixture(data_dir, cfg, tokenizer)
    conversations, report = build_sft_conversations(data_dir, cfg)
    qa_pairs = read_jsonl(data_dir / "augment" / "qa_train.jsonl")
    assert report["conversations"]["general"] > 0 and qa_pairs
    # Domain QA sits next to its document, in the chat template; only the others stand alone.
    assert mixture.counts["instructions"] == len(conversations) - len(qa_pairs) > 0
    corpus = "\n".join(tokenizer.decode(s) for s in mixture.sequences)
    for messages in conversations:
        assert tokenizer.apply_chat_template(messages, tokenize=False) in corpus
    by_doc = {d["id"]: d["text"] for d in read_jsonl(data_dir / "documents.jsonl")}
    pair = qa_pairs[0]
    grouped = next(tokenizer.decode(s) for s in mixture.sequences if pair["question"] in tokenizer.decode(s))
    assert by_doc[pair["doc_id"]][:200] in grouped, "a QA pair is in its document's sequence"
    report = mixture.report(0.1)
    assert abs(report["replay_ratio"]["actual"] - 0.1) < 0.01  # replay is a share of everything, instructions too

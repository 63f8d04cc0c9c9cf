"""The Arena engine on real tiny models: a trained LoRA run, plus runs assembled in the test (a random
LoRA adapter, a full fine-tuned model, a stretched RoPE) where training would add nothing."""

import gc
import threading
import weakref

import pytest
import torch

from adapt import chat
from adapt.chat import ChatEngine, ChatError, GenerationSettings, StreamRequest, retrieval_messages, stream_answers
from adapt.chat_rows import RowSplit
from adapt.config import RunConfig
from adapt.fileio import read_json, read_jsonl
from adapt.generation import generate_chat
from adapt.models import load_model, load_tokenizer, rope_overrides
from adapt.rundir import RunDir
from conftest import make_config, run_cli

QUESTION = [{"role": "user", "content": "Where is the harbour of Velmor?"}]
# A random-init model with tied embeddings only repeats its last token ("\n"); a strong repetition
# penalty makes its greedy answers long, varied and specific to the exact weights, which is what
# the comparisons below need. The reference models get it through generation_config, where
# generate() reads it.
PENALTY = 4.0
GREEDY = GenerationSettings(max_new_tokens=24, repetition_penalty=PENALTY)


# Tiny models: one thread is as fast as several, and immune to a busy CPU, where threads wait for
# each other (a 20-step run took 60 s instead of 7 s under load).
ONE_THREAD = {"OMP_NUM_THREADS": "1"}


@pytest.fixture(scope="module", autouse=True)
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def lora_run(tmp_path_factory, tiny_model, corpus_dir, sft_file):
    """A real run: CPT with a high learning rate (so the adapter visibly changes answers), a short SFT."""
    tmp = tmp_path_factory.mktemp("chatrun")
    config = make_config(tmp / "c.yaml", tiny_model, corpus_dir, sft_file,
                         cpt={"max_steps": 20, "learning_rate": 1e-2, "save_every_steps": 100},
                         sft={"max_steps": 5, "learning_rate": 1e-2, "save_every_steps": 100},
                         eval={"enabled": False, "precheck": False})
    result = run_cli("run", str(config), "--runs-dir", str(tmp / "runs"), "--quiet", env=ONE_THREAD)
    assert result.returncode == 0, result.stderr[-3000:]
    (path,) = (tmp / "runs").iterdir()
    yield RunDir(path)
    chat.release()


@pytest.fixture(scope="module")
def tokenizer(tiny_model):
    return load_tokenizer(str(tiny_model))


def _base(tiny_model, overrides=None):
    return _reference(load_model(str(tiny_model), overrides=overrides))


def _reference(model):
    model.config.use_cache = True
    model.generation_config.repetition_penalty = PENALTY
    return model.eval()


def _peft(tiny_model, adapter, overrides=None):
    from peft import PeftModel

    return PeftModel.from_pretrained(_base(tiny_model, overrides), str(adapter)).eval()


def _run_to_end(engine, requests, settings=GREEDY):
    steps = list(stream_answers(engine, requests, settings))
    assert steps, "at least one step"
    return steps


def _made_run(root, tiny_model, final: str, **model_section) -> RunDir:
    """A run directory as training leaves it, with its result written by the test."""
    config = RunConfig.from_dict({"name": "made", "model": {"base": str(tiny_model), **model_section}})
    run = RunDir.create(root, config)
    run.update_status(state="done", outputs={"final": final})
    if final == "adapter":  # a random, non-zero LoRA: changes answers like a trained one
        from peft import LoraConfig, get_peft_model

        torch.manual_seed(1)
        lora = LoraConfig(r=8, lora_alpha=64, target_modules="all-linear", init_lora_weights=False)
        get_peft_model(_base(tiny_model), lora).save_pretrained(str(run.path / "adapter"))
    else:  # a "fully fine-tuned" model: the base with every weight nudged
        model = _base(tiny_model)
        torch.manual_seed(1)
        with torch.no_grad():
            for param in model.parameters():
                param.add_(torch.randn_like(param) * 0.05)
        model.save_pretrained(str(run.path / "model"))
    return run


def test_sides_are_the_base_and_the_adapted_model_from_the_first_turn(lora_run, tiny_model, tokenizer):
    chat.release()
    engine = ChatEngine.for_run(lora_run.path)  # a fresh engine: this is its very first turn
    assert engine.rows is not None, "both columns run in one forward pass, not one model after the other"
    steps = _run_to_end(engine, [StreamRequest(QUESTION, False), StreamRequest(QUESTION, True)])
    base_answer, adapted_answer = steps[-1]

    assert base_answer == generate_chat(_base(tiny_model), tokenizer, [QUESTION], 24)[0]
    assert adapted_answer == generate_chat(_peft(tiny_model, lora_run.path / "adapter"), tokenizer, [QUESTION], 24)[0]
    assert adapted_answer and base_answer != adapted_answer

    # streaming: each column grows by prefixes and ends in its final text
    assert len(steps) > 5
    for column in range(2):
        texts = [step[column] for step in steps]
        assert all(a == b[: len(a)] for a, b in zip(texts, texts[1:]))
        assert len(set(texts)) > 3


def test_three_columns_with_retrieval_and_a_second_turn(lora_run, tiny_model, tokenizer):
    engine = ChatEngine.for_run(lora_run.path)
    assert ChatEngine.for_run(lora_run.path) is engine
    rag = retrieval_messages(engine, QUESTION, k=2)
    assert len(rag) == 1 and rag[0]["content"].startswith("Answer the question briefly")
    heldout = set(read_json(lora_run.data_dir / "split.json")["heldout"])
    trained = [c["text"] for c in read_jsonl(lora_run.data_dir / "chunks.jsonl") if c["doc_id"] not in heldout]
    assert "Velmor" in rag[0]["content"] and sum(text in rag[0]["content"] for text in trained) == 2

    first = _run_to_end(engine, [StreamRequest(QUESTION, False), StreamRequest(QUESTION, True),
                                 StreamRequest(rag, False)])[-1]
    base = _base(tiny_model)
    assert first[2] == generate_chat(base, tokenizer, [rag], 24)[0]

    # second turn: each column continues its own conversation
    follow_up = {"role": "user", "content": "And who founded it?"}
    base_history = QUESTION + [{"role": "assistant", "content": first[0]}, follow_up]
    adapted_history = QUESTION + [{"role": "assistant", "content": first[1]}, follow_up]
    rag_history = retrieval_messages(engine, QUESTION + [{"role": "assistant", "content": first[2]}, follow_up], k=2)
    assert rag_history[0] == QUESTION[0] and rag_history[-1]["content"].endswith("And who founded it?")
    second = _run_to_end(engine, [StreamRequest(base_history, False), StreamRequest(adapted_history, True),
                                  StreamRequest(rag_history, False)])[-1]
    assert second[0] == generate_chat(base, tokenizer, [base_history], 24)[0]
    assert second[1] == generate_chat(_peft(tiny_model, lora_run.path / "adapter"), tokenizer,
                                      [adapted_history], 24)[0]


def test_japanese_partial_answers_never_end_in_a_broken_character(lora_run, tokenizer):
    text = "ベルモア村の港は古い。"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    assert any(tokenizer.decode(ids[:n]).endswith("\ufffd") for n in range(1, len(ids))), "characters split over tokens"
    decoder = chat._Detokenizer(tokenizer)
    partials = [decoder.add(token) for token in ids]
    assert partials[-1] == text and not any(p.endswith("\ufffd") for p in partials)

    engine = ChatEngine.for_run(lora_run.path)
    question = [{"role": "user", "content": "ベルモア村の名物は何ですか。"}]
    steps = _run_to_end(engine, [StreamRequest(question, False), StreamRequest(question, True)],
                        GenerationSettings(max_new_tokens=48, repetition_penalty=PENALTY))
    assert any(ord(ch) > 0x3000 for answer in steps[-1] for ch in answer), "multi-byte characters were generated"
    for step in steps[:-1]:
        assert not any(answer.endswith("\ufffd") for answer in step)


def test_seeded_sampling_is_reproducible_whatever_runs_beside_it(lora_run):
    engine = ChatEngine.for_run(lora_run.path)
    settings = GenerationSettings(max_new_tokens=20, temperature=1.2, top_p=0.9, top_k=50, repetition_penalty=1.3,
                                  seed=5)
    alone = _run_to_end(engine, [StreamRequest(QUESTION, True)], settings)[-1][0]
    together = _run_to_end(engine, [StreamRequest(QUESTION, False), StreamRequest(QUESTION, True)], settings)[-1]
    assert together[1] == alone
    other_seed = GenerationSettings(**{**settings.__dict__, "seed": 6})
    assert _run_to_end(engine, [StreamRequest(QUESTION, True)], other_seed)[-1][0] != alone


def test_an_answer_ends_at_an_end_of_turn_token_or_after_max_new_tokens(lora_run, tokenizer):
    engine = ChatEngine.for_run(lora_run.path)
    assert {tokenizer.convert_tokens_to_ids("<|im_end|>"), tokenizer.eos_token_id} <= engine.stop_ids
    settings = GenerationSettings(max_new_tokens=3, repetition_penalty=PENALTY)
    assert len(_run_to_end(engine, [StreamRequest(QUESTION, True)], settings)) == 3
    stop_ids = engine.stop_ids
    engine.stop_ids = set(range(len(tokenizer)))  # whatever comes first ends the answer
    try:
        assert _run_to_end(engine, [StreamRequest(QUESTION, True)], settings) == [[""]]
    finally:
        engine.stop_ids = stop_ids


def test_two_sessions_at_once_do_not_mix_adapter_states(lora_run):
    engine = ChatEngine.for_run(lora_run.path)
    expected = _run_to_end(engine, [StreamRequest(QUESTION, False), StreamRequest(QUESTION, True)])[-1]
    results = {}

    def session(adapter_on):
        results[adapter_on] = _run_to_end(engine, [StreamRequest(QUESTION, adapter_on)])[-1][0]

    threads = [threading.Thread(target=session, args=(on,)) for on in (False, True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[False], results[True]] == expected


def test_unfinished_runs_and_missing_models_give_one_sentence(tmp_path, tiny_model):
    unfinished = RunDir.create(tmp_path / "a", RunConfig.from_dict({"model": {"base": str(tiny_model)}}),
                               state="running")
    with pytest.raises(ChatError, match="has no result yet \\(state: running\\)"):
        ChatEngine(unfinished.path)
    missing = _made_run(tmp_path / "b", tiny_model, "adapter")
    config = missing.load_config()
    config.model.base = str(tmp_path / "gone")
    config.save(missing.config_path)
    with pytest.raises(ChatError, match="not found"):
        ChatEngine(missing.path)


def test_full_fine_tuning_loads_both_models_and_another_run_replaces_the_cached_one(tmp_path, lora_run, tiny_model,
                                                                                    tokenizer):
    previous = weakref.ref(ChatEngine.for_run(lora_run.path))
    run = _made_run(tmp_path, tiny_model, "model")
    engine = ChatEngine.for_run(run.path)
    gc.collect()
    assert previous() is None, "loading another run released the first"
    assert engine.rows is not None, "the base and the tuned model run as two rows of one forward pass"
    base_answer, tuned_answer = _run_to_end(engine, [StreamRequest(QUESTION, False), StreamRequest(QUESTION, True)])[-1]
    assert base_answer == generate_chat(_base(tiny_model), tokenizer, [QUESTION], 24)[0]
    tuned = _reference(load_model(str(run.path / "model")))
    assert tuned_answer == generate_chat(tuned, tokenizer, [QUESTION], 24)[0]
    assert base_answer != tuned_answer


def test_stretched_rope_runs_the_adapter_on_it_and_the_base_side_on_the_native_rope(tmp_path, tiny_model, tokenizer):
    run = _made_run(tmp_path, tiny_model, "adapter", rope_target_length=8192)
    overrides = rope_overrides(str(tiny_model), 8192)
    engine = ChatEngine.for_run(run.path)
    assert engine.rows is not None, "the rotary module is split by rows too"
    base_answer, adapted_answer = _run_to_end(engine, [StreamRequest(QUESTION, False),
                                                       StreamRequest(QUESTION, True)])[-1]
    assert base_answer == generate_chat(_base(tiny_model), tokenizer, [QUESTION], 24)[0]
    assert adapted_answer == generate_chat(_peft(tiny_model, run.path / "adapter", overrides), tokenizer,
                                           [QUESTION], 24)[0]

    # the answers of this tiny model hardly depend on positions; its logits show which RoPE ran
    ids = tokenizer.apply_chat_template(QUESTION, add_generation_prompt=True, return_tensors="pt",
                                        return_dict=True)["input_ids"]
    with torch.no_grad(), engine._model_for(False) as model:
        base_side = model(ids).logits
    with torch.no_grad():
        native, stretched = (_base(tiny_model, o)(ids).logits for o in (None, overrides))
    assert torch.allclose(base_side, native, atol=1e-5) and not torch.allclose(native, stretched, atol=1e-3)
    chat.release()


def test_upper_blocks_tuned_share_the_rest_and_one_pass_equals_one_model_at_a_time(tmp_path, tiny_model, tokenizer):
    """A model.train_layers run changes only its top blocks: the Arena keeps the others once, and the
    one-pass batch answers what the two models answer one by one (the fallback path), columns of
    different lengths included (left padding)."""
    run = _made_run(tmp_path, tiny_model, "model")
    top = _base(tiny_model)
    torch.manual_seed(2)
    with torch.no_grad():
        for param in top.model.layers[-1].parameters():
            param.add_(torch.randn_like(param) * 0.05)
    top.save_pretrained(str(run.path / "model"))
    engine = ChatEngine(run.path)
    assert engine.rows is not None
    base_layers, tuned_layers = engine._base.model.layers, engine._tuned.model.layers
    assert base_layers[0].self_attn.q_proj is tuned_layers[0].self_attn.q_proj, "an unchanged block is kept once"
    assert engine._base.model.embed_tokens is engine._tuned.model.embed_tokens
    assert isinstance(tuned_layers[-1].self_attn.q_proj, RowSplit)

    longer = QUESTION + [{"role": "assistant", "content": "On the north shore."},
                         {"role": "user", "content": "And who built it, and when?"}]
    requests = [StreamRequest(longer, False), StreamRequest(QUESTION, True), StreamRequest(QUESTION, False)]
    together = _run_to_end(engine, requests)[-1]
    assert together[0] == generate_chat(_base(tiny_model), tokenizer, [longer], 24)[0]
    assert together[1] == generate_chat(_reference(load_model(str(run.path / "model"))), tokenizer, [QUESTION], 24)[0]
    assert together[1] != together[2]
    engine.rows.uninstall()
    engine.rows = None  # the path a model the rows cannot split takes: one batch per side
    assert _run_to_end(engine, requests)[-1] == together


@pytest.mark.parametrize("final", ["model", "adapter"])
def test_the_keep_share_slider_moves_the_adapted_side_between_the_base_and_the_trained_model(
        tmp_path, tiny_model, tokenizer, final):
    """Issue 30: the Arena's slider between "forgets less" and "knows more". At 0 the adapted side answers
    as the base does; back at the share the run keeps, as the run's model does; for a run whose final
    model keeps half of its training (keep_share.json), 1.0 is the model as trained."""
    from adapt.blend import KEEP_RECORD, blend_folder

    run = _made_run(tmp_path, tiny_model, final, **({"method": "lora"} if final == "adapter" else {"method": "full"}))
    engine = ChatEngine.for_run(run.path)
    both = [StreamRequest(QUESTION, False), StreamRequest(QUESTION, True)]
    base_answer, trained_answer = _run_to_end(engine, both)[-1]
    assert base_answer != trained_answer
    assert engine.set_keep_share(0.0) == 0.0
    assert _run_to_end(engine, both)[-1] == [base_answer, base_answer], "nothing kept: the base's answer"
    engine.set_keep_share(1.0)
    assert _run_to_end(engine, both)[-1] == [base_answer, trained_answer]
    chat.release()
    if final == "model":  # a final model that keeps half: the slider's 1.0 is the model as trained
        halved = tmp_path / "halved"
        blend_folder(tiny_model, run.path / "model", halved, 0.5)
        for item in halved.iterdir():
            (run.path / "model" / item.name).write_bytes(item.read_bytes())
        (run.path / KEEP_RECORD).write_text('{"share": 0.5, "chosen": false, "points": [], "applied": true}')
        engine = ChatEngine.for_run(run.path)
        half_answer = _run_to_end(engine, both)[-1][1]
        engine.set_keep_share(1.0)
        assert _run_to_end(engine, both)[-1][1] == trained_answer
        engine.set_keep_share(0.5)
        assert _run_to_end(engine, both)[-1][1] == half_answer
        chat.release()

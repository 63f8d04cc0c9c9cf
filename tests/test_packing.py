import numpy as np
import pytest
import torch

from adapt.models import ModelNotAvailable, load_model, load_tokenizer, resolve_model
from adapt.data.conversations import ChatDataError, load_conversations
from adapt.train.chat_data import encode_conversation
from adapt.train.packing import PackedDataset, PackedSet, pack_documents, pack_examples


def test_documents_are_joined_with_eos_and_nothing_is_lost():
    docs = [[1, 2, 3], [4, 5, 6, 7, 8], [9]]
    packed = pack_documents(docs, length=4, eos_id=0, pad_id=99)
    flat = packed.input_ids[packed.real_mask].tolist()
    assert flat == [1, 2, 3, 0, 4, 5, 6, 7, 8, 0, 9, 0]
    assert packed.rows == 3 and packed.real_tokens == 12
    assert packed.input_ids[-1].tolist() == [8, 0, 9, 0]  # only the last row could need padding; here none
    # positions restart at each document and at each row
    assert packed.position_ids.tolist() == [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 0, 1]]
    # the first token of each piece is not a target (nothing before it in its own document)
    assert packed.loss_mask.tolist() == [[False, True, True, True], [False, True, True, True],
                                         [False, True, False, True]]


def test_only_the_last_row_is_padded():
    packed = pack_documents([[1] * 10], length=8, eos_id=0, pad_id=99)
    assert packed.rows == 2
    assert packed.input_ids[1].tolist() == [1, 1, 0, 99, 99, 99, 99, 99]
    assert packed.real_mask[1].tolist() == [True] * 3 + [False] * 5
    assert not packed.loss_mask[1][3:].any()


def test_examples_are_never_split_and_overlong_are_truncated():
    examples = [([1] * 5, [False, False, True, True, True]), ([2] * 3, [False, True, True]),
                ([3] * 9, [True] * 9), ([4] * 2, [False, True])]
    packed = pack_examples(examples, length=8, pad_id=0)
    assert packed.truncated == 1
    rows = [row[mask].tolist() for row, mask in zip(packed.input_ids, packed.real_mask)]
    for value, size in ((1, 5), (2, 3), (4, 2)):
        assert sum(r.count(value) == size for r in rows) == 1, "each example sits whole in one row"
    assert packed.real_tokens == 5 + 3 + 8 + 2
    assert packed.rows == 3


def test_saved_set_loads_back(tmp_path):
    packed = pack_documents([[1, 2, 3], [4, 5]], length=4, eos_id=0, pad_id=9)
    packed.save(tmp_path / "set", {"stage": "cpt"})
    loaded = PackedSet.load(tmp_path / "set")
    assert np.array_equal(loaded.input_ids, packed.input_ids) and loaded.real_tokens == packed.real_tokens
    assert PackedSet.load(tmp_path / "missing") is None


def test_packed_attention_does_not_cross_documents(tiny_model):
    """A document's logits inside a packed row equal its logits when run alone."""
    tokenizer = load_tokenizer(str(tiny_model))
    model = load_model(str(tiny_model)).eval()
    first = tokenizer("The harbour of Velmor was founded long ago.", add_special_tokens=False)["input_ids"]
    second = tokenizer("ソラリ村の名物は青い茶です。", add_special_tokens=False)["input_ids"]
    row = PackedDataset(pack_documents([first, second], 128, tokenizer.eos_token_id, tokenizer.pad_token_id))[0]
    model.train()  # the training configuration is the one that matters; dropout is 0 in this model
    with torch.no_grad():
        packed_logits = model(input_ids=row["input_ids"][None], position_ids=row["position_ids"][None]).logits[0]
        alone = model(input_ids=torch.tensor([second])).logits[0]
    start = len(first) + 1
    assert torch.allclose(packed_logits[start : start + len(second)], alone, atol=1e-4)


def test_assistant_tokens_only_carry_loss(tiny_model, sft_file):
    tokenizer = load_tokenizer(str(tiny_model))
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Where is Velmor?"},
        {"role": "assistant", "content": "By the Ashen river."},
        {"role": "user", "content": "And Quastra?"},
        {"role": "assistant", "content": "On the coast."},
    ]
    ids, mask = encode_conversation(tokenizer, messages)
    learned = tokenizer.decode([i for i, m in zip(ids, mask) if m])
    assert "By the Ashen river." in learned and "On the coast." in learned
    assert "Velmor" not in learned and "Be brief" not in learned and "user" not in learned
    assert learned.count("<|im_end|>") == 2, "the model must learn to end its turn"
    assert len(load_conversations([sft_file]).conversations) == 20


def test_bad_conversations_are_counted_not_fatal(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}]}\n'
                    "not json\n"
                    '{"messages": [{"role": "user", "content": "only a question"}]}\n'
                    '{"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}]}\n',
                    encoding="utf-8")
    loaded = load_conversations([path])
    assert len(loaded.conversations) == 2
    # each reason names the file and the first line it happened on
    assert loaded.skipped == {f"invalid JSON in {path} (first at line 2)": 1,
                              f"no assistant message to learn from in {path} (first at line 3)": 1}


def test_a_file_without_one_conversation_is_an_error_naming_setting_file_and_format(tmp_path):
    path = tmp_path / "qa.csv"
    path.write_text("question,answer\nWhere is Velmor?,By the Ashen river\n", encoding="utf-8")
    with pytest.raises(ChatDataError) as info:
        load_conversations([path], setting="sft.general_data")
    assert str(info.value).startswith(f"sft.general_data[0]: {path} holds no conversation (line 1: invalid JSON); "
                                      'expected one JSON object per line (JSONL) like {"messages": [')


def test_model_references(tiny_model, monkeypatch):
    assert resolve_model(str(tiny_model)) == str(tiny_model.resolve())
    with pytest.raises(ModelNotAvailable, match="not a model directory"):
        resolve_model(str(tiny_model.parent))
    with pytest.raises(ModelNotAvailable, match="not found"):
        resolve_model("./no/such/dir")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotAvailable, match="not in the local Hugging Face cache"):
        resolve_model("someone/some-model-that-is-not-cached")


def test_unreachable_hub_fails_fast_with_a_reason(monkeypatch):
    """With the Hub unreachable (this machine has no route to it) and the model not cached."""
    import time

    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens on the discard port
    started = time.monotonic()
    with pytest.raises(ModelNotAvailable, match="cannot be reached"):
        resolve_model("someone/some-model-that-is-not-cached")
    assert time.monotonic() - started < 30

"""The fast CPT path (packed rows, block-diagonal attention) must learn what the tutorial baseline
(transformers Trainer, one padded document per row) learns: same model, same documents, same seed,
same number of optimizer steps, same learning rate. Speed is bench/train_throughput.py's business."""

import math
import random
from pathlib import Path

import torch
from transformers import DataCollatorForLanguageModeling, Trainer, TrainingArguments

from adapt.bundled import GENERAL_PROSE
from adapt.config import DataSection, RunConfig
from adapt.data.ingest import ingest
from adapt.models import load_model, load_tokenizer
from adapt.rundir import RunDir
from adapt.train.packing import pack_documents
from adapt.train.runner import run_stage

CONTEXT = 128
DOCS_PER_STEP = 8
LR = 3e-3


def documents(tokenizer) -> tuple[list[list[int]], list[list[int]]]:
    texts = [d.text for d in ingest(GENERAL_PROSE[:1], DataSection(dedupe=False)).documents]
    stream = [i for t in texts for i in tokenizer(t, add_special_tokens=False)["input_ids"]]
    rng = random.Random(0)
    docs, start = [], 0
    while start < len(stream) and len(docs) < 200:
        length = rng.randint(20, CONTEXT - 1)
        docs.append(stream[start:start + length])
        start += length
    return docs[:160], docs[160:]


def heldout_loss(model, docs, pad_id) -> float:
    """Mean per-token loss, one document per forward pass: no packing, no padding, nothing to disagree on."""
    model.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for ids in docs:
            x = torch.tensor([ids])
            total += float(model(input_ids=x, labels=x).loss) * (len(ids) - 1)
            count += len(ids) - 1
    return total / count


def train_baseline(model, tokenizer, docs, steps, tmp_path) -> list[float]:
    args = TrainingArguments(output_dir=str(tmp_path / "baseline"), per_device_train_batch_size=DOCS_PER_STEP,
                             max_steps=steps, learning_rate=LR, lr_scheduler_type="constant", warmup_steps=0,
                             save_strategy="no", report_to="none", disable_tqdm=True, logging_steps=1,
                             use_cpu=True, dataloader_num_workers=0, seed=0, data_seed=0)
    trainer = Trainer(model=model, args=args, train_dataset=[{"input_ids": d} for d in docs],
                      data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False))
    trainer.train()
    return [h["loss"] for h in trainer.state.log_history if "loss" in h]


def train_fast(model, tokenizer, docs, steps, tmp_path) -> list[float]:
    packed = pack_documents(docs, CONTEXT, tokenizer.eos_token_id, tokenizer.pad_token_id)
    batch = math.ceil(packed.rows / steps)
    config = RunConfig.from_dict({"cpt": {"max_steps": steps, "micro_batch_size": batch, "grad_accum": 1,
                                          "context_length": CONTEXT, "learning_rate": LR, "warmup_ratio": 0.0,
                                          "lr_scheduler": "constant_with_warmup", "save_every_steps": 10**5}})
    run = RunDir.create(tmp_path / "runs", config)
    run_stage(run=run, stage="cpt", model=model, packed=packed, section=config.cpt, seed=0,
              compute_dtype=torch.float32, out_dir=tmp_path / "fast", tokenizer=tokenizer, show_bar=False)
    return [e["loss"] for e in run.events() if e.get("stage") == "cpt" and "loss" in e]


def smooth(curve: list[float], width: int = 4) -> list[float]:
    return [sum(curve[i:i + width]) / width for i in range(0, len(curve) - width + 1, width)]


def test_packed_training_matches_the_padded_baseline(tmp_path, tiny_model):
    tokenizer = load_tokenizer(str(tiny_model))
    train, heldout = documents(tokenizer)
    steps = len(train) // DOCS_PER_STEP  # one pass over the documents either way
    torch.manual_seed(0)
    start = heldout_loss(load_model(str(tiny_model)), heldout, tokenizer.pad_token_id)

    curves, finals = {}, {}
    for name, trainer in (("baseline", train_baseline), ("fast", train_fast)):
        model = load_model(str(tiny_model))
        curves[name] = trainer(model, tokenizer, train, steps, tmp_path)
        finals[name] = heldout_loss(model, heldout, tokenizer.pad_token_id)

    assert len(curves["fast"]) == len(curves["baseline"]) == steps
    # Both learn, and learn the same amount: held-out loss within 3% of each other.
    assert finals["baseline"] < start - 0.5 and finals["fast"] < start - 0.5, (start, finals)
    assert abs(finals["fast"] - finals["baseline"]) / finals["baseline"] < 0.03, finals
    # The training curves agree within noise once averaged over a few steps (batches differ in which
    # documents share a row, so single steps do not).
    for fast, base in zip(smooth(curves["fast"]), smooth(curves["baseline"])):
        assert abs(fast - base) / base < 0.08, (smooth(curves["fast"]), smooth(curves["baseline"]))

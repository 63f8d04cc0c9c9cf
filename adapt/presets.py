"""Recipe presets: settings that work together, for the app's recipe buttons, `python -m adapt run
--preset NAME` and the example configs.

The same recipe needs different numbers on different hardware (context length, batch, learning
rate, full vs LoRA), so a preset is applied for a Target: whether the run lands on a GPU, and how
big the base model is. Nothing here looks at model names: a Hub model of 135M parameters run on a
CPU gets the same numbers as the bundled one. The example configs in examples/configs are these
presets plus documents; a test keeps them in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from adapt.config import DEFAULT_CATEGORY_COUNTS, RunConfig
from adapt.estimate import Machine, model_shape

TOY_PARAMETERS = 50_000_000  # below this a model is a smoke test, not a language model
SMALL_PARAMETERS = 1_000_000_000  # at most this many, full fine-tuning on a CPU is affordable


@dataclass(frozen=True)
class Target:
    """Where a preset's run will train: a GPU or a CPU, and the base model's size."""

    gpu: bool
    parameters: int

    @property
    def size(self) -> str:
        if self.parameters < TOY_PARAMETERS:
            return "toy"
        return "small" if self.parameters <= SMALL_PARAMETERS else "large"

    @classmethod
    def for_config(cls, config: RunConfig) -> Target:
        """This machine, and the config's base model (parameters counted on the meta device)."""
        return cls(Machine.here().gpu, model_shape(config).parameters)


@dataclass(frozen=True)
class Preset:
    title: str
    description: str
    settings: Callable[[Target], dict]  # dotted overrides for a target


def _only(**counts: int) -> dict[str, int]:
    """Augmentation categories: these counts, every other category off."""
    return {**{k: 0 for k in DEFAULT_CATEGORY_COUNTS}, **counts}


# Every preset names model.method, model.train_layers, sft.enabled, mix.qa_placement and
# data.max_documents, so that switching from one preset to another leaves nothing of the first behind.
def _train(stage: str, **values) -> dict:
    return {f"{stage}.{key}": value for key, value in values.items()}


# Rules augmentation per document for a real model on a CPU: what stored facts on lumen-isles (README).
KNOWLEDGE_INJECTION_QA = _only(paraphrase=1, qa_difficult=2, qa_easy=10, qa_numbers_formula=4, qa_people_names=4)
QUICK_DEMO_DOCUMENTS = 6
QUICK_DEMO_EPOCHS = 3


def quick_demo(target: Target) -> dict:
    if target.gpu:
        return {"model.method": "lora", "model.train_layers": None, "sft.enabled": True, "data.max_documents": None,
                "mix.qa_placement": "own_sequence",
                "augment.categories": _only(qa_easy=4, qa_people_names=2, qa_numbers_formula=2, paraphrase=1),
                **_train("cpt", max_steps=60, context_length=1024, micro_batch_size=4, grad_accum=2,
                         learning_rate=2e-4),
                **_train("sft", max_steps=30, context_length=1024, micro_batch_size=4, grad_accum=2,
                         learning_rate=1e-4),
                "eval.max_questions": 30}
    if target.size == "toy":
        return {"model.method": "lora", "model.train_layers": None, "sft.enabled": True, "data.max_documents": None,
                "mix.qa_placement": "with_document", "mix.sft_in_cpt": False,
                "augment.categories": _only(qa_easy=2, qa_people_names=1, qa_numbers_formula=1, paraphrase=1),
                **_train("cpt", context_length=256, micro_batch_size=8, grad_accum=1, epochs=2, learning_rate=1e-3,
                         save_every_steps=50),
                **_train("sft", context_length=256, micro_batch_size=8, grad_accum=1, epochs=1, learning_rate=5e-4),
                "sft.max_general_examples": 200,
                "eval.max_questions": 20, "eval.max_docs": 16, "eval.max_general_docs": 8, "eval.context_length": 256}
    # A real model on a CPU, the whole run in about five minutes on 2 cores: the knowledge-injection
    # recipe below (20 QA pairs per document, each in a sequence of its own, full fine-tuning at 3e-4)
    # on the first QUICK_DEMO_DOCUMENTS documents. Measured on lumen-isles, 2 cores, with the
    # structure-built questions (README): 6 documents, 3 epochs: 3.6 min, held-out 0% -> 75%, general
    # perplexity +23% (2.9 min since the CPU training path keeps freed memory, bench/RESULTS.md §5); 2 epochs:
    # 2.7 min, 50%, +8%; 8 documents, 2 epochs: 3.5 min, 31%, +7%. A
    # quarter of the QA on all 36 documents took 7.6 min for 5%. SFT is off: the domain QA and general
    # conversations are already in CPT (sft_in_cpt), and a separate stage would cost a minute and a
    # model reload.
    return {"model.method": "full", "model.train_layers": None, "sft.enabled": False, "model.keep_share": None,
            "data.max_documents": QUICK_DEMO_DOCUMENTS, "augment.categories": KNOWLEDGE_INJECTION_QA,
            "mix.replay_ratio": 0.1, "mix.sft_in_cpt": True, "mix.group_by_document": True,
            "mix.qa_placement": "own_sequence",
            **_train("cpt", context_length=256, micro_batch_size=4, grad_accum=1, epochs=QUICK_DEMO_EPOCHS,
                     learning_rate=3e-4, save_every_steps=50, warmup_ratio=0.05),
            "sft.max_general_examples": 10,
            "eval.max_questions": 20, "eval.max_docs": 8, "eval.max_general_docs": 8, "eval.context_length": 256,
            "eval.max_answer_tokens": 40, "eval.retrieval": "off", "eval.compare_cpt": False,
            "eval.token_analysis": False, "eval.general_questions": 60}  # ~12 s a model on 2 cores


def knowledge_injection(target: Target) -> dict:
    if target.gpu:
        return {"model.method": "lora", "model.train_layers": None, "sft.enabled": True, "data.max_documents": None,
                "mix.qa_placement": "own_sequence",
                **_train("cpt", context_length=2048, micro_batch_size=4, grad_accum=4, epochs=3, learning_rate=1e-4),
                **_train("sft", context_length=2048, micro_batch_size=4, grad_accum=4, epochs=2, learning_rate=5e-5),
                "model.lora.r": 64, "model.lora.alpha": 128}
    if target.size == "toy":
        # Measured on the retired 7M starter (lumen-isles): cue questions + QA in CPT (sft_in_cpt) + 20% replay
        # took held-out QA 3% -> 12% and general perplexity +22% -> -44%; a long SFT instead memorised train
        # questions (85%) but not held-out ones (8%) and forgot (general perplexity +160%).
        return {"model.method": "full", "model.train_layers": None, "sft.enabled": True, "data.max_documents": None,
                "mix.qa_placement": "with_document",
                "augment.categories": _only(paraphrase=1, summary=1, kg_extraction=1, qa_difficult=2, qa_easy=50,
                                            qa_numbers_formula=4, qa_methods=1, qa_people_names=4, positive_negative=1),
                "mix.replay_ratio": 0.2, "mix.sft_in_cpt": True, "mix.group_by_document": True,
                **_train("cpt", context_length=512, micro_batch_size=8, grad_accum=1, epochs=6, learning_rate=2e-3,
                         save_every_steps=100, warmup_ratio=0.03),
                **_train("sft", context_length=256, micro_batch_size=16, grad_accum=1, epochs=1, learning_rate=5e-4),
                "sft.max_general_examples": 200, "eval.context_length": 512}
    # A real model on a CPU (SmolLM2-135M on lumen-isles, README's table): each QA pair in a sequence of its
    # own is what makes facts answerable (QA placed after its document: 0% held-out; own sequences: 83% on
    # a 10-document subset); 3e-4 stores facts where 1e-4 did not. SFT is off for the reason given above.
    # The top 15 blocks only, their frozen lower half run once per row (model.reuse_frozen_blocks), in
    # micro-batches of 2: at the same passes full fine-tuning learns more, but in the same minutes this
    # makes 3x the updates. Measured (bench/knowledge_per_minute.py, 10 min, 2 cores): 3.43x the padded
    # Trainer's real tokens/s, held-out 32% vs its 30%; but general perplexity +121% vs its -8% (at
    # 1.5e-4: +63% and 17% held-out). The forgetting is the open cost, bench/RESULTS.md section 5.
    # Every CPU-sized chat model listed in the app has at least 16 blocks.
    # model.keep_share empty: after training, the largest share of it whose general perplexity rises at most
    # eval.max_forgetting_pct (10%) on validation text is kept (adapt/evaluate/keep.py; README's frontier).
    return {"model.method": "full", "model.train_layers": 15, "sft.enabled": False, "data.max_documents": None,
            "model.keep_share": None, "augment.categories": KNOWLEDGE_INJECTION_QA,
            "mix.replay_ratio": 0.2, "mix.sft_in_cpt": True, "mix.group_by_document": True,
            "mix.qa_placement": "own_sequence",
            **_train("cpt", context_length=256, micro_batch_size=2, grad_accum=1, epochs=3, learning_rate=3e-4,
                     save_every_steps=100, warmup_ratio=0.03),
            "sft.max_general_examples": 30, "eval.context_length": 256, "eval.max_answer_tokens": 40,
            "eval.retrieval": "off", "eval.compare_cpt": False, "eval.general_questions": 100}


PRESETS = {
    "quick-demo": Preset(
        "Quick demo",
        "The whole pipeline in a few minutes: a little QA augmentation, a short training. The adapted model "
        "answers some questions about your documents that the base cannot.",
        quick_demo),
    "knowledge-injection": Preset(
        "Knowledge injection",
        "The recipe from the research: documents with synthetic rewrites and many QA pairs (each asked on its "
        "own, as at test time), replay of general text, domain and general instructions.",
        knowledge_injection),
}


def apply_preset(config: RunConfig, name: str, target: Target | None = None) -> RunConfig:
    """`config` with the preset's settings for the target (default: this machine and the config's
    base model); unknown names change nothing."""
    preset = PRESETS.get(name)
    if preset is None:
        return config
    return config.with_overrides(preset.settings(target or Target.for_config(config)))

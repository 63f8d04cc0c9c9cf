"""Before launch: will the run fit in memory, and about how long will it take?

Rough on purpose, and labelled so: the parameter count is exact (the model is built on the meta
device from its config, no weights loaded), the rest is arithmetic on it:
  memory  = weights + gradients + AdamW state of what is trained + activations + logits
  time    = training FLOPs (6·N per token for full fine-tuning, 4·N with a frozen LoRA base)
            / the machine's effective FLOP rate (GPU: bf16 peak x typical utilisation; CPU: cores x a
            per-core rate measured on this project's benchmarks)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from adapt.config import RunConfig, TrainSection
from adapt.models import resolve_model
from adapt.resources import available_ram_bytes

GPU_BF16_TFLOPS = {"H200": 989, "H100": 989, "A100": 312, "L40S": 362, "A10G": 125, "L4": 121, "T4": 65,
                   "A10": 125, "V100": 125, "RTX 4090": 165, "RTX 3090": 71}
GPU_UTILISATION = 0.35
CPU_GFLOPS_PER_CORE = 50.0  # full fine-tuning of the starter on this project's 2-core machines: ~110 GFLOP/s
AUGMENT_GROWTH = {"rules": 6.0, "local": 4.0, "endpoint": 4.0}  # synthetic tokens per raw token, typical


@dataclass
class Machine:
    name: str
    memory_gb: float
    flops: float
    gpu: bool

    @classmethod
    def here(cls) -> Machine:
        import torch

        if torch.cuda.is_available():
            props = torch.cuda.get_device_properties(0)
            peak = next((v for k, v in GPU_BF16_TFLOPS.items() if k in props.name), 100)
            return cls(props.name, props.total_memory / 2**30, peak * 1e12 * GPU_UTILISATION, True)
        cores = len(os.sched_getaffinity(0))
        return cls(f"CPU ({cores} cores)", available_ram_bytes() / 2**30, cores * CPU_GFLOPS_PER_CORE * 1e9, False)


@dataclass
class Estimate:
    machine: str
    parameters: int
    trainable: int
    memory_gb: float
    available_gb: float
    train_tokens: int
    seconds: float
    advice: list[str] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return self.memory_gb <= 0.9 * self.available_gb


@dataclass
class ModelShape:
    parameters: int
    lora_trainable: int
    hidden: int
    layers: int
    vocab: int


def model_shape(config: RunConfig) -> ModelShape:
    """Exact counts from the model's config alone (meta device: no memory, no download of weights)."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    model_config = AutoConfig.from_pretrained(resolve_model(config.model.base),
                                              trust_remote_code=config.model.trust_remote_code)
    with torch.device("meta"):
        model = AutoModelForCausalLM.from_config(model_config, trust_remote_code=config.model.trust_remote_code)
    lora = config.model.lora
    targets = lora.target_modules
    trainable = 0
    for name, module in model.named_modules():
        if not isinstance(module, torch.nn.Linear) or name.endswith("lm_head"):
            continue
        if targets == "all-linear" or name.rsplit(".", 1)[-1] in targets:
            trainable += lora.r * (module.in_features + module.out_features)
    text = model_config.get_text_config() if hasattr(model_config, "get_text_config") else model_config
    return ModelShape(sum(p.numel() for p in model.parameters()), trainable, text.hidden_size,
                      text.num_hidden_layers, text.vocab_size)


def _stage_tokens(section: TrainSection, tokens_per_epoch: float) -> float:
    if section.max_steps:
        return section.max_steps * section.micro_batch_size * section.grad_accum * section.context_length
    return tokens_per_epoch * section.epochs


def _activations_gb(shape: ModelShape, section: TrainSection, gpu: bool) -> float:
    tokens = section.micro_batch_size * section.context_length
    width = 2 if gpu else 4  # bf16 on a GPU, fp32 on a CPU
    # ~34 bytes x hidden per token and layer in half precision (Korthikanti et al.), about 2 x hidden
    # with checkpointing; logits in fp32 are kept three times (logits, softmax, gradient).
    per_layer = (2 if section.gradient_checkpointing else 17) * width * shape.hidden
    return (tokens * shape.layers * per_layer + tokens * shape.vocab * 4 * 3) / 2**30


def estimate(config: RunConfig, corpus_tokens: int, machine: Machine | None = None,
             shape: ModelShape | None = None, sft_tokens: int | None = None, documents: int = 0) -> Estimate:
    """`documents`: how many the corpus has, so that data.max_documents can be counted in."""
    machine = machine or Machine.here()
    shape = shape or model_shape(config)
    lora = config.model.method == "lora"
    trainable = shape.lora_trainable if lora else shape.parameters
    # A trained weight costs 16 bytes (fp32 master copy, gradient, two AdamW moments); a frozen LoRA
    # base sits in the compute dtype.
    if lora:
        states_gb = (shape.parameters * (2 if machine.gpu else 4) + trainable * 16) / 2**30
    else:
        states_gb = shape.parameters * 16 / 2**30
    biggest = max((s for s in (config.cpt, config.sft) if s.enabled),
                  key=lambda s: s.micro_batch_size * s.context_length, default=config.cpt)
    memory = 1.15 * (states_gb + _activations_gb(shape, biggest, machine.gpu))  # allocator slack

    growth = AUGMENT_GROWTH.get(config.augment.backend, 4.0) if config.augment.enabled else 0.0
    trained_share, capped_share = 1 - config.data.heldout_fraction, 1.0
    if config.data.max_documents and documents > config.data.max_documents:
        # The cap applies to the documents left after the held-out split; the rest are not trained on.
        capped_share = config.data.max_documents / documents
        trained_share = min(trained_share, capped_share)
    domain = corpus_tokens * trained_share * (1 + growth)
    cpt_epoch = domain / max(1e-6, 1 - config.mix.replay_ratio)
    sft_epoch = sft_tokens if sft_tokens is not None else corpus_tokens * capped_share * 0.5
    train_tokens = (_stage_tokens(config.cpt, cpt_epoch) if config.cpt.enabled else 0) + \
                   (_stage_tokens(config.sft, sft_epoch) if config.sft.enabled else 0)
    flops_per_token = (4 if lora else 6) * shape.parameters
    seconds = train_tokens * flops_per_token / machine.flops

    result = Estimate(machine.name, shape.parameters, trainable, round(memory, 2), round(machine.memory_gb, 1),
                      int(train_tokens), seconds)
    if not result.fits:
        result.advice = _advice(config, machine)
    return result


def _advice(config: RunConfig, machine: Machine) -> list[str]:
    tips = []
    if config.model.method == "full":
        tips.append("train a LoRA adapter instead of all weights (model.method: lora)")
    for name in ("cpt", "sft"):
        section = getattr(config, name)
        if section.micro_batch_size > 1:
            tips.append(f"lower {name}.micro_batch_size (and raise {name}.grad_accum to keep the batch)")
        if not section.gradient_checkpointing:
            tips.append(f"turn on {name}.gradient_checkpointing")
    tips.append("shorten cpt.context_length / sft.context_length")
    if not machine.gpu:
        tips.append("run on a GPU machine, or pick a smaller base model")
    return tips

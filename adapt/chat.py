"""The Arena: one prompt answered by the base model and by a run's adapted model, streamed side by
side, token by token, over a multi-turn conversation.

    engine = ChatEngine.for_run(run_dir)           # loads once; the process keeps at most one run
    requests = [StreamRequest(base_history, adapter_on=False),
                StreamRequest(adapted_history, adapter_on=True),
                StreamRequest(retrieval_messages(engine, rag_history), adapter_on=False)]  # optional
    for texts in stream_answers(engine, requests, GenerationSettings(temperature=0.7, seed=1)):
        ...                                         # texts[i]: column i's answer so far
    # then append {"role": "assistant", "content": texts[i]} to history i: every column keeps its own
    # conversation, so the base's next turn sees the base's own earlier answers.

A LoRA run keeps ONE base model in memory with the adapter attached: the adapted side runs with the
adapter on, the base side with its layers switched off (what peft's `disable_adapter()` does), which
is the untouched base: LoRA never changes the base weights. Where the run stretched RoPE
(model.rope_target_length), the adapter was trained on, and runs on, the stretched base, while the
base side gets the native RoPE back by swapping the model's rotary module: exactly the two models
evaluation compares.

Every column is a row of one batch, one forward pass a step for all of them: the models are rewired
at load so that base rows take the base's weights and tuned rows the tuned ones (adapt/chat_rows.py);
where that cannot be done, each side is a batch of its own. A finished answer leaves its batch. The
step holds the engine's generation lock, so two browser sessions on one engine take turns step by step
instead of switching the model under each other's feet; the lock is never held across a `yield`, so
an abandoned stream (a closed browser tab) cannot block the other session, and each `next()` may come
from a different thread.
"""

from __future__ import annotations

import gc
import inspect
import logging
import threading
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import torch

from adapt.blend import KEEP_RECORD, LiveBlend
from adapt.chat_rows import ALL_ROWS, RowLora, RowPlan, RowSplit, install_lora, install_pair
from adapt.data.questions import qa_prompt
from adapt.data.store import training_chunks
from adapt.data.text import detect_language
from adapt.fileio import read_json
from adapt.generation import clean_answer
from adapt.models import ModelNotAvailable, load_for_inference, load_tokenizer, pick_dtype, resolve_model, rope_overrides
from adapt.resources import give_back_freed_memory
from adapt.retrieval import Retriever
from adapt.rundir import RunDir

log = logging.getLogger("adapt")


# What the row plan is checked on at load: any text of a few tokens.
ROW_CHECK_TEXT = "The harbour of Velmor was rebuilt after the storm."


class ChatError(RuntimeError):
    """The run cannot be chatted with; the message is one sentence for the user."""


@dataclass(frozen=True)
class GenerationSettings:
    max_new_tokens: int = 256
    temperature: float = 0.0  # 0: greedy
    top_p: float = 0.95
    top_k: int = 0  # 0: off
    # None: the model's own generation_config value, which generate() (and so generate_chat) applies too.
    repetition_penalty: float | None = None
    seed: int | None = None  # with a seed, sampled answers are reproducible

    def __post_init__(self):
        if self.max_new_tokens < 1 or self.temperature < 0 or not 0 < self.top_p <= 1 or self.top_k < 0:
            raise ValueError(f"invalid generation settings: {self}")
        if self.repetition_penalty is not None and self.repetition_penalty <= 0:
            raise ValueError(f"repetition_penalty must be positive, got {self.repetition_penalty}")


@dataclass(frozen=True)
class StreamRequest:
    messages: list[dict]  # chat format, ending with the user's turn
    adapter_on: bool


# ---- the loaded run ------------------------------------------------------------------------------

_cache_lock = threading.Lock()
_cached: ChatEngine | None = None


class ChatEngine:
    """A finished run's models, ready to chat.

    LoRA run (outputs.final == "adapter"): one base model with the adapter attached, switched off for
    the base side. Full fine-tuning run (outputs.final == "model"): the base and the tuned model are
    both loaded, twice the memory, since no adapter can be switched off to recover the base.
    Device: CUDA when available (dtype from model.precision), else CPU in fp32.
    """

    def __init__(self, run_dir: str | Path):
        run = RunDir(run_dir)
        if not run.exists():
            raise ChatError(f"{run.path} is not a run directory")
        status = run.read_status()
        final = status.outputs.get("final")
        if not final or not (run.path / final).is_dir():
            raise ChatError(f"run '{run.path.name}' has no result yet (state: {status.state}); "
                            "chat with it once training has finished")
        self.run = run
        self.config = run.load_config()
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self._dtype = pick_dtype(self.config.model.precision) if self.device.type == "cuda" else torch.float32
        try:
            self._load(run.path / final, is_adapter=final == "adapter")
        except ModelNotAvailable as err:
            raise ChatError(str(err)) from None
        self.stop_ids = _stop_ids(self._tuned.generation_config, self.tokenizer)  # token ids that end an answer
        self.default_repetition_penalty = float(self._tuned.generation_config.repetition_penalty or 1.0)
        self._generate_lock = threading.Lock()
        self._retriever: Retriever | None = None
        self._retriever_lock = threading.Lock()
        self._live: LiveBlend | None = None  # built on the first set_keep_share

    @classmethod
    def for_run(cls, run_dir: str | Path) -> ChatEngine:
        """The engine of this run, loading it (and releasing any other run's) if needed. A stream
        still running on the released engine keeps its models alive until it ends."""
        global _cached
        path = Path(run_dir).resolve()
        with _cache_lock:
            if _cached is None or _cached.run.path != path:
                _cached = None
                _free_memory()  # the previous run's models go before the next ones arrive
                _cached = cls(path)
            return _cached

    def _load(self, final: Path, is_adapter: bool) -> None:
        m = self.config.model
        self.tokenizer = load_tokenizer(m.base, m.trust_remote_code)
        overrides = rope_overrides(m.base, m.rope_target_length, m.trust_remote_code)
        self._base = None  # a separate base model, only where the adapter cannot be switched off
        self._adapter_off = self._native_rope = None
        self.rows: RowPlan | None = None  # until _install_rows: _model_for runs each side on its own
        if not is_adapter:
            # On a CPU, weights in memory of their own, not views of the mapped file: the row plan
            # replaces the differing ones, and the replaced ones must go (peak 2.0x one model at load
            # instead of 1.5x, the same 1.5x after it: bench/RESULTS.md section 3b).
            own = self.device.type == "cpu"
            self._base = self._load_model(m.base, in_memory=own)
            self._tuned = self._load_model(str(final), overrides, in_memory=own)
        else:
            from peft import PeftModel

            # from_pretrained injects the LoRA layers into this base in place; from here on the
            # plain base exists only as the adapter-off state of the PeftModel.
            self._tuned = PeftModel.from_pretrained(self._load_model(m.base, overrides), str(final)).eval()
            self._adapter_off = _AdapterSwitch.build(self._tuned)
            if overrides:
                self._native_rope = _RopeSwitch.build(self._tuned, m.base, m.trust_remote_code)
                if self._native_rope is None:
                    log.warning("chat: cannot switch the RoPE of this architecture; loading the base a second time")
                    self._base = self._load_model(m.base)
        self.rows = self._install_rows(is_adapter)
        plain = self._tuned.get_base_model() if is_adapter else self._tuned
        # Prefill computes the logits of the last position only, where the model supports it, as
        # generate() does: a long prompt's full logits would be prompt length x vocabulary floats.
        self._forward_extra = {"logits_to_keep": 1} if "logits_to_keep" in inspect.signature(
            plain.forward).parameters else {}

    @torch.inference_mode()
    def _install_rows(self, is_adapter: bool) -> RowPlan | None:
        """Rewire the models so that every column is a row of one forward pass (adapt/chat_rows.py),
        where the rewired model gives each row what its side's model gives: checked here on a short
        text, else each side keeps running on its own."""
        if is_adapter and self._base is not None:
            return None  # a stretched RoPE that cannot be swapped: the base is a second model
        ids = self.tokenizer(ROW_CHECK_TEXT, return_tensors="pt", add_special_tokens=False)["input_ids"]
        ids = ids.to(self.device)
        expected = []
        for side in (False, True):
            with self._model_for(side) as model:
                expected.append(model(input_ids=ids).logits[0].float())
        if is_adapter:
            rope = (self._native_rope.path, self._native_rope.native) if self._native_rope else None
            plan = install_lora(self._tuned, rope)
        else:
            plan = install_pair(self._base, self._tuned)
            give_back_freed_memory()  # the weights the stacked pairs replaced
        if plan is None:
            return None
        plan.base_rows = 1
        got = self._tuned(input_ids=ids.expand(2, -1)).logits.float()
        tolerance = 1e-3 if self._dtype == torch.float32 else 0.25
        if all(torch.allclose(got[row], expected[row], atol=tolerance, rtol=1e-3) for row in (0, 1)):
            return plan
        plan.uninstall()
        log.warning("chat: the one-pass Arena gave other logits than its two models; running them one by one")
        return None

    def _load_model(self, ref: str, overrides: dict | None = None, in_memory: bool = False):
        m = self.config.model
        return load_for_inference(ref, dtype=self._dtype, attn=m.attn_implementation,
                                  trust_remote_code=m.trust_remote_code, overrides=overrides,
                                  in_memory=in_memory).to(self.device)

    @contextmanager
    def _model_for(self, adapter_on: bool | None):
        """The model one side runs on (None: a mixed batch on the row plan). Only under the generation
        lock: switching the adapter off changes the shared model for every stream."""
        if self.rows is not None:
            if adapter_on is not None:
                self.rows.base_rows = 0 if adapter_on else ALL_ROWS
            yield self._tuned
        elif adapter_on:
            yield self._tuned
        elif self._base is not None:
            yield self._base
        else:
            with self._adapter_off or self._tuned.disable_adapter(), self._native_rope or nullcontext():
                yield self._tuned

    def set_keep_share(self, share: float) -> float:
        """The adapted side keeps `share` of the training from the next token on (the Arena's slider
        between "forgets less" and "knows more"); returns the share now in effect. The engine is the
        run's, shared by whoever chats with it: the last share set holds for everyone."""
        with self._generate_lock:
            if self._live is None:
                self._live = self._live_blend()
            if abs(self._live.share - share) > 1e-6:
                self._live.set(share)
            return self._live.share

    def _live_blend(self) -> LiveBlend:
        kept = (read_json(self.run.path / KEEP_RECORD, default=None) or {}).get("share", 1.0)
        pairs, scalings = [], []
        splits = [m for m in self._tuned.modules() if isinstance(m, RowSplit)]
        if splits:
            pairs = [(getattr(m.tuned, n), getattr(m.base, n)) for m in splits for n in ("weight", "bias")
                     if getattr(m.tuned, n, None) is not None]
        elif self._base is not None:
            theirs = dict(self._base.named_parameters())
            pairs = [(p, theirs[n].detach()) for n, p in self._tuned.named_parameters()
                     if n in theirs and p.shape == theirs[n].shape and not torch.equal(p, theirs[n])]
        for module in self._tuned.modules():
            if isinstance(module, RowLora):
                scalings.append((module, "scaling", module.scaling))
            elif isinstance(getattr(module, "scaling", None), dict):
                scalings += [(module.scaling, key, value) for key, value in module.scaling.items()]
        return LiveBlend(pairs, scalings, kept)

    @property
    def context_length(self) -> int | None:
        return getattr(self._tuned.config, "max_position_embeddings", None)

    def retriever(self) -> Retriever:
        """MiniLM retrieval over the run's training chunks (held-out documents excluded, as in
        evaluation). Built on first use: embedding the corpus takes a while for a large one."""
        with self._retriever_lock:
            if self._retriever is None:
                self._retriever = Retriever(training_chunks(self.run.data_dir))
            return self._retriever


def uses_gpu() -> bool:
    return torch.cuda.is_available()


def release() -> None:
    """Forget the cached engine; its models are freed once no running stream still holds it."""
    global _cached
    with _cache_lock:
        _cached = None
        _free_memory()


def _free_memory() -> None:
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def _stop_ids(generation_config, tokenizer) -> set[int]:
    """generate()'s end-of-sequence ids, plus <|im_end|> where the chat template ends turns with it,
    so an answer stops at the end of the assistant's turn even if the model's config forgot it."""
    eos = generation_config.eos_token_id
    ids = set(eos if isinstance(eos, list) else [eos]) - {None}
    im_end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    if "<|im_end|>" in str(tokenizer.chat_template) and im_end not in (None, tokenizer.unk_token_id):
        ids.add(im_end)
    return ids


class _AdapterSwitch:
    """Switches a PeftModel's adapter layers off, like `disable_adapter()`, at the cost of a few
    attribute writes: peft's context manager walks the whole model twice per call (8 ms for a
    6-layer model, paid per token and side here)."""

    def __init__(self, layers: list):
        self.layers = layers

    @classmethod
    def build(cls, model) -> _AdapterSwitch | None:
        from peft.tuners.tuners_utils import BaseTunerLayer
        from peft.utils.other import AuxiliaryTrainingWrapper

        # the modules peft's disable_adapter_layers() switches
        layers = [m for m in model.modules() if isinstance(m, (BaseTunerLayer, AuxiliaryTrainingWrapper))]
        switch = cls(layers)
        with switch:  # the flag is peft's internal one: check that its forward still reads it
            works = all(layer.disable_adapters for layer in layers)
        if not works or any(layer.disable_adapters for layer in layers):
            log.warning("chat: this peft version switches adapters differently; using its slower disable_adapter()")
            return None
        return switch

    def __enter__(self):
        for layer in self.layers:
            layer._disable_adapters = True

    def __exit__(self, *exc):
        for layer in self.layers:
            layer._disable_adapters = False


class _RopeSwitch:
    """Runs a stretched-RoPE model with its native RoPE: the model's one rotary module is swapped
    for one built from the native config (a few KB instead of a second base model)."""

    def __init__(self, model: torch.nn.Module, path: str, native: torch.nn.Module):
        parent_name, _, self.name = path.rpartition(".")
        self.path, self.parent, self.native = path, model.get_submodule(parent_name), native
        self.stretched = getattr(self.parent, self.name)

    @classmethod
    def build(cls, model, ref: str, trust_remote_code: bool) -> _RopeSwitch | None:
        from transformers import AutoConfig

        found = [name for name, _ in model.named_modules() if name.rpartition(".")[2] == "rotary_emb"]
        if len(found) != 1:  # none, or one per layer: not the shared module this swap relies on
            return None
        stretched = model.get_submodule(found[0])
        config = AutoConfig.from_pretrained(resolve_model(ref), trust_remote_code=trust_remote_code)
        try:
            native = type(stretched)(config=config).to(device=stretched.inv_freq.device, dtype=stretched.inv_freq.dtype)
        except (TypeError, KeyError, AttributeError):  # a rotary class built differently
            return None
        return cls(model, found[0], native)

    def __enter__(self):
        setattr(self.parent, self.name, self.native)

    def __exit__(self, *exc):
        setattr(self.parent, self.name, self.stretched)


# ---- streaming -----------------------------------------------------------------------------------

class _Detokenizer:
    """Incremental decoding. Each token decodes a short window of recent tokens (the prefix/read
    offsets of text-generation-inference), not the whole answer again; text is released only when
    the window does not end in U+FFFD, i.e. once a character split over several byte-level tokens
    (most Japanese characters) is complete."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.ids: list[int] = []
        self.text = ""
        self._prefix = self._read = 0

    def add(self, token: int) -> str:
        self.ids.append(token)
        before = self.tokenizer.decode(self.ids[self._prefix:self._read], skip_special_tokens=True)
        after = self.tokenizer.decode(self.ids[self._prefix:], skip_special_tokens=True)
        if len(after) > len(before) and not after.endswith("\ufffd"):
            self.text += after[len(before):]
            self._prefix, self._read = self._read, len(self.ids)
        return self.text

    def full(self) -> str:
        # generate_chat's decoding, so a finished answer is exactly what it would return
        return clean_answer(self.tokenizer.decode(self.ids, skip_special_tokens=True))


class _Stream:
    """One answer being generated: its prompt, the tokens so far, its own random generator."""

    def __init__(self, engine: ChatEngine, request: StreamRequest, settings: GenerationSettings):
        # Rendered and tokenized as generate_chat does, so both see the same prompt ids.
        prompt = engine.tokenizer.apply_chat_template(request.messages, tokenize=False, add_generation_prompt=True)
        ids = engine.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"].to(engine.device)
        limit = engine.context_length
        if limit and ids.shape[1] >= limit:
            raise ChatError(f"the conversation is {ids.shape[1]} tokens long, more than the model's context of "
                            f"{limit}; start a new chat")
        self.adapter_on = request.adapter_on
        self.sequence = ids  # prompt + answer so far: what the repetition penalty looks at
        self.last: int | None = None  # the token the next forward pass feeds
        self.max_new_tokens = min(settings.max_new_tokens, limit - ids.shape[1]) if limit else settings.max_new_tokens
        self.decoder = _Detokenizer(engine.tokenizer)
        self.final: str | None = None  # the answer, once finished
        # One generator per stream: a seeded answer does not depend on which other columns run with it.
        self.random = torch.Generator(engine.device)
        if settings.seed is None:
            self.random.seed()
        else:
            self.random.manual_seed(settings.seed)

    def accept(self, token: int, stop_ids: set[int]) -> None:
        if token in stop_ids:
            self.finish()
            return
        self.last = token
        self.sequence = torch.cat([self.sequence, self.sequence.new_tensor([[token]])], dim=1)
        self.decoder.add(token)
        if len(self.decoder.ids) >= self.max_new_tokens:
            self.finish()

    @property
    def done(self) -> bool:
        return self.final is not None

    def finish(self) -> None:
        self.final = self.decoder.full()

    def answer(self) -> str:
        return self.final if self.done else clean_answer(self.decoder.text)


class _Batch:
    """Streams decoded together: one KV cache and one forward pass per step for all of them. Prompts
    of different lengths are padded on the left and positions counted from the attention mask, as
    generate() does for a batch. `side` None: a mixed batch on the engine's row plan, base rows first."""

    def __init__(self, engine: ChatEngine, streams: list[_Stream], side: bool | None):
        from transformers import DynamicCache

        self.streams, self.side = streams, side
        longest = max(stream.sequence.shape[1] for stream in streams)
        pad = engine.tokenizer.pad_token_id if engine.tokenizer.pad_token_id is not None else 0
        self.next_ids = torch.full((len(streams), longest), pad, dtype=torch.long, device=engine.device)
        self.mask = torch.zeros_like(self.next_ids)
        for row, stream in enumerate(streams):
            length = stream.sequence.shape[1]
            self.next_ids[row, longest - length:] = stream.sequence[0]
            self.mask[row, longest - length:] = 1
        self.cache = DynamicCache(config=engine._tuned.config)

    def step(self, engine: ChatEngine, model, settings: GenerationSettings, processors) -> None:
        if self.side is None:
            engine.rows.base_rows = sum(not stream.adapter_on for stream in self.streams)
        positions = (self.mask.cumsum(-1) - 1).clamp(min=0)[:, -self.next_ids.shape[1]:]
        output = model(input_ids=self.next_ids, attention_mask=self.mask, position_ids=positions,
                       past_key_values=self.cache, use_cache=True, **engine._forward_extra)
        logits = output.logits[:, -1].float()
        for row, stream in enumerate(self.streams):
            scores = processors(stream.sequence, logits[row:row + 1])
            if settings.temperature == 0:
                token = int(scores.argmax(dim=-1))
            else:
                token = int(torch.multinomial(scores.softmax(dim=-1), 1, generator=stream.random))
            stream.accept(token, engine.stop_ids)
        keep = [row for row, stream in enumerate(self.streams) if not stream.done]
        if len(keep) < len(self.streams):  # a finished answer leaves the batch: its rows cost no more reads
            self.streams = [self.streams[row] for row in keep]
            if not keep:
                self.cache = None  # the KV cache is the batch's big allocation; free it as soon as possible
                return
            index = torch.tensor(keep, device=self.mask.device)
            self.cache.batch_select_indices(index)
            self.mask = self.mask[index]
        self.next_ids = torch.tensor([[stream.last] for stream in self.streams], device=self.mask.device)
        self.mask = torch.cat([self.mask, self.mask.new_ones((len(self.streams), 1))], dim=1)


def _logits_processors(settings: GenerationSettings, default_penalty: float):
    """generate()'s processors in generate()'s order, so greedy decoding picks the same tokens."""
    from transformers.generation.logits_process import (LogitsProcessorList, RepetitionPenaltyLogitsProcessor,
                                                        TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper)

    processors = LogitsProcessorList()
    penalty = default_penalty if settings.repetition_penalty is None else settings.repetition_penalty
    if penalty != 1.0:
        processors.append(RepetitionPenaltyLogitsProcessor(penalty))
    if settings.temperature > 0:
        if settings.temperature != 1.0:
            processors.append(TemperatureLogitsWarper(settings.temperature))
        if settings.top_k:
            processors.append(TopKLogitsWarper(settings.top_k))
        if settings.top_p < 1.0:
            processors.append(TopPLogitsWarper(settings.top_p))
    return processors


@torch.inference_mode()
def _step(engine: ChatEngine, batches: list[_Batch], settings: GenerationSettings, processors) -> None:
    """One token for every unfinished stream."""
    with engine._generate_lock:
        for batch in batches:
            if not batch.streams:
                continue
            with engine._model_for(batch.side) as model:
                batch.step(engine, model, settings, processors)


def stream_answers(engine: ChatEngine, requests: list[StreamRequest],
                   settings: GenerationSettings = GenerationSettings()) -> Iterator[list[str]]:
    """Generate all answers at once, token by token; after every step, yield each answer's text so
    far (finished answers keep their final text). With the engine's row plan every column is a row
    of one batch; without it, one batch per side. Greedy answers equal
    `adapt.generation.generate_chat` for the same model state and conversation."""
    streams = [_Stream(engine, request, settings) for request in requests]
    processors = _logits_processors(settings, engine.default_repetition_penalty)
    if engine.rows is not None:
        batches = [_Batch(engine, sorted(streams, key=lambda stream: stream.adapter_on), None)]
    else:
        batches = [_Batch(engine, [s for s in streams if s.adapter_on == side], side) for side in (False, True)
                   if any(s.adapter_on == side for s in streams)]
    while not all(stream.done for stream in streams):
        _step(engine, batches, settings, processors)
        yield [stream.answer() for stream in streams]


def retrieval_messages(engine: ChatEngine, messages: list[dict], k: int | None = None) -> list[dict]:
    """The conversation with its last user turn rewritten as evaluation's retrieval prompt: the
    question plus the top-k training chunks (k: eval.retrieval_top_k). Run it with adapter_on=False
    for the "base + retrieval" column; earlier turns stay as they are, so keep that column's
    history with the plain questions and pass it through this for every turn."""
    last = max((i for i, m in enumerate(messages) if m["role"] == "user"), default=None)
    if last is None:
        raise ValueError("the conversation has no user turn to answer")
    question = {"question": messages[last]["content"], "lang": detect_language(messages[last]["content"])}
    context = engine.retriever().contexts([question], k or engine.config.eval.retrieval_top_k)[0]
    return messages[:last] + qa_prompt(question, context) + messages[last + 1:]

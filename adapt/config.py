"""RunConfig: the one typed description of a run.

The UI builds it, the CLI reads it from YAML, and the run directory stores it as config.yaml.
It holds no secrets: tokens and API keys come from the environment at run time and never
become part of a config.
"""

from __future__ import annotations

import datetime
import difflib
import json
import reprlib
import typing
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from adapt import bundled, strict_yaml
from adapt.fileio import path_exists, write_text_atomic
from adapt.models import concrete_base, reference_problem


class ConfigError(ValueError):
    """A configuration that cannot be used. The message is written for people, not for debuggers."""


def _number_kind(annotation: Any) -> type | None:
    """int or float for a numeric field (also `int | None`, `dict[str, int]`); None otherwise."""
    if annotation in (int, float):
        return annotation
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) is dict:
        args = args[1:]
    return args[0] if len(args) == 1 and args[0] in (int, float) else None


class Section(BaseModel):
    # extra="forbid" turns a typo such as `learnig_rate` into an error instead of a silent default.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _no_booleans_for_numbers(cls, value: Any, info: ValidationInfo) -> Any:
        # pydantic reads true as 1: `max_steps: true` would train one step. A boolean where a number
        # belongs is a mistake (often YAML's yes/no/on/off), never a number.
        kind = _number_kind(cls.model_fields[info.field_name].annotation)
        if kind is None:
            return value
        wanted = "a whole number" if kind is int else "a number"
        if isinstance(value, bool):
            raise PydanticCustomError("number_not_bool", f"Input should be {wanted}, not true/false")
        if isinstance(value, dict) and any(isinstance(v, bool) for v in value.values()):
            named = ", ".join(str(k) for k, v in value.items() if isinstance(v, bool))
            raise PydanticCustomError("number_not_bool", f"Input should be {wanted}, not true/false, for {named}")
        return value


class LoraSection(Section):
    r: int = Field(16, ge=1, le=1024, description="LoRA rank")
    alpha: float = Field(32.0, gt=0, le=8192, description="LoRA scaling numerator (scale = alpha / r)")
    dropout: float = Field(0.05, ge=0, lt=1, description="dropout on the LoRA input")
    target_modules: list[str] | Literal["all-linear"] = Field(
        "all-linear", description="module names to adapt, or all-linear for every linear layer but the output head"
    )


class ModelSection(Section):
    base: str = Field(
        "auto",
        min_length=1,
        description="bundled name (smollm2-135m: a real chat model that works offline; tiny: for smoke tests), "
                    "local directory, Hugging Face Hub id, or auto: the recommended Hub model where the Hub can be "
                    "reached, else smollm2-135m",
    )
    method: Literal["lora", "full"] = Field("lora", description="train a LoRA adapter or all weights")
    lora: LoraSection = Field(default_factory=LoraSection)
    precision: Literal["auto", "bf16", "fp16", "fp32"] = Field(
        "auto", description="auto: bf16 on a GPU that supports it, fp32 on CPU"
    )
    attn_implementation: Literal["auto", "sdpa", "eager", "flash_attention_2"] = "auto"
    train_layers: int | None = Field(
        None, ge=1, le=1024,
        description="full fine-tuning of only the top N transformer blocks (the rest, embeddings included, stay "
                    "frozen and are not back-propagated through: faster on a CPU); empty: every weight")
    reuse_frozen_blocks: bool = Field(
        True, description="with train_layers: compute the frozen blocks once per training row and reuse their "
                          "output in later epochs (the same numbers, less work; needs rows x context x hidden x 4 "
                          "bytes of memory, and is skipped where that is over a quarter of the free memory)")
    fused_kernels: bool = Field(
        False, description="Liger's fused GPU kernels (RMSNorm, SwiGLU, RoPE, fused linear cross-entropy) in training: "
                           "less memory and more tokens/s on a CUDA GPU; needs `pip install liger-kernel`")
    compile: bool = Field(
        False, description="torch.compile the model for training: faster steps after minutes of compiling, so only "
                           "for long GPU runs; turns reuse_frozen_blocks off")
    trust_remote_code: bool = Field(False, description="run code shipped with the model; only for models you trust")
    rope_target_length: int | None = Field(
        None, ge=16, le=1_048_576,
        description="extend the context beyond the model's native length by raising the RoPE theta",
    )
    keep_share: float | None = Field(
        1.0, ge=0.05, le=1,
        description="share of the training the final model keeps: base + share x (trained - base), a LoRA update "
                    "scaled; 1: all of it; empty: chosen after training, the largest share whose general-text "
                    "perplexity rises at most eval.max_forgetting_pct on validation text")


class DataSection(Section):
    paths: list[str] = Field(default_factory=list, description="files or folders of domain documents")
    text_field: str = Field("text", min_length=1, description="field (jsonl) or column (csv) that holds the text")
    min_chars: int = Field(20, ge=1, le=100_000, description="documents shorter than this are dropped")
    chunk_chars: int = Field(2000, ge=100, le=1_000_000, description="target size of a chunk, split on sentences")
    dedupe: bool = True
    near_duplicate_threshold: float = Field(
        0.8, gt=0, le=1, description="estimated Jaccard similarity above which two documents count as duplicates"
    )
    heldout_fraction: float = Field(0.1, ge=0, lt=1, description="share of documents kept out of training")
    max_documents: int | None = Field(
        None, ge=1, le=1_000_000,
        description="train on at most this many documents (those eval.qa_file asks about first, then by file "
                    "name); the rest are left out of training and of the questions asked. Empty: all")
    max_file_mb: float = Field(200.0, gt=0, le=100_000, description="files larger than this are refused")


AUGMENT_CATEGORIES = (
    "paraphrase", "summary", "generalized", "elaboration", "kg_extraction", "translation_en", "translation_zh",
    "qa_difficult", "qa_easy", "qa_numbers_formula", "qa_methods", "qa_people_names", "positive_negative",
    "keywords", "reference", "discussion",
)
DEFAULT_CATEGORY_COUNTS = {name: 1 for name in AUGMENT_CATEGORIES} | {"qa_easy": 2, "qa_numbers_formula": 2,
                                                                       "qa_people_names": 2}


class LocalGeneratorSection(Section):
    model: str = Field("Qwen/Qwen2.5-7B-Instruct", min_length=1,
                       description="chat model that writes the synthetic data (bundled name, directory or Hub id)")
    batch_size: int = Field(8, ge=1, le=1024)
    precision: Literal["auto", "bf16", "fp16", "fp32"] = "auto"


class EndpointGeneratorSection(Section):
    """Where the endpoint backend sends its prompts. The key is no setting: the CLI reads it from
    ADAPT_ENDPOINT_API_KEY, the app from a field its visitor types into; neither is stored."""

    base_url: str = Field("http://localhost:8000/v1", min_length=1, max_length=2000,
                          description="OpenAI-compatible API root (in a shared app, one the operator allows)")
    model: str = Field("default", min_length=1, max_length=500, description="model name the endpoint serves")
    timeout_s: float = Field(120.0, gt=0, le=3600)
    max_retries: int = Field(3, ge=0, le=20)
    concurrency: int = Field(4, ge=1, le=256)

    @model_validator(mode="before")
    @classmethod
    def _no_key_variable(cls, raw: Any) -> Any:
        # api_key_env named the environment variable to send as the key: any visitor of a shared app
        # could name a server secret (ADAPT_USERS, HF_TOKEN) and have it sent to a URL of theirs.
        # Configs written before hold its old default, which is dropped so that their runs resume.
        if isinstance(raw, dict) and "api_key_env" in raw:
            raw = dict(raw)
            named = raw.pop("api_key_env")
            if named != "OPENAI_API_KEY":
                raise PydanticCustomError(
                    "key_variable_removed",
                    "api_key_env: {named} is refused: a run no longer names the environment variable its key is "
                    "read from; the command line reads it from ADAPT_ENDPOINT_API_KEY, the app from its endpoint "
                    "key field. Remove augment.endpoint.api_key_env", {"named": repr(named)[:80]})
        return raw


class AugmentSection(Section):
    enabled: bool = True
    backend: Literal["rules", "local", "endpoint"] = Field(
        "rules", description="rules: offline, no LLM; local: a transformers chat model; endpoint: an OpenAI-compatible API"
    )
    categories: dict[str, int] = Field(default_factory=lambda: dict(DEFAULT_CATEGORY_COUNTS),
                                       description="items to generate per document and category; 0 turns one off")
    qa_heldout_fraction: float = Field(0.3, ge=0, lt=1,
                                       description="share of each document's facts whose questions are never trained "
                                                   "on, in any wording (only read), to measure knowledge")
    max_source_chars: int = Field(6000, ge=200, le=200_000, description="document text shown to the generator")
    max_new_tokens: int = Field(768, ge=16, le=32768)
    temperature: float = Field(0.7, ge=0, le=2)
    local: LocalGeneratorSection = Field(default_factory=LocalGeneratorSection)
    endpoint: EndpointGeneratorSection = Field(default_factory=EndpointGeneratorSection)

    @field_validator("categories")
    @classmethod
    def _known_categories(cls, value: dict[str, int]) -> dict[str, int]:
        unknown = sorted(set(value) - set(AUGMENT_CATEGORIES))
        if unknown:
            raise ValueError(f"unknown categories {unknown}; known: {', '.join(AUGMENT_CATEGORIES)}")
        bad = {k: v for k, v in value.items() if not isinstance(v, int) or v < 0 or v > 50}
        if bad:
            raise ValueError(f"counts must be whole numbers from 0 to 50, got {bad}")
        return value


class MixSection(Section):
    """What continued pretraining reads: raw documents + synthetic texts + replay of general text."""

    include_raw: bool = True
    include_augmented: bool = True
    replay_ratio: float = Field(0.1, ge=0, lt=1, description="share of CPT tokens taken from general text")
    replay_paths: list[str] = Field(default_factory=lambda: list(bundled.GENERAL_PROSE),
                                    description="files or folders of general text to replay (default: the bundled "
                                                "English and Japanese general corpus)")
    group_by_document: bool = Field(
        True, description="keep each document and its synthetic variants together in one sequence"
    )
    sft_in_cpt: bool = Field(
        False, description="also pretrain on the instruction-tuning conversations, rendered with the chat "
                           "template (instruction pre-training)")
    qa_placement: Literal["with_document", "own_sequence"] = Field(
        "with_document", description="where a document's QA goes in CPT: after the document in the same sequence "
                                     "(the answer can be read from the document in context), or each pair in its "
                                     "own sequence (answered from memory, as at test time)")


class TrainSection(Section):
    """Hyperparameters shared by both training stages."""

    enabled: bool = True
    epochs: float = Field(1.0, gt=0, le=1000)
    max_steps: int | None = Field(None, ge=1, le=10_000_000,
                                  description="stop after this many optimizer steps (overrides epochs)")
    learning_rate: float = Field(1e-4, gt=0, le=1)
    context_length: int = Field(1024, ge=16, le=1_048_576, description="tokens per packed sequence")
    micro_batch_size: int = Field(4, ge=1, le=4096, description="sequences per forward pass")
    grad_accum: int = Field(4, ge=1, le=4096, description="micro-batches per optimizer step")
    warmup_ratio: float = Field(0.05, ge=0, lt=1)
    lr_scheduler: Literal["cosine", "linear", "constant_with_warmup"] = "cosine"
    weight_decay: float = Field(0.0, ge=0, le=1)
    max_grad_norm: float = Field(1.0, gt=0, le=1e6)
    gradient_checkpointing: bool = False
    # Bounded: an interval longer than the run only means one checkpoint at the end, but a typo of
    # many zeros means a killed run loses everything.
    save_every_steps: int = Field(100, ge=1, le=100_000, description="write a resumable checkpoint every N optimizer steps")
    keep_checkpoints: int = Field(2, ge=1, le=1000)
    log_every_steps: int = Field(1, ge=1, le=100_000)


class CPTSection(TrainSection):
    """Continued pretraining on the domain documents (causal LM loss on every token)."""


class SFTSection(TrainSection):
    """Instruction tuning after CPT, loss on assistant tokens only."""

    data: list[str] = Field(default_factory=list, description="JSONL files of {'messages': [...]} conversations")
    variant: Literal["general", "domain_zero_shot", "domain_one_shot", "all"] = Field(
        "all", description="general instructions only, synthesized domain instructions (with or without a general "
                           "example shown to the generator), or all of them",
    )
    general_data: list[str] = Field(default_factory=lambda: list(bundled.GENERAL_CHAT),
                                    description="JSONL conversations of general instructions (default: the bundled "
                                                "English and Japanese conversations)")
    max_domain_examples: int = Field(20000, ge=0, le=10_000_000)
    max_general_examples: int = Field(
        1000, ge=0, le=10_000_000,
        description="general conversations sampled into SFT, so they do not swamp a small domain set")
    epochs: float = Field(2.0, gt=0, le=1000)
    learning_rate: float = Field(5e-5, gt=0, le=1)


class EvalSection(Section):
    enabled: bool = True
    max_docs: int = Field(64, ge=1, le=1_000_000, description="held-out documents used for perplexity")
    context_length: int = Field(512, ge=16, le=1_048_576)
    batch_size: int = Field(8, ge=1, le=1024, description="text windows per forward pass when measuring perplexity")
    generation_batch_size: int = Field(32, ge=1, le=1024, description="questions answered per generate() call")
    general_paths: list[str] = Field(
        default_factory=lambda: list(bundled.GENERAL_HELDOUT),
        description="general text for the forgetting measurement and the pre-check (default: bundled general text "
                    "that is never trained on; empty: mix.replay_paths)",
    )
    max_general_docs: int = Field(64, ge=1, le=1_000_000)
    precheck: bool = Field(True, description="before training: is the domain close to what the model knows?")
    token_analysis: bool = True
    qa: bool = Field(True, description="closed-book QA: trained questions, trained facts in new words, facts only "
                                       "read (never asked in training)")
    compare_cpt: bool = Field(True, description="also evaluate the model after CPT, before SFT (one more model "
                                                "to measure: slower on a CPU)")
    qa_file: str | None = Field(None, description="your own QA JSONL: question, answer, optional doc/source, split")
    qa_file_mode: Literal["add", "replace"] = Field("add", description="add to or replace the synthesized QA")
    max_questions: int = Field(60, ge=1, le=100_000,
                               description="questions asked per split (trained, reworded, held-out facts), of the synthesized ones and "
                                           "of eval.qa_file each; a longer list is sampled evenly")
    max_answer_tokens: int = Field(64, ge=1, le=4096)
    general_questions: int = Field(
        200, ge=0, le=100_000,
        description="bundled common-knowledge questions (capitals, arithmetic, ...) in the domain's languages, asked "
                    "to the base and the adapted model: of those the base answers, how many the adapted one still "
                    "answers; a longer list is sampled evenly; 0: off")
    max_forgetting_pct: float = Field(
        10.0, ge=0, le=1000,
        description="with model.keep_share empty: the most general-text perplexity may rise, in percent, on "
                    "validation text, for the share of the training kept")
    judge: bool = Field(False, description="also ask the augmentation LLM (local/endpoint) whether answers are supported")
    retrieval: Literal["auto", "on", "off"] = Field(
        "auto", description="base model + top-k retrieved chunks baseline; auto: on for corpora up to 5000 chunks"
    )
    retrieval_top_k: int = Field(3, ge=1, le=50)

    @field_validator("retrieval", mode="before")
    @classmethod
    def _yaml_on_off(cls, value: Any) -> Any:
        # YAML 1.1 reads a bare on/off as a boolean (`retrieval: off`, `--set eval.retrieval=off`).
        return {True: "on", False: "off"}.get(value, value) if isinstance(value, bool) else value


class RunConfig(Section):
    name: str = Field("run", pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", description="letters, digits, . _ -")
    seed: int = Field(42, ge=0, le=2**32 - 1)
    model: ModelSection = Field(default_factory=ModelSection)
    data: DataSection = Field(default_factory=DataSection)
    augment: AugmentSection = Field(default_factory=AugmentSection)
    mix: MixSection = Field(default_factory=MixSection)
    cpt: CPTSection = Field(default_factory=CPTSection)
    sft: SFTSection = Field(default_factory=SFTSection)
    eval: EvalSection = Field(default_factory=EvalSection)

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def from_dict(cls, raw: Any, source: str = "config") -> RunConfig:
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise ConfigError(f"{source}: expected a mapping of sections (model, data, cpt, ...), got {type(raw).__name__}")
        try:
            return cls.model_validate(raw)
        except ValidationError as err:
            raise ConfigError(format_validation_error(err, source)) from None

    @classmethod
    def from_yaml(cls, path: str | Path) -> RunConfig:
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise ConfigError(f"config file not found: {path}") from None
        except IsADirectoryError:
            inside = sorted(p.name for p in path.iterdir() if p.suffix in (".yaml", ".yml"))[:5]
            there = f" (in it: {', '.join(inside)})" if inside else ""
            raise ConfigError(f"{path} is a folder, not a config file; give the YAML file itself{there}") from None
        except UnicodeDecodeError as err:
            raise ConfigError(f"{path} is not UTF-8 text (byte 0x{err.object[err.start]:02x} at offset {err.start}); "
                              "save it as UTF-8 YAML") from None
        except OSError as err:
            raise ConfigError(f"cannot read config file {path}: {err.strerror or err}") from None
        try:
            raw = strict_yaml.load(text)
        except yaml.YAMLError as err:
            where = ""
            mark = getattr(err, "problem_mark", None)
            if mark is not None:
                where = f" at line {mark.line + 1}, column {mark.column + 1}"
            problem = getattr(err, "problem", None) or str(err)
            raise ConfigError(f"{path}: not valid YAML{where}: {problem}") from None
        if raw is None:
            # Every default would run on no documents; an empty file is a mistake, not a choice.
            raise ConfigError(f"{path} is empty; write the settings to change, at least data.paths "
                              "(the files or folders of your documents)")
        return cls.from_dict(raw, source=str(path))

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.model_dump(mode="json"), sort_keys=False, allow_unicode=True)

    def save(self, path: str | Path) -> None:
        write_text_atomic(Path(path), self.to_yaml())

    def with_overrides(self, dotted: dict[str, Any]) -> RunConfig:
        """Apply `cpt.learning_rate=1e-5` style overrides and validate the result as a whole."""
        raw = self.model_dump(mode="json")
        for key, value in dotted.items():
            node = raw
            parts = key.split(".")
            for depth, part in enumerate(parts[:-1]):
                if part in node and not isinstance(node[part], dict):
                    setting = ".".join(parts[: depth + 1])
                    raise ConfigError(f"unknown setting '{key}': '{setting}' is a setting, not a section; "
                                      f"write {setting}=VALUE")
                if not isinstance(node.get(part), dict):
                    sections = sorted(name for name, value in node.items() if isinstance(value, dict))
                    close = difflib.get_close_matches(part, sections, n=1)
                    hint = f" Did you mean '{close[0]}'?" if close else ""
                    raise ConfigError(f"unknown setting '{key}': '{part}' is not a section.{hint} "
                                      f"Sections here: {', '.join(sections)}")
                node = node[part]
            node[parts[-1]] = value
        return RunConfig.from_dict(raw, source="overrides")


def _absolute(paths: list[str]) -> list[str]:
    return [str(Path(p).expanduser().resolve()) for p in paths]


def launch_config(config: RunConfig) -> RunConfig:
    """The config as a run records it: relative paths made absolute (so --resume works from any
    working directory) and `auto` replaced by the model it stands for here and now."""
    base = concrete_base(config.model.base)
    if path_exists(base):
        base = str(Path(base).expanduser().resolve())
    return config.model_copy(update={
        "model": config.model.model_copy(update={"base": base}),
        "data": config.data.model_copy(update={"paths": _absolute(config.data.paths)}),
        "mix": config.mix.model_copy(update={"replay_paths": _absolute(config.mix.replay_paths)}),
        "sft": config.sft.model_copy(update={"data": _absolute(config.sft.data),
                                             "general_data": _absolute(config.sft.general_data)}),
        "eval": config.eval.model_copy(update={
            "general_paths": _absolute(config.eval.general_paths),
            "qa_file": _absolute([config.eval.qa_file])[0] if config.eval.qa_file else None}),
    })


# Every setting that names files on disk; "file" ones are read as JSONL and cannot be folders.
PATH_SETTINGS = {"data.paths": "any", "mix.replay_paths": "any", "sft.data": "file", "sft.general_data": "file",
                 "eval.general_paths": "any", "eval.qa_file": "file"}


def _named_paths(config: RunConfig, setting: str) -> list[tuple[str, str]]:
    """(name, value) of every path a path setting holds: 'data.paths[0]' or 'eval.qa_file'. An empty
    single-path setting is unset (launch_config reads it so); an empty item of a list is a path."""
    section, field = setting.split(".")
    value = getattr(getattr(config, section), field)
    if isinstance(value, list):
        return [(f"{setting}[{i}]", item) for i, item in enumerate(value)]
    return [(setting, value)] if value else []


def path_problems(config: RunConfig, settings: tuple[str, ...] = tuple(PATH_SETTINGS)) -> list[str]:
    """'data.paths[0]: /abs/dir does not exist' for every path setting that names nothing usable.
    Relative paths are shown as they resolve from the working directory, as launch_config stores them."""
    problems = []
    for setting in settings:
        for name, raw in _named_paths(config, setting):
            path = Path(raw).expanduser().resolve()
            if not path.exists():
                problems.append(f"{name}: {path} does not exist")
            elif not (path.is_file() or path.is_dir()):
                # A FIFO exists, and reading one blocks until something writes to it; /dev/zero never ends.
                kinds = {"a FIFO": path.is_fifo, "a character device": path.is_char_device,
                         "a block device": path.is_block_device, "a socket": path.is_socket}
                kind = next((kind for kind, test in kinds.items() if test()), "of an unknown kind")
                problems.append(f"{name}: {path} is not a regular file or folder ({kind}); give a file or folder "
                                "of documents")
            elif PATH_SETTINGS[setting] == "file" and not path.is_file():
                problems.append(f"{name}: {path} is a folder; give a JSONL file")
    return problems


MODEL_SETTINGS = ("model.base", "augment.local.model")  # a Hub id or bundled name, or a local folder


def _looks_local(ref: str) -> bool:
    return ref.startswith(("/", ".", "~")) or path_exists(ref)


def paths_outside(config: RunConfig, roots: list[Path], settings: tuple[str, ...] = tuple(PATH_SETTINGS)) -> list[str]:
    """'sft.data[0]: /x is outside the folders this app may read (...)' for every path setting, and every
    model setting that names a local folder, that lies outside `roots`. The app calls this so that a
    visitor cannot point a setting at another user's runs or at any other file of the server."""
    resolved = [Path(r).expanduser().resolve() for r in roots]
    allowed = ", ".join(str(r) for r in resolved) or "none"

    def outside(raw: str) -> bool:
        path = Path(raw).expanduser().resolve()
        return not any(path == root or root in path.parents for root in resolved)

    problems = []
    for setting in settings:
        problems += [f"{name}: {raw} is outside the folders this app may read ({allowed}); upload the file in "
                     "the Data tab instead" for name, raw in _named_paths(config, setting) if outside(raw)]
    for setting in MODEL_SETTINGS:
        section, *rest = setting.split(".")
        value = getattr(config, section)
        for part in rest:
            value = getattr(value, part)
        if _looks_local(value) and outside(value):
            problems.append(f"{setting}: {value} is a local folder outside the folders this app may read "
                            f"({allowed}); give a bundled model name or a Hugging Face Hub id")
    return problems


def model_problems(config: RunConfig) -> list[str]:
    """model.base (and the local generator, when it is used) must be able to name a model."""
    named = [("model.base", config.model.base)]
    if config.augment.backend == "local":
        named.append(("augment.local.model", config.augment.local.model))
    return [f"{setting}: {problem}" for setting, ref in named if (problem := reference_problem(ref))]


def blank_path_problems(config: RunConfig) -> list[str]:
    """An empty path resolves to the working directory: `data.paths: [""]` trained on whatever folder
    the command was typed in."""
    return [f"{name}: an empty path; name a file or folder, or remove the entry"
            for setting in PATH_SETTINGS for name, raw in _named_paths(config, setting) if not raw.strip()]


# What each JSONL setting's lines look like, for the message when a file holds something else.
JSONL_EXAMPLES = {"sft.data": '{"messages": [{"role": "user", "content": ...}, {"role": "assistant", ...}]}',
                  "sft.general_data": '{"messages": [{"role": "user", "content": ...}, ...]}',
                  "eval.qa_file": '{"question": "...", "answer": "..."}'}


def jsonl_problems(config: RunConfig) -> list[str]:
    """A JSONL setting naming a file whose first line is no JSON object (a .txt, a CSV) is refused at
    validate time, not found out when the stage that reads it runs."""
    problems = []
    for setting, example in JSONL_EXAMPLES.items():
        for name, raw in _named_paths(config, setting):
            path = Path(raw).expanduser()
            if not raw.strip() or not path.is_file():
                continue  # path_problems says what is wrong with it
            try:
                with open(path, encoding="utf-8") as handle:
                    first = next((line for line in handle if line.strip()), "")
                row = json.loads(first) if first else None
            except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, OSError):
                row = None
            if not isinstance(row, dict):
                problems.append(f"{name}: {path.resolve()} is not JSONL (its first line is no JSON object); "
                                f"expected one object per line like {example}")
            elif setting == "eval.qa_file" and not ("question" in row and "answer" in row):
                problems.append(f"{name}: {path.resolve()} line 1 has no 'question' and 'answer'; expected one "
                                f"object per line like {example}")
    return problems


def endpoints_not_allowed(config: RunConfig, allowed: list[str]) -> list[str]:
    """In a shared app, which addresses the server calls is the operator's choice, not the visitor's:
    an endpoint backend whose base_url is not one of `allowed` (ADAPT_ENDPOINTS) is refused, so no
    form can make the server call an internal address or one that collects what it is sent."""
    if config.augment.backend != "endpoint":
        return []
    url = config.augment.endpoint.base_url.strip().rstrip("/")
    if url in {a.strip().rstrip("/") for a in allowed if a.strip()}:
        return []
    listed = ", ".join(a.strip() for a in allowed if a.strip()) or "none; the operator lists them in ADAPT_ENDPOINTS"
    return [f"augment.endpoint.base_url: {url[:200]} is not an endpoint this app may call (allowed: {listed}); "
            "choose augment.backend rules or local, or one of those"]


def check_launch(config: RunConfig, stop_after: str | None = None, source: str = "config") -> None:
    """Refuse, before anything is created, a run that could only fail or do nothing: a path setting
    that names nothing, or (unless it stops after augment) no stage that trains or evaluates.
    One check for `validate`, `run`/`augment` and the app's Launch."""
    problems = blank_path_problems(config) + path_problems(config) + jsonl_problems(config) + model_problems(config)
    if stop_after is None and not (config.cpt.enabled or config.sft.enabled or config.eval.enabled):
        problems.append("cpt.enabled, sft.enabled, eval.enabled: all false, so the run would train and evaluate "
                        "nothing; turn on at least one (only `python -m adapt augment`, which stops after the "
                        "synthetic data, runs without them)")
    if config.model.fused_kernels:
        problems += _fused_kernel_problems()
    if problems:
        head = f"invalid settings in {source}:" if len(problems) > 1 else f"invalid setting in {source}:"
        raise ConfigError(head + "\n  " + "\n  ".join(problems))


def _fused_kernel_problems() -> list[str]:
    import importlib.util

    import torch

    if not torch.cuda.is_available():
        return ["model.fused_kernels: true, but this machine has no CUDA GPU (Liger's kernels are GPU kernels); "
                "set it to false"]
    if importlib.util.find_spec("liger_kernel") is None:
        return ["model.fused_kernels: true, but liger-kernel is not installed; `pip install liger-kernel`, or set "
                "it to false"]
    return []


def _fields_at(loc: tuple) -> dict[str, Any] | None:
    """The fields of the section a validation error points into, for suggestions."""
    model: Any = RunConfig
    for part in loc:
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return None
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
        else:
            return None
    return dict(model.model_fields)


def _allowed(field_loc: tuple) -> str:
    while field_loc and isinstance(field_loc[-1], int):  # an item of a list: the list's description
        field_loc = field_loc[:-1]
    section = _fields_at(field_loc[:-1])
    if not section:
        return ""
    field = section.get(field_loc[-1])
    if field is None or not field.description:
        return ""
    return f" ({field.description})"


def _message(item: dict, loc: tuple) -> str:
    """pydantic's message for one error, in words that fit 'SETTING: got VALUE; ...'."""
    message = item["msg"]
    if message.startswith("Value error, "):  # our own validators' ValueErrors
        message = message[len("Value error, "):]
    if item["type"] == "model_type":  # a scalar or list where a section belongs
        section = _fields_at(loc) or {}
        message = f"Input should be a section: a mapping of its settings ({', '.join(list(section)[:5])}, ...)"
    if item["type"] == "list_type" and isinstance(item.get("input"), str):
        message += f"; for a single one write [{item['input']}]"
    return message[0].lower() + message[1:]


# A value as an error message shows it: bounded, so that a list of a billion shared references (a YAML
# alias bomb) prints as a few items, not as gigabytes.
_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxtuple, _SHORT.maxstring, _SHORT.maxother, _SHORT.maxlong = 2, 4, 4, 60, 60, 40


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (datetime.date, datetime.time)):
        return str(value)
    shown = _SHORT.repr(value)
    return shown if len(shown) <= 80 else shown[:77] + "..."


def format_validation_error(err: ValidationError, source: str = "config") -> str:
    lines: dict[str, str] = {}  # one line per setting, in pydantic's order
    alternatives: dict[str, list[str]] = {}  # a union's members each report; they become "A or B"
    for item in err.errors():
        # A union's members appear in loc as tags like "list[str]"; they are not settings.
        loc = tuple(p for p in item["loc"] if not (isinstance(p, str) and "[" in p))
        dotted = ".".join(str(p) for p in loc) or "(top level)"
        if item["type"] == "extra_forbidden":
            section = _fields_at(loc[:-1]) or {}
            names = sorted(section)
            close = difflib.get_close_matches(str(loc[-1]), names, n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            lines[dotted] = f"{dotted}: unknown setting.{hint} Allowed here: {', '.join(names)}"
            continue
        alternatives.setdefault(dotted, []).append(_message(item, loc))
        value = item.get("input")
        said = " or ".join([alternatives[dotted][0]] + [m.removeprefix("input should be ") for m in alternatives[dotted][1:]])
        if isinstance(value, (datetime.date, datetime.time)):
            # YAML reads an unquoted 2026-12-06 as a date, not as the text it looks like.
            said += f'; YAML read {value} as a date or time: put it in quotes ("{value}") to mean the text'
        lines[dotted] = f"{dotted}: got {_shown(value)}; {said}{_allowed(loc)}"
    head = f"invalid settings in {source}:" if len(lines) > 1 else f"invalid setting in {source}:"
    return head + "\n  " + "\n  ".join(lines.values())

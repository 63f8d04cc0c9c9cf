"""Typed views of the run directory's JSON files, for whoever reads a run (the app, publishing, the CLI):
status.json as a Status, report.json as a Report. Missing keys become None or empty, once, here, so
readers do not walk the raw dicts with `.get(...) or {}` at every use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from adapt.fileio import read_json


@dataclass(frozen=True)
class StageStatus:
    state: str | None = None  # None: not reached yet
    step: int | None = None
    total_steps: int | None = None
    loss: float | None = None
    eta_s: float | None = None
    started_at: str | None = None
    ended_at: str | None = None

    @classmethod
    def from_dict(cls, raw: dict | None) -> StageStatus:
        raw = raw or {}
        return cls(**{k: raw[k] for k in cls.__dataclass_fields__ if raw.get(k) is not None})


@dataclass(frozen=True)
class Status:
    state: str = "?"
    stage: str | None = None
    owner: str | None = None
    error: str | None = None
    created_at: str | None = None
    started_at: str | None = None
    ended_at: str | None = None
    queued_at: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)
    stages: dict[str, StageStatus] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, raw: dict | None) -> Status:
        raw = raw or {}
        plain = {k: raw[k] for k in ("state", "stage", "owner", "error", "created_at", "started_at", "ended_at",
                                     "queued_at") if raw.get(k) is not None}
        return cls(**plain, outputs=dict(raw.get("outputs") or {}),
                   stages={name: StageStatus.from_dict(entry) for name, entry in (raw.get("stages") or {}).items()})

    def stage_entry(self, name: str | None) -> StageStatus:
        return self.stages.get(name or "") or StageStatus()

    @property
    def current(self) -> StageStatus:
        return self.stage_entry(self.stage)

    @property
    def active(self) -> bool:
        return self.state in ("running", "stopping")


@dataclass(frozen=True)
class Perplexity:
    perplexity: float
    change_pct: float | None = None


@dataclass(frozen=True)
class QAScore:
    questions: int = 0
    fact_match: float | None = None
    similarity: float | None = None
    judge: float | None = None


@dataclass(frozen=True)
class GeneralScore:
    right: int = 0
    kept: int = 0  # of the questions the base answered, how many this model still answers


@dataclass(frozen=True)
class GeneralQuestions:
    """The general-ability check: common-knowledge questions asked to the base and the adapted models."""
    questions: int = 0
    base_right: int = 0
    by_model: dict[str, GeneralScore] = field(default_factory=dict)
    examples: list[dict] = field(default_factory=list)  # answered by the base, lost by the adapted model

    @classmethod
    def from_dict(cls, raw: dict | None) -> GeneralQuestions | None:
        if not isinstance(raw, dict) or not raw.get("questions"):
            return None
        by_model = {model: GeneralScore(int(entry.get("right", 0)), int(entry.get("kept", 0)))
                    for model, entry in (raw.get("by_model") or {}).items() if isinstance(entry, dict)}
        return cls(int(raw["questions"]), int(raw.get("base_right", 0)), by_model, list(raw.get("examples") or []))

    def kept_share(self, model: str) -> float | None:
        """Retention: the share of the base's right answers the model still gives (None: the base answered none)."""
        score = self.by_model.get(model)
        return score.kept / self.base_right if score and self.base_right else None


@dataclass(frozen=True)
class Report:
    models: list[str]
    heldout_domain: dict[str, Perplexity]
    general: dict[str, Perplexity]
    qa: dict[str, dict[str, QAScore]]  # split -> model -> score
    plots: dict[str, str]  # name -> file in the run directory
    finding: str | None = None  # the token analysis's sentence
    general_questions: GeneralQuestions | None = None
    user_qa: dict[str, dict[str, QAScore]] = field(default_factory=dict)  # the user's own questions, by split
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, raw: dict) -> Report:
        ppl = raw.get("perplexity") or {}

        def perplexities(split: str) -> dict[str, Perplexity]:
            return {model: Perplexity(entry["perplexity"], entry.get("change_pct"))
                    for model, entry in (ppl.get(split) or {}).items() if isinstance(entry, dict)}

        def scores_of(section: Any) -> dict[str, dict[str, QAScore]]:
            return {split: {model: QAScore(**{k: v for k, v in scores.items() if k in QAScore.__dataclass_fields__})
                            for model, scores in by_model.items() if isinstance(scores, dict)}
                    for split, by_model in (section or {}).items() if isinstance(by_model, dict)}

        qa = scores_of(raw.get("qa"))
        return cls(models=list(raw.get("models") or []), heldout_domain=perplexities("heldout_domain"),
                   general=perplexities("general"), qa=qa, plots=dict(raw.get("plots") or {}),
                   finding=(raw.get("token_analysis") or {}).get("finding"),
                   general_questions=GeneralQuestions.from_dict(raw.get("general_questions")),
                   user_qa=scores_of(raw.get("user_questions")), raw=raw)

    @classmethod
    def read(cls, path: Path) -> Report | None:
        """The report at `path`, or None while there is no complete one (evaluation not run, or running)."""
        raw = read_json(path, default=None)
        return cls.from_dict(raw) if isinstance(raw, dict) and "models" in raw else None

    @property
    def final_model(self) -> str | None:
        """The last trained model the report scored."""
        return next((m for m in reversed(self.models) if m != "base"), None)

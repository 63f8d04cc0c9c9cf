"""report.json's schema, its plots (PNG) and its Markdown summary (reused by the model card)."""

from __future__ import annotations

import json
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("report_schema.json")
MODEL_LABELS = {"base": "base", "cpt": "after CPT", "sft": "after SFT", "retrieval": "base + retrieval"}


def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _plt():
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    import matplotlib.pyplot as plt

    return plt


def plot_perplexity(report: dict, path: Path) -> Path | None:
    ppl = report.get("perplexity") or {}
    sets = [(name, ppl.get(name)) for name in ("heldout_domain", "general") if ppl.get(name)]
    if not sets:
        return None
    plt = _plt()
    models = list(sets[0][1])
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    width = 0.8 / len(sets)
    for i, (name, values) in enumerate(sets):
        xs = [m + i * width for m in range(len(models))]
        bars = ax.bar(xs, [values[m]["perplexity"] for m in models], width,
                      label="held-out domain" if name == "heldout_domain" else "general (forgetting)")
        ax.bar_label(bars, fmt="%.1f", fontsize=8)
    ax.set_xticks([m + width * (len(sets) - 1) / 2 for m in range(len(models))],
                  [MODEL_LABELS.get(m, m) for m in models])
    ax.set_ylabel("perplexity (lower is better)")
    ax.set_title("Perplexity before and after adaptation")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_tokens(report: dict, path: Path) -> Path | None:
    analysis = report.get("token_analysis") or {}
    by_kind = analysis.get("by_kind")
    if not by_kind:
        return None
    plt = _plt()
    kinds = list(by_kind)
    values = [by_kind[k]["contribution"] for k in kinds]
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.barh(kinds, values, color=["#c0392b" if v > 0 else "#27ae60" for v in values])
    ax.axvline(0, color="black", linewidth=0.8)
    ax.set_xlabel("contribution to the mean loss change (nats/token; < 0 is better)")
    ax.set_title(f"Where the loss changed (mean {analysis['mean_change']:+.3f}, {analysis['tokens']} tokens)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_qa(report: dict, path: Path) -> Path | None:
    qa = report.get("qa") or {}
    splits = [s for s in ("train", "heldout") if qa.get(s)]
    if not splits:
        return None
    plt = _plt()
    fig, axes = plt.subplots(1, len(splits), figsize=(3.6 * len(splits), 3.4), squeeze=False)
    for ax, split in zip(axes[0], splits):
        models = list(qa[split])
        facts = [qa[split][m]["fact_match"] or 0 for m in models]
        sims = [qa[split][m]["similarity"] or 0 for m in models]
        xs = range(len(models))
        ax.bar([x - 0.2 for x in xs], facts, 0.4, label="fact match")
        ax.bar([x + 0.2 for x in xs], sims, 0.4, label="similarity")
        ax.set_xticks(list(xs), [MODEL_LABELS.get(m, m) for m in models], rotation=20, fontsize=8)
        ax.set_ylim(0, 1)
        ax.set_title(f"{'train' if split == 'train' else 'held-out'} questions")
    axes[0][0].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _fmt(value, pct: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:.1%}" if pct else f"{value:.3f}" if isinstance(value, float) else str(value)


def markdown(report: dict) -> str:
    lines = ["## Evaluation", ""]
    pre = report.get("precheck")
    if pre:
        lines += [f"**Pre-check:** {pre['message']}", ""]
    ppl = report.get("perplexity") or {}
    if ppl.get("heldout_domain"):
        lines += ["| perplexity | " + " | ".join(MODEL_LABELS.get(m, m) for m in ppl["heldout_domain"]) + " |",
                  "|---|" + "---|" * len(ppl["heldout_domain"])]
        for name, title in (("heldout_domain", "held-out domain"), ("general", "general text")):
            values = ppl.get(name)
            if values:
                cells = []
                for m, v in values.items():
                    change = f" ({v['change_pct']:+.1f}%)" if "change_pct" in v else ""
                    cells.append(f"{v['perplexity']:.2f}{change}")
                first = next(iter(values.values()))
                lines.append(f"| {title} ({first['documents']} docs, {first['tokens']} tokens) | " + " | ".join(cells) + " |")
        lines.append("")
    qa = report.get("qa") or {}
    if qa.get("heldout") or qa.get("train"):
        models = list((qa.get("heldout") or qa.get("train")))
        lines += ["| closed-book QA | " + " | ".join(MODEL_LABELS.get(m, m) for m in models) + " |",
                  "|---|" + "---|" * len(models)]
        for split in ("train", "heldout"):
            if not qa.get(split):
                continue
            n = next(iter(qa[split].values()))["questions"]
            label = "train" if split == "train" else "held-out"
            for metric, pct in (("fact_match", True), ("similarity", False), ("judge", True)):
                row = [qa[split].get(m, {}).get(metric) for m in models]
                if any(v is not None for v in row):
                    lines.append(f"| {label} {metric.replace('_', ' ')} ({n} questions) | "
                                 + " | ".join(_fmt(v, pct) for v in row) + " |")
        lines.append("")
    tokens = report.get("token_analysis")
    if tokens and tokens.get("finding"):
        lines += [f"**Token-level:** {tokens['finding']}", ""]
    return "\n".join(lines)

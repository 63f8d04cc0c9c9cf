"""report.json's schema, its plots (PNG) and its Markdown summary (reused by the model card)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from adapt.blend import kept_sentence
from adapt.data.questions import QUESTION_SPLITS, SPLIT_NAMES, share_with_range

SCHEMA_PATH = Path(__file__).with_name("report_schema.json")
MODEL_LABELS = {"base": "base", "cpt": "after CPT", "sft": "after SFT", "retrieval": "base + retrieval"}


def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


# What the plots say, per language. Japanese plots are drawn only where a CJK font is installed
# (fonts-noto-cjk): without one matplotlib draws empty boxes, and the English plot is shown instead.
PLOT_TEXT = {
    "en": {"base": "base", "cpt": "after CPT", "sft": "after SFT", "retrieval": "base + retrieval",
           "heldout_domain": "held-out domain", "general": "general (forgetting)",
           "ppl_axis": "perplexity (lower is better)", "ppl_title": "Perplexity before and after adaptation",
           "tokens_axis": "contribution to the mean loss change (nats/token; < 0 is better)",
           "tokens_title": "Where the loss changed (mean {mean:+.3f}, {tokens} tokens)",
           **{split: names["en"] for split, names in SPLIT_NAMES.items()}, "fact_match": "fact match",
           "similarity": "similarity"},
    "ja": {"base": "ベース", "cpt": "CPT後", "sft": "SFT後", "retrieval": "ベース＋検索",
           "heldout_domain": "ドメイン（学習外）", "general": "一般（忘却）",
           "ppl_axis": "パープレキシティ（低いほど良い）", "ppl_title": "適応前後のパープレキシティ",
           "tokens_axis": "平均損失変化への寄与（nats/トークン、負は改善）",
           "tokens_title": "損失が変わった箇所（平均 {mean:+.3f}、{tokens} トークン）",
           **{split: names["ja"] for split, names in SPLIT_NAMES.items()}, "fact_match": "事実一致",
           "similarity": "類似度"},
}
CJK_FONTS = ("Noto Sans CJK JP", "Noto Serif CJK JP", "IPAexGothic", "IPAGothic", "TakaoGothic")


def _plt():
    import matplotlib

    matplotlib.use("Agg")  # no display on a server
    import matplotlib.pyplot as plt

    return plt


@functools.cache
def cjk_font() -> str | None:
    """An installed font that has Japanese glyphs, or None."""
    _plt()
    from matplotlib import font_manager

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def plot_languages() -> list[str]:
    return ["en", "ja"] if cjk_font() else ["en"]


def localized_plot_name(file: str, lang: str) -> str:
    """report_qa.png -> report_qa.ja.png: the same plot in another language."""
    return file if lang == "en" else file.removesuffix(".png") + f".{lang}.png"


def _fonts(lang: str) -> dict:
    if lang == "en":
        return {}
    return {"font.family": ["DejaVu Sans", cjk_font() or "DejaVu Sans"]}


def plot_perplexity(report: dict, path: Path, lang: str = "en") -> Path | None:
    ppl = report.get("perplexity") or {}
    sets = [(name, ppl.get(name)) for name in ("heldout_domain", "general") if ppl.get(name)]
    if not sets:
        return None
    plt, say = _plt(), PLOT_TEXT[lang]
    models = list(sets[0][1])
    with plt.rc_context(_fonts(lang)):
        fig, ax = plt.subplots(figsize=(6.4, 3.6))
        _draw_perplexity(ax, sets, models, say)
        fig.tight_layout()
        fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _draw_perplexity(ax, sets, models, say) -> None:
    width = 0.8 / len(sets)
    for i, (name, values) in enumerate(sets):
        xs = [m + i * width for m in range(len(models))]
        bars = ax.bar(xs, [values[m]["perplexity"] for m in models], width, label=say[name])
        ax.bar_label(bars, fmt="%.1f", fontsize=8)
    ax.set_xticks([m + width * (len(sets) - 1) / 2 for m in range(len(models))], [say.get(m, m) for m in models])
    ax.set_ylabel(say["ppl_axis"])
    ax.set_title(say["ppl_title"])
    ax.legend(fontsize=8)


def plot_tokens(report: dict, path: Path, lang: str = "en") -> Path | None:
    analysis = report.get("token_analysis") or {}
    by_kind = analysis.get("by_kind")
    if not by_kind:
        return None
    plt, say = _plt(), PLOT_TEXT[lang]
    kinds = list(by_kind)
    values = [by_kind[k]["contribution"] for k in kinds]
    with plt.rc_context(_fonts(lang)):
        fig, ax = plt.subplots(figsize=(6.4, 3.4))
        ax.barh(kinds, values, color=["#c0392b" if v > 0 else "#27ae60" for v in values])
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_xlabel(say["tokens_axis"])
        ax.set_title(say["tokens_title"].format(mean=analysis["mean_change"], tokens=analysis["tokens"]))
        fig.tight_layout()
        fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def plot_qa(report: dict, path: Path, lang: str = "en") -> Path | None:
    qa = report.get("qa") or {}
    splits = [s for s in QUESTION_SPLITS if qa.get(s)]
    if not splits:
        return None
    plt, say = _plt(), PLOT_TEXT[lang]
    with plt.rc_context(_fonts(lang)):
        fig, axes = plt.subplots(1, len(splits), figsize=(3.6 * len(splits), 3.4), squeeze=False)
        for ax, split in zip(axes[0], splits):
            models = list(qa[split])
            facts = [qa[split][m]["fact_match"] or 0 for m in models]
            sims = [qa[split][m]["similarity"] or 0 for m in models]
            xs = range(len(models))
            ax.bar([x - 0.2 for x in xs], facts, 0.4, label=say["fact_match"])
            ax.bar([x + 0.2 for x in xs], sims, 0.4, label=say["similarity"])
            ax.set_xticks(list(xs), [say.get(m, m) for m in models], rotation=20, fontsize=8)
            ax.set_ylim(0, 1)
            ax.set_title(say[split], fontsize=9)
        axes[0][0].legend(fontsize=8)
        fig.tight_layout()
        fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def _fmt(value, pct: bool = False) -> str:
    if value is None:
        return "–"
    return f"{value:.1%}" if pct else f"{value:.3f}" if isinstance(value, float) else str(value)


def general_questions_line(general: dict | None) -> str | None:
    """The general-ability check in one sentence: retention of what the base answered, per adapted model."""
    if not general:
        return None
    n, right = general["questions"], general["base_right"]
    head = f"**General questions** ({n} common-knowledge questions, closed book): "
    if not right:
        return head + f"the base answered none of the {n}, so there is nothing it could forget."
    if not general.get("by_model"):
        return None
    kept = [f"{MODEL_LABELS.get(m, m)} it still answers {v['kept']} ({v['kept'] / right:.0%})"
            for m, v in general["by_model"].items()]
    return head + f"of the {right} the base answered, " + ", ".join(kept) + "."


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
    asked = [split for split in QUESTION_SPLITS if qa.get(split)]
    if asked:
        models = list(qa[asked[-1]])
        lines += ["| closed-book QA | " + " | ".join(MODEL_LABELS.get(m, m) for m in models) + " |",
                  "|---|" + "---|" * len(models)]
        for split in asked:
            n = next(iter(qa[split].values()))["questions"]
            label = SPLIT_NAMES[split]["en"]
            for metric, pct in (("fact_match", True), ("similarity", False), ("judge", True)):
                row = [qa[split].get(m, {}).get(metric) for m in models]
                if any(v is not None for v in row):
                    # A fact match with its 95% range: with 5 questions one answer is 20 points.
                    cells = [share_with_range(v, n) if metric == "fact_match" and v is not None else _fmt(v, pct)
                             for v in row]
                    lines.append(f"| {label} {metric.replace('_', ' ')} ({n} questions) | " + " | ".join(cells) + " |")
        lines.append("")
    for split, scores in (report.get("user_questions") or {}).items():
        cells = [f"{MODEL_LABELS.get(m, m)} {share_with_range(v['fact_match'], v['questions'])}"
                 for m, v in scores.items() if v.get("fact_match") is not None]
        if cells:
            lines += [f"**Your own questions** ({split}, scored apart from the generator's): " + ", ".join(cells), ""]
    kept = kept_sentence(report.get("keep_share"))
    if kept:
        lines += [f"**Training kept:** {kept}", ""]
    general = general_questions_line(report.get("general_questions"))
    if general:
        lines += [general, ""]
    tokens = report.get("token_analysis")
    if tokens and tokens.get("finding"):
        lines += [f"**Token-level:** {tokens['finding']}", ""]
    return "\n".join(lines)

"""The Train tab's generated form: what its components hand back makes the same valid RunConfig."""

import gradio as gr

from adapt.config import DEFAULT_CATEGORY_COUNTS, RunConfig
from ui.config_form import ConfigForm
from ui.i18n import Texts


def test_numbers_from_the_browser_as_floats_make_the_same_config():
    config = RunConfig.from_dict({"cpt": {"max_steps": 30, "save_every_steps": 10, "epochs": 3},
                                  "augment": {"categories": DEFAULT_CATEGORY_COUNTS | {"qa_easy": 4}}, "eval": {"retrieval_top_k": 5}})
    with gr.Blocks():
        form = ConfigForm()
        form.build(Texts())
    # The browser sends JSON numbers: 30 may arrive as 30.0. Each component converts its payload
    # as it does in the app (gr.Number with precision 0 rounds to int).
    payloads = [float(v) if isinstance(c, gr.Number) and v is not None else v
                for c, v in zip(form.components, form.values(config))]
    values = [component.preprocess(payload) for component, payload in zip(form.components, payloads)]
    raw = form.to_dict(values)
    raw["model"]["base"], raw["data"] = config.model.base, {**raw.get("data", {}), "paths": []}
    again = RunConfig.from_dict(raw, source="the form")
    assert again == config
    assert type(again.cpt.max_steps) is int and again.augment.categories["qa_easy"] == 4


def test_a_capped_run_says_how_many_documents_it_trains_on_and_estimates_only_those(tiny_model):
    from adapt.estimate import estimate
    from ui.train_tab import estimate_text

    documents = [{"id": f"d{i}", "source": f"d{i}.md", "text": "A plain English sentence about the isles. " * 20,
                  "lang": "en"} for i in range(12)]
    preview = {"totals": {"tokens": 12_000, "characters": 48_000}, "documents": documents}
    capped = RunConfig.from_dict({"model": {"base": str(tiny_model)}, "data": {"max_documents": 3}})
    text = estimate_text(capped, preview, "en")
    assert "data.max_documents = 3" in text and "3 of your 12 documents" in text
    assert "max_documents" not in estimate_text(capped.with_overrides({"data.max_documents": None}), preview, "en")
    # A quarter of the documents: a quarter of the training tokens of the same run uncapped.
    full = estimate(capped.with_overrides({"data.max_documents": None, "data.heldout_fraction": 0.0}), 12_000,
                    documents=12)
    quarter = estimate(capped.with_overrides({"data.heldout_fraction": 0.0}), 12_000, documents=12)
    assert abs(quarter.train_tokens - full.train_tokens * 3 / 12) < 0.02 * full.train_tokens


def test_the_data_tab_text_field_is_the_runs_setting_not_a_copy():
    """Issue 20: the Data tab previewed with its own text-field box while the run took data.text_field from
    the Advanced form, so a JSONL file with its text under `content` previewed fine and failed in the run.
    The Data tab now places the form's own component; the preview's section and the run's are one."""
    with gr.Blocks():
        form = ConfigForm()
        box = form.adopt("data.text_field", lambda value, info: gr.Textbox(value=value, info=info))
        form.build(Texts())
    paths = [path for path, _, _ in form.fields]
    assert paths.count("data.text_field") == 1 and box in form.components
    values = [("content" if c is box else v) for c, v in zip(form.components, form.values(RunConfig()))]
    raw = form.to_dict(values)
    raw["data"]["paths"] = []
    run_section = RunConfig.from_dict(raw, source="the form").data
    data_values = [values[form.components.index(c)] for c in form.section_components("data")]
    preview_section = RunConfig.from_dict({"data": form.section("data", data_values)}, source="the form").data
    assert run_section.text_field == preview_section.text_field == "content"
    assert preview_section.model_dump(exclude={"paths"}) == run_section.model_dump(exclude={"paths"})
    # A recipe button changes recipes, not where the user's text is.
    updates = form.preset_updates(RunConfig())
    assert updates[form.components.index(box)] == gr.update()


def test_every_setting_of_the_form_has_a_japanese_name_and_help_line_after_the_switch():
    """Issue 19 item 9: config field names and help texts stayed English in the Japanese UI."""
    texts = Texts()
    with gr.Blocks():
        form = ConfigForm()
        form.build(texts)
    updates = dict(zip(map(id, texts.components()), texts.updates("ja")))
    english = dict(zip(map(id, texts.components()), texts.updates("en")))
    japanese = [updates[id(component)] for component in form.components]
    assert len(japanese) == len(form.components) > 90
    for (path, kind, component), update in zip(form.fields, japanese):
        assert update["label"] != english[id(component)]["label"], path
        assert any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in update["label"]), path
        if english[id(component)].get("info"):
            assert update["info"] and update["info"] != english[id(component)]["info"], path
    learning_rate = japanese[[p for p, _, _ in form.fields].index("cpt.learning_rate")]
    assert learning_rate["label"] == "学習率（cpt.learning_rate）" and "許容範囲: > 0" in learning_rate["info"]

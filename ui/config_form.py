"""Every RunConfig field as a form, generated from the pydantic model itself.

Generated, not written out, so a field added to the engine's config appears here with its type,
range and description, and nothing can drift between CLI and UI (AutoTrain's lesson: one params
class for both). Ranges come from the Field constraints; lists are one item per line.
"""

from __future__ import annotations

import types
import typing
from typing import Any, Literal

import gradio as gr
from annotated_types import Ge, Gt, Le, Lt
from pydantic import BaseModel

from adapt.config import AUGMENT_CATEGORIES, RunConfig
from ui.config_ja import ALLOWED_JA, CATEGORY_JA, FIELD_JA, ITEMS_PER_DOCUMENT_JA, SECTION_JA
from ui.i18n import Texts

# Set elsewhere in the app: the run's name and base model at the top of the Train tab, the
# documents in the Data tab.
OUTSIDE_THE_FORM = {"name", "model.base", "data.paths"}


def _allowed(field, word: str = "allowed") -> str:
    """The range as words for the help line. Not Gradio's minimum/maximum: its refusal ("Value -1 is
    less than minimum value 0.") names no setting; RunConfig's names the setting, the value and the range."""
    words = []
    for item in field.metadata:
        if isinstance(item, Ge):
            words.append(f">= {item.ge:g}")
        elif isinstance(item, Gt):
            words.append(f"> {item.gt:g}")
        if isinstance(item, Le):
            words.append(f"<= {item.le:g}")
        elif isinstance(item, Lt):
            words.append(f"< {item.lt:g}")
    return f"{word}: {', '.join(words)}" if words else ""


def _label_ja(path: str) -> str:
    """A setting's Japanese name with its YAML path, which is what the CLI and the config file use."""
    return f"{FIELD_JA[path][0]}（{path}）" if path in FIELD_JA else path


def _kind(annotation) -> tuple[str, Any]:
    """('section', model) | ('bool',) | ('int'|'float', optional) | ('choice', options) | ('list',) |
    ('categories',) | ('text', optional)"""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "section", annotation
    if annotation is bool:
        return "bool", None
    if annotation in (int, float):
        return annotation.__name__, False
    if origin is Literal:
        return "choice", list(args)
    if origin is dict:
        return "categories", None
    if origin is list:
        return "list", None
    if origin in (typing.Union, types.UnionType):
        real = [a for a in args if a is not type(None)]
        if len(real) == 1 and real[0] in (int, float):
            return real[0].__name__, True
        if any(typing.get_origin(a) is list for a in real):
            return "list", None  # e.g. target_modules: a list, or the word all-linear
        return "text", True
    return "text", False


class ConfigForm:
    """Components keyed by dotted path, and the conversions between their values and a RunConfig."""

    def __init__(self, initial: RunConfig | None = None) -> None:
        self.fields: list[tuple[str, str, gr.components.Component]] = []  # (path, kind, component)
        self.zero_is_empty: set[str] = set()  # optional numbers that cannot be 0: a 0 from the page means unset
        # Values the components hold from the first render: a click before the page's load event has
        # filled the form must not send empty fields ("seed: got None").
        self.initial = (initial or RunConfig()).model_dump(mode="json")
        self.adopted: set[str] = set()  # fields shown in another tab (data.text_field in the Data tab)

    def build(self, texts: Texts, model: type[BaseModel] = RunConfig, prefix: str = "") -> None:
        """Labels and help lines in English and Japanese (ui/config_ja.py), switched with the page."""
        for name, field in model.model_fields.items():
            path = f"{prefix}{name}"
            if path in OUTSIDE_THE_FORM or path in self.adopted:
                continue
            kind, extra = _kind(field.annotation)
            if kind == "section":
                section_ja = f"{SECTION_JA[path]}（{path}）" if path in SECTION_JA else path
                with texts.literal(gr.Accordion(path, open=False), "label", {"en": path, "ja": section_ja}):
                    self.build(texts, extra, prefix=f"{path}.")
                continue
            if kind == "categories":
                title = {"en": f"{path} (items per document, 0 = off)",
                         "ja": f"{_label_ja(path)}（{ITEMS_PER_DOCUMENT_JA}）"}
                with texts.literal(gr.Accordion(title["en"], open=False), "label", title):
                    with gr.Row():
                        for category in AUGMENT_CATEGORIES:
                            component = gr.Number(label=category, precision=0, min_width=120,
                                                  value=_get(self.initial, f"{path}.{category}"),
                                                  elem_id=f"cfg-{path}.{category}".replace(".", "-"))
                            texts.literal(component, "label",
                                          {"en": category, "ja": f"{CATEGORY_JA.get(category, category)}"})
                            self.fields.append((f"{path}.{category}", "category", component))
                continue
            component = self._component(path, kind, extra, field)
            texts.literal(component, "label", {"en": path, "ja": _label_ja(path)})
            info = {"en": component.info or "", "ja": self._info_ja(path, kind, field)}
            if info["en"]:
                texts.literal(component, "info", info)
            self.fields.append((path, kind, component))

    def _component(self, path: str, kind: str, extra, field) -> gr.components.Component:
        value = _form_value(_get(self.initial, path), kind)
        common = {"label": path, "info": field.description, "elem_id": "cfg-" + path.replace(".", "-"),
                  "value": value}
        if kind == "bool":
            return gr.Checkbox(**common)
        if kind in ("int", "float"):
            if extra and any(isinstance(m, Ge) and m.ge > 0 or isinstance(m, Gt) and m.gt >= 0
                             for m in field.metadata):
                # An emptied number box can reach us as 0; for a setting that may be left empty and may
                # not be 0 (cpt.max_steps), that 0 means "not set", not an error to show.
                self.zero_is_empty.add(path)
            allowed = _allowed(field)
            common["info"] = "; ".join(t for t in (field.description, allowed) if t) or None
            return gr.Number(precision=0 if kind == "int" else None, **common)
        if kind == "choice":
            return gr.Dropdown(choices=extra, **common)
        if kind == "list":
            return gr.Textbox(lines=2, placeholder="one per line", **common)
        return gr.Textbox(**common)

    @staticmethod
    def _info_ja(path: str, kind: str, field) -> str:
        help_ja = FIELD_JA.get(path, ("", field.description or ""))[1]
        if kind in ("int", "float"):
            return "; ".join(t for t in (help_ja, _allowed(field, ALLOWED_JA)) if t)
        return help_ja

    def adopt(self, path: str, make) -> gr.components.Component:
        """The field at `path` as a component another tab places: `make(value, info)` builds it with the
        form's initial value. One component, so the preview and the run read the same setting."""
        section, name = path.rsplit(".", 1)
        field = _model_at(section).model_fields[name]
        kind, _ = _kind(field.annotation)
        component = make(_form_value(_get(self.initial, path), kind), field.description)
        self.fields.append((path, kind, component))
        self.adopted.add(path)
        return component

    def section_components(self, section: str) -> list:
        return [component for path, _, component in self.fields if path.startswith(section + ".")]

    def section(self, section: str, values: list) -> dict:
        """The raw dict of one section from the values of section_components(section)."""
        fields = [f for f in self.fields if f[0].startswith(section + ".")]
        return self._convert(fields, values).get(section, {})

    def preset_updates(self, config: RunConfig) -> list:
        """form.values(config), but a field of another tab (the user's data, not a recipe) is kept."""
        return [gr.update() if path in self.adopted else value
                for (path, _, _), value in zip(self.fields, self.values(config))]

    @property
    def ids(self) -> list[str]:
        """The fields' ids in the UI's registry: cfg.<path>."""
        return [f"cfg.{path}" for path, _, _ in self.fields]

    def section_ids(self, section: str) -> list[str]:
        return [f"cfg.{path}" for path, _, _ in self.fields if path.startswith(section + ".")]

    def register(self, registry) -> None:
        """Every field under its id, once the whole form (and the fields other tabs place) is built."""
        for key, component in zip(self.ids, self.components):
            registry.add(key, component)

    @property
    def components(self) -> list:
        return [component for _, _, component in self.fields]

    def values(self, config: RunConfig) -> list:
        raw = config.model_dump(mode="json")
        return [_form_value(_get(raw, path), kind) for path, kind, _ in self.fields]

    def to_dict(self, values: list) -> dict:
        """Form values -> a raw config dict for RunConfig.from_dict (which validates and explains)."""
        return self._convert(self.fields, values)

    def _convert(self, fields: list, values: list) -> dict:
        raw: dict = {}
        for (path, kind, _), value in zip(fields, values):
            if kind == "list":
                items = [line.strip() for line in str(value or "").splitlines() if line.strip()]
                value = items[0] if path.endswith("target_modules") and items == ["all-linear"] else items
            elif path in self.zero_is_empty and value == 0:
                value = None
            elif kind in ("int", "category") and value is not None and float(value).is_integer():
                value = int(value)
            elif kind == "text" and value == "":
                value = None
            _set(raw, path, value)
        return raw


def _model_at(section: str) -> type[BaseModel]:
    model: type[BaseModel] = RunConfig
    for part in section.split("."):
        model = model.model_fields[part].annotation
    return model


def _form_value(value, kind: str):
    if kind == "list":
        return "\n".join(value) if isinstance(value, list) else str(value)
    if kind == "text" and value is None:
        return ""
    return value


def _get(raw: dict, path: str):
    node = raw
    for part in path.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


def _set(raw: dict, path: str, value) -> None:
    parts = path.split(".")
    node = raw
    for part in parts[:-1]:
        node = node.setdefault(part, {})
    node[parts[-1]] = value

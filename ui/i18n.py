"""English and Japanese UI, switchable at any time.

Gradio's own i18n follows the browser's locale; people also want a visible switch. So every
translated component is created through `Texts.make`, which remembers (component, property, key),
and the language switch returns one update per remembered component. Messages computed in Python
(errors, statuses) take the session's language and go through `say`.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from ui.strings import HEADERS_JA, STRINGS

LANGUAGES = {"English": "en", "日本語": "ja"}


def say(key: str, lang: str = "en", **values: Any) -> str:
    """The text for `key` in `lang` (English when there is no translation), formatted with values."""
    entry = STRINGS.get(key)
    if entry is None:
        return key.format(**values) if values else key
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


def header(text: str, lang: str = "en") -> str:
    """A table column header (its English text) in `lang`."""
    return HEADERS_JA.get(text, text) if lang == "ja" else text


def language_from_header(accept_language: str | None) -> str:
    return "ja" if (accept_language or "").lower().startswith("ja") else "en"


class Texts:
    def __init__(self) -> None:
        self.bound: list[tuple[gr.components.Component | gr.blocks.BlockContext, str, str]] = []

    def make(self, factory, key: str, prop: str = "label", info: str | None = None, **kwargs):
        """factory(label=say(key), ...) with the text remembered for the language switch; `info`
        is a second key for the component's help line."""
        kwargs[prop] = say(key)
        if info:
            kwargs["info"] = say(info)
        component = factory(**kwargs)
        self.bound.append((component, prop, key))
        if info:
            self.bound.append((component, "info", info))
        return component

    def choices(self, component, options: list[tuple[str, object]]):
        """Choices whose labels are translated: (key, value) pairs."""
        self.bound.append((component, "choices", options))
        return component

    def headers(self, component, columns: list[str]):
        """A table whose column headers (English texts) follow the language."""
        self.bound.append((component, "headers", list(columns)))
        return component

    def literal(self, component, prop: str, texts: dict[str, str]):
        """A property whose text is given per language ({"en": ..., "ja": ...}), not a STRINGS key."""
        self.bound.append((component, prop, texts))
        return component

    def bind(self, component, key: str, prop: str = "label"):
        self.bound.append((component, prop, key))
        return component

    def components(self) -> list:
        # A component with a label and an info line is listed once; its update carries both.
        seen, result = set(), []
        for component, _, _ in self.bound:
            if id(component) not in seen:
                seen.add(id(component))
                result.append(component)
        return result

    def updates(self, lang: str) -> list:
        props: dict[int, dict[str, str]] = {}
        for component, prop, key in self.bound:
            if prop == "choices":
                text = [(say(k, lang), v) for k, v in key]
            elif prop == "headers":
                text = [header(column, lang) for column in key]
            elif isinstance(key, dict):
                text = key.get(lang) or key["en"]
            else:
                text = say(key, lang)
            props.setdefault(id(component), {})[prop] = text
        return [gr.update(**props[id(c)]) for c in self.components()]

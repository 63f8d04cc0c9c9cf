"""Components by id, and handlers that take one mapping and return one (LLaMA-Factory's manager, here).

Every component an event reads or writes is registered under an id ("publish.kind"). An event is
wired with ids; its handler receives one `Call` (the values by id, the session, the OAuth token) and
returns a mapping id -> value or gr.update for the outputs it changes; outputs it leaves out stay as
they are. No positional lists to keep in step with a signature, one shape for every handler.
"""

from __future__ import annotations

import inspect
import secrets
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import gradio as gr

from ui.session import Session

SESSION = "session"  # the gr.BrowserState every handler reads


@dataclass
class Call:
    values: dict[str, Any]
    session: Session
    oauth_token: str = field(default="", repr=False)
    progress: Any = None
    request: Any = field(default=None, repr=False)  # gr.Request: headers, for the page load's language

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def lang(self) -> str:
        return self.session.lang


@dataclass(frozen=True)
class Wiring:
    """A handler with its inputs and outputs, for events declared elsewhere (page load, tab select)."""
    fn: Callable[[Call], dict]
    inputs: tuple[str, ...] = ()
    outputs: tuple[str, ...] = ()
    progress: bool = False


class Registry:
    def __init__(self, secret: str | None = None) -> None:
        """secret: the key that signs browser ids (ui.session); without one, a random key for this
        process (browser identities then last until it ends)."""
        self._components: dict[str, Any] = {}
        self._ids: dict[int, str] = {}
        self._secret = secret or secrets.token_hex(32)

    def add(self, key: str, component):
        if key in self._components:
            raise ValueError(f"component id {key!r} is registered twice")
        self._components[key] = component
        self._ids[id(component)] = key
        return component

    def alias(self, key: str, component):
        """A second id for a component (the language switch names every text it redraws); handlers still
        receive its value under its first id."""
        if key in self._components:
            raise ValueError(f"component id {key!r} is registered twice")
        self._components[key] = component
        self._ids.setdefault(id(component), key)
        return component

    def __getitem__(self, key: str):
        return self._components[key]

    def ids(self, prefix: str) -> list[str]:
        return [key for key in self._components if key.startswith(prefix)]

    def on(self, trigger, fn: Callable[[Call], dict] | Wiring, inputs: Iterable[str] = (),
           outputs: Iterable[str] = (), *, progress: bool = False, **kwargs):
        """trigger(...) for a component's event method (button.click, event.then): `fn(call)` gets the
        session and `inputs` by id, and returns {id: value} for some of `outputs`."""
        if isinstance(fn, Wiring):
            fn, inputs, outputs, progress = fn.fn, fn.inputs, fn.outputs, fn.progress
        components = {self._components[SESSION], *(self[key] for key in inputs)}
        function = self._gradio_function(fn, progress)
        # Gradio names the API endpoint after the function: the handler's name, not the wrapper's.
        function.__name__ = function.__qualname__ = fn.__name__
        return trigger(function, components, [self[key] for key in outputs], **kwargs)

    def _call(self, data: dict, request, profile, oauth) -> Call:
        values = {self._ids[id(component)]: value for component, value in data.items()}
        session = Session.load(values.get(SESSION), request, profile, secret=self._secret)
        return Call(values, session, oauth.token if oauth is not None else "", request=request)

    def _outputs(self, result: dict | None) -> dict:
        return {self[key]: value for key, value in (result or {}).items()}

    def _gradio_function(self, fn: Callable[[Call], Any], progress: bool):
        # Gradio fills request, profile, token and progress by their annotations and defaults.
        if inspect.isgeneratorfunction(fn):
            def streaming(data: dict, request: gr.Request, profile: gr.OAuthProfile | None,
                          oauth: gr.OAuthToken | None):
                for result in fn(self._call(data, request, profile, oauth)):
                    yield self._outputs(result)
            return streaming
        if progress:
            def with_progress(data: dict, request: gr.Request, profile: gr.OAuthProfile | None,
                              oauth: gr.OAuthToken | None, bar=gr.Progress()):
                call = self._call(data, request, profile, oauth)
                call.progress = bar
                return self._outputs(fn(call))
            return with_progress

        def plain(data: dict, request: gr.Request, profile: gr.OAuthProfile | None, oauth: gr.OAuthToken | None):
            return self._outputs(fn(self._call(data, request, profile, oauth)))
        return plain

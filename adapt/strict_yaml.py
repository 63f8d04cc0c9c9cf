"""YAML for configs and --set values: safe, bounded and strict.

yaml.safe_load builds no Python objects, but it still expands aliases (a 469-byte file of nested
anchors becomes billions of references, and printing one hung the CLI for minutes), recurses once
per level of nesting (5000 levels: RecursionError), and lets a repeated key silently win. A config
is a few levels of sections, so this loader refuses what no config needs, naming the line.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

MAX_DEPTH = 32  # sections are at most four levels deep; lists and mappings inside a setting add a few
# Values counted as if every alias were written out: a config has a few hundred, a long list of
# files some thousands; nine levels of nine aliases each make 387 million.
MAX_VALUES = 200_000


class StrictLoader(yaml.SafeLoader):
    def __init__(self, stream):
        super().__init__(stream)
        self._depth = 0
        self._sizes: dict[int, int] = {}  # id(node) -> values in it with aliases expanded

    def compose_node(self, parent, index):
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise ComposerError(None, None, f"nested more than {MAX_DEPTH} levels deep; a config is a few "
                                    "levels of sections", self.peek_event().start_mark)
            mark = self.peek_event().start_mark
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if id(node) not in self._sizes:  # an alias returns its anchor's node, already counted
            children = node.value if isinstance(node, yaml.SequenceNode) else \
                [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else []
            self._sizes[id(node)] = 1 + sum(self._sizes.get(id(child), 1) for child in children)
            if self._sizes[id(node)] > MAX_VALUES:
                raise ComposerError(None, None, f"more than {MAX_VALUES:,} values once its aliases (*name) are "
                                    "written out; a config needs far fewer", mark)
        return node

    def construct_mapping(self, node, deep=False):
        # A key given twice: YAML keeps the last one, so `cpt:` written twice drops the first section
        # without a word.
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                line = key_node.start_mark.line + 1
                if key_node.value in seen:
                    raise ConstructorError(None, None, f"'{key_node.value}' is given twice (lines {seen[key_node.value]} "
                                           f"and {line}); only the last would count, so keep one",
                                           key_node.start_mark)
                seen[key_node.value] = line
        return super().construct_mapping(node, deep=deep)


def load(text: str) -> Any:
    """The YAML document in `text`; yaml.YAMLError (with a mark where there is one) for anything refused."""
    loader = StrictLoader(text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()

# Strict reading of PyYAML nodes: every value keeps its file position, every key is consumed.
"""Helpers that turn composed PyYAML nodes into checked Python values.

Errors carry the node's position so that the generator can report `FILE:LINE:COL: error: ...`.
"""

import sys

import yaml

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"


class ModelError(Exception):
    """A fact in the input is wrong; `mark` is the PyYAML mark of the offending node."""

    def __init__(self, mark, message):
        super().__init__(message)
        self.mark = mark
        self.message = message

    def format(self, path):
        if self.mark is None:
            return f"{path}: error: {self.message}"
        return f"{path}:{self.mark.line + 1}:{self.mark.column + 1}: error: {self.message}"


def compose(text):
    """Parse YAML text into a node tree; syntax errors become ModelError."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        raise ModelError(mark, f"YAML syntax: {err.problem}") from None


def _kind(node):
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return {STR: "a string", INT: "a number"}.get(node.tag, f"a {node.tag.rsplit(':', 1)[-1]}")


def mapping(node, what, required, optional=()):
    """Return {key: value node} for a mapping that has every required key and nothing unknown."""
    if not isinstance(node, yaml.MappingNode):
        raise ModelError(node.start_mark, f"{what} must be a mapping, not {_kind(node)}")
    fields = {}
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key in fields:
            raise ModelError(key_node.start_mark, f"duplicate key '{key}' in {what}")
        if key not in required and key not in optional:
            allowed = ", ".join(list(required) + list(optional))
            raise ModelError(key_node.start_mark, f"unknown key '{key}' in {what} (allowed: {allowed})")
        fields[key] = value_node
    for key in required:
        if key not in fields:
            raise ModelError(node.start_mark, f"missing key '{key}' in {what}")
    return fields


def sequence(node, what):
    """Return the item nodes of a list."""
    if not isinstance(node, yaml.SequenceNode):
        raise ModelError(node.start_mark, f"{what} must be a list, not {_kind(node)}")
    return node.value


def string(node, what):
    """Return the text of a string scalar (a number or boolean where a string belongs is an error)."""
    if not isinstance(node, yaml.ScalarNode) or node.tag != STR:
        raise ModelError(node.start_mark, f"{what} must be a string, not {_kind(node)}")
    return node.value


def version_text(node, what):
    """Return the raw text of a version scalar; `4.7` would load as a float, so take it as written."""
    if not isinstance(node, yaml.ScalarNode):
        raise ModelError(node.start_mark, f"{what} must be a version string, not {_kind(node)}")
    return node.value


def integer(node, what):
    """Return the value of a non-negative integer scalar."""
    if not isinstance(node, yaml.ScalarNode) or node.tag != INT:
        raise ModelError(node.start_mark, f"{what} must be a number, not {_kind(node)}")
    value = int(node.value, 0)
    if value < 0:
        raise ModelError(node.start_mark, f"{what} must not be negative")
    return value


def loaded(path, load, *args):
    """load(path, *args), or None once the error is printed as PATH:LINE:COL: error: ... on stderr."""
    try:
        return load(path, *args)
    except ModelError as err:
        print(err.format(path), file=sys.stderr)
    except (OSError, UnicodeDecodeError) as err:
        print(f"{path}: error: cannot read: {err}", file=sys.stderr)
    return None

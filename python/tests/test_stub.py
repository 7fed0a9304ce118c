"""The type stub names exactly what the module defines, class by class, and everything has a docstring."""

import ast
import inspect
import pathlib

import mastoscope
import mastoscope._mastoscope as extension

STUB = pathlib.Path(mastoscope.__file__).with_name("__init__.pyi")


def stub_names():
    """The stub's public names, and for each class its public members (underscored ones are the stub's own)."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    names, classes = set(), {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            names.add(node.name)
            members = set()
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    members.add(item.name)
                elif isinstance(item, ast.AnnAssign):
                    members.add(item.target.id)
            classes[node.name] = {m for m in members if not m.startswith("_")}
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets)
    return {n for n in names if not n.startswith("_") or n == "__version__"}, classes


def module_names(module):
    return {n for n in vars(module) if not n.startswith("_") or n == "__version__"} - {"annotations"}


def test_stub_matches_the_package_and_the_extension():
    names, _ = stub_names()
    package = module_names(mastoscope) - {"_mastoscope"}
    assert names == package
    assert names == module_names(extension)
    assert set(mastoscope.__all__) == names - {"__version__"}


def test_stub_classes_match_their_members():
    _, classes = stub_names()
    for name, members in classes.items():
        cls = getattr(mastoscope, name)
        defined = {m for m in vars(cls) if not m.startswith("_")}
        if issubclass(cls, BaseException):  # ScopeError's attributes are set on each error it raises
            error = _scope_error()
            defined = {m for m in vars(error) if not m.startswith("_")}
        assert members == defined, name


def _scope_error():
    try:
        mastoscope.Scopes("raed")
    except mastoscope.ScopeError as e:
        return e
    raise AssertionError("'raed' parsed")


def test_everything_has_a_docstring():
    assert mastoscope.__doc__ and extension.__doc__
    for name in mastoscope.__all__:
        obj = getattr(mastoscope, name)
        if inspect.isclass(obj) or callable(obj):
            assert (obj.__doc__ or "").strip(), name
        if inspect.isclass(obj):
            assert obj.__module__ == "mastoscope", name
            for member, value in vars(obj).items():
                if member.startswith("_") and member not in ("__init__",):
                    continue
                assert (getattr(value, "__doc__", None) or "").strip(), f"{name}.{member}"


def test_package_docstring_examples():
    import doctest

    failures, tried = doctest.testmod(mastoscope, verbose=False)
    assert tried > 0 and failures == 0

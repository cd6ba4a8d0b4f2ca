"""Every write is one transaction: each public service function is wrapped in
``transaction.atomic`` (decorator or ``with`` block), checked from the source."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "qsdp"


def _service_modules() -> list[Path]:
    modules = sorted(ROOT.glob("*/services.py")) + sorted(ROOT.glob("*/services/*.py"))
    return [m for m in modules if m.name != "__init__.py" and not m.name.startswith("_")]


def _is_atomic(node: ast.expr) -> bool:
    """``transaction.atomic``, ``atomic`` or either called (``atomic(using=…)``)."""
    if isinstance(node, ast.Call):
        node = node.func
    if isinstance(node, ast.Attribute):
        return node.attr == "atomic"
    return isinstance(node, ast.Name) and node.id == "atomic"


def _wrapped(function: ast.FunctionDef) -> bool:
    if any(_is_atomic(d) for d in function.decorator_list):
        return True
    # A ``with transaction.atomic()`` anywhere in the body covers the work
    # (person_update commits its conflict record before it refuses).
    return any(
        isinstance(node, ast.With) and any(_is_atomic(item.context_expr) for item in node.items)
        for node in ast.walk(function)
    )


def _writes(function: ast.FunctionDef) -> bool:
    """Functions that touch the database: the service verbs. Pure helpers
    (``derived_names``) and data classes' methods are not services."""
    names = {n.attr for n in ast.walk(function) if isinstance(n, ast.Attribute)}
    return bool(names & {"save", "create", "delete", "update", "bulk_create", "bulk_update",
                         "get_or_create", "update_or_create", "select_for_update"})  # fmt: skip


def _public_functions(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    ]


def test_the_walk_finds_the_service_modules():
    found = {str(p.relative_to(ROOT)) for p in _service_modules()}
    expected = {
        "people/services.py",
        "reserves/services/reservists.py",
        "militia/services/members.py",
    }
    assert expected <= found
    assert len(found) >= 30


@pytest.mark.parametrize("path", _service_modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_public_service_is_one_transaction(path):
    unwrapped = [f.name for f in _public_functions(path) if _writes(f) and not _wrapped(f)]
    assert unwrapped == []


def test_the_check_sees_an_unwrapped_writer():
    source = "def person_touch(*, person):\n    person.save()\n"
    (function,) = ast.parse(source).body
    assert isinstance(function, ast.FunctionDef)
    assert _writes(function) and not _wrapped(function)

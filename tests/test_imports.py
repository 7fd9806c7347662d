"""The package's import graph, read from the source (every import statement, at module level or
inside a function): no cycle among vntasks modules, and the runtime never reaches the analysis
or evaluation sub-packages."""
from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "pipeline"
PACKAGE = "vntasks"
RUNTIME = ("ingest", "structure", "extractors", "resolve", "learn", "run", "output", "text", "api", "model",
           "errors")
OFF_RUNTIME = (f"{PACKAGE}.analysis", f"{PACKAGE}.evaluate")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join((PACKAGE, *parts))


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return _modules()[name].name == "__init__.py"


def _targets(name: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The vntasks modules an import statement of module ``name`` loads (itself aside)."""
    modules = _modules()
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name in modules]
    if node.level:
        base = name.split(".") if _is_package(name) else name.split(".")[:-1]
        base = base[:len(base) - node.level + 1]
        mod = ".".join(base + ([node.module] if node.module else []))
    else:
        mod = node.module or ""
    if mod not in modules:
        return []
    out = [mod]
    for a in node.names:  # ``from . import formats``: a submodule
        if f"{mod}.{a.name}" in modules:
            out.append(f"{mod}.{a.name}")
    return out


@cache
def import_graph() -> dict[str, frozenset[str]]:
    graph = {}
    for name, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        found: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                found.update(t for t in _targets(name, node) if t != name)
        graph[name] = frozenset(found)
    return graph


def _reachable(start: str) -> set[str]:
    graph, seen, todo = import_graph(), set(), [start]
    while todo:
        for nxt in graph[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def _cycle() -> list[str] | None:
    """One import cycle (its modules, in order), or None."""
    graph = import_graph()
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for nxt in sorted(graph[m]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(graph):
        if m not in state and (found := visit(m)):
            return found
    return None


def test_the_graph_sees_relative_and_submodule_imports():
    graph = import_graph()
    assert "vntasks.text.patterns" in graph["vntasks.ingest.clean"]  # from ..text import patterns as P
    assert "vntasks.ingest.formats" in graph["vntasks.ingest.load"]  # from . import formats (in a function)
    assert "vntasks.run.process" in graph["vntasks.api"]


def test_no_import_cycle():
    assert _cycle() is None, " -> ".join(_cycle())


def _runtime_modules() -> list[str]:
    return sorted(m for m in _modules() if m.count(".") and m.split(".")[1] in RUNTIME)


@pytest.mark.parametrize("module", _runtime_modules())
def test_runtime_never_imports_analysis_or_evaluate(module):
    bad = sorted(m for m in _reachable(module) if m.startswith(OFF_RUNTIME))
    assert not bad, f"{module} reaches {bad}"


def test_the_extract_command_never_imports_analysis_or_evaluate():
    """cmd_extract's own imports, statically, and a real extraction: no analysis or evaluate module
    is loaded (the CLI's parser, which registers every subcommand, is not run)."""
    cli = ast.parse(_modules()["vntasks.cli"].read_text(encoding="utf-8"))
    fn = next(n for n in ast.walk(cli) if isinstance(n, ast.FunctionDef) and n.name == "cmd_extract")
    reached: set[str] = set()
    for node in ast.walk(fn):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for t in _targets("vntasks.cli", node):
                reached |= {t, *_reachable(t)}
    assert reached and not [m for m in reached if m.startswith(OFF_RUNTIME)]
    code = ("import sys, types, tempfile, pathlib; from vntasks.cli import cmd_extract; "
            "d = pathlib.Path(tempfile.mkdtemp()); (d / 'a.txt').write_text('Giao Sở Y tế chủ trì.', encoding='utf-8'); "
            "ns = types.SimpleNamespace(inputs=[str(d)], out=str(d / 'out'), jobs=1, no_cache=False, engine='local', "
            "scheduler=None, quiet=True, max_bytes=10**7, format=[]); cmd_extract(ns); "
            f"print(sorted(m for m in sys.modules if m.startswith({OFF_RUNTIME!r})))")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"

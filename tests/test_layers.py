"""The house's walls: one namespace, layers that only point down, no circles.

``vbgraph.ingest`` ← ``vbgraph.graph`` ← ``vbgraph.app``: a module may import its own
layer and the layers below it, never one above; no module imports another package's
private name; the extractor runs with ``graph`` and ``app`` absent.
"""
from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = {"vbgraph.ingest": ROOT / "ingest", "vbgraph.graph": ROOT / "graph", "vbgraph.app": ROOT / "app"}
RANK = {"vbgraph.ingest": 0, "vbgraph.graph": 1, "vbgraph.app": 2}


def module_files() -> dict[str, Path]:
    """Installed module name → source file, for every module of the three layers."""
    out = {}
    for package, folder in FOLDERS.items():
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join([package, *parts])] = path
    return out


def imports_of(name: str, path: Path) -> list[tuple[str, list[str], int]]:
    """(absolute module, imported names, line) of every import in a file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, [], node.lineno) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((module, [a.name for a in node.names], node.lineno))
    return found


def layer_of(module: str) -> str | None:
    return next((p for p in RANK if module == p or module.startswith(p + ".")), None)


def test_no_upward_import_and_no_bare_layer_names() -> None:
    problems = []
    for name, path in module_files().items():
        own = layer_of(name)
        for module, _, line in imports_of(name, path):
            top = module.split(".")[0]
            if top in ("ingest", "graph", "app"):
                problems.append(f"{path.relative_to(ROOT)}:{line} imports {module!r}: use the installed name vbgraph.{module}")
            target = layer_of(module)
            if target and RANK[target] > RANK[own]:
                problems.append(f"{path.relative_to(ROOT)}:{line}: {own} imports the layer above it ({module})")
    assert not problems, "\n".join(problems)


def test_no_private_names_across_packages() -> None:
    problems = []
    for name, path in module_files().items():
        own_package = name.rpartition(".")[0] if path.name != "__init__.py" else name
        for module, names, line in imports_of(name, path):
            if not layer_of(module):
                continue
            target_package = module.rpartition(".")[0] if module not in module_files() or not module_files()[module].name == "__init__.py" else module
            if target_package == own_package or module == own_package:
                continue
            private = [n for n in names if n.startswith("_")] + [p for p in module.split(".") if p.startswith("_") and p != "__init__"]
            if private:
                problems.append(f"{path.relative_to(ROOT)}:{line} imports private {private} of {module}")
    assert not problems, "\n".join(problems)


def test_no_import_cycles() -> None:
    modules = module_files()
    graph = {name: set() for name in modules}
    for name, path in modules.items():
        for module, names, _ in imports_of(name, path):
            for candidate in [module] + [f"{module}.{n}" for n in names]:
                if candidate in modules and candidate != name:
                    graph[name].add(candidate)
    # Packages' __init__ re-exporting their own modules is not a circle of logic.
    for name, path in modules.items():
        if path.name == "__init__.py":
            graph[name] = {m for m in graph[name] if not m.startswith(name + ".")}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                pytest.fail("import circle: " + " → ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_packaging_lists_every_package() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    packages = {n for n, p in module_files().items() if p.name == "__init__.py"} | {"vbgraph"}
    assert set(config["packages"]) == packages
    assert config["package-dir"] == {"vbgraph": "vbgraph", **{k: v.name for k, v in FOLDERS.items()}}


BLOCK_UPPER_LAYERS = r'''
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[:2] in (["vbgraph", "graph"], ["vbgraph", "app"]) or name.split(".")[0] in ("graph", "app"):
            raise ImportError(f"{name} is absent in this test")
        return None
sys.meta_path.insert(0, Block())
import spacy
from vbgraph.ingest import extract_text
e = extract_text("Thực hiện Nghị quyết số 35-NQ/TW ngày 22/10/2018 của Bộ Chính trị")
assert [c.ref.symbol for c in e.citations] == ["35-NQ/TW"], e
assert e.citations[0].id == "vn/national/tw/nq/2018/35", e.citations[0].id
nlp = spacy.blank("xx"); nlp.add_pipe("vbgraph_citations")
doc = nlp("Căn cứ Kết luận số 224-KL/TU của Tỉnh ủy")
assert [s._.vb_number for s in doc.spans["vbgraph_citations"]] == ["224"]
assert not [m for m in sys.modules if m.startswith(("vbgraph.graph", "vbgraph.app"))]
print("ok")
'''


def test_extractor_runs_without_graph_and_app(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_UPPER_LAYERS], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-2000:]


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the source tree")
def test_wheel_holds_one_namespace(tmp_path: Path) -> None:
    """``pip wheel .`` gives vbgraph/ingest, vbgraph/graph, vbgraph/app and nothing at the top but vbgraph."""
    import zipfile

    import shutil

    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    src = tmp_path / "src"
    for name in tracked:  # a copy, so that setuptools' build/ folder is not left in the work tree
        if (ROOT / name).is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, src / name)
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(src)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = tmp_path.glob("vbgraph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert tops == {"vbgraph"}, tops
    for part in ("vbgraph/ingest/find.py", "vbgraph/graph/store.py", "vbgraph/app/cli.py", "vbgraph/ingest/data/aliases.csv",
                 "vbgraph/ingest/data/central_codes.csv", "vbgraph/app/explorer/views/search.py"):
        assert part in names, part


def test_no_lazy_import_across_packages() -> None:
    """An import of another layer inside a function hides a dependency: imports across
    packages stand at the top of the module."""
    problems = []
    for name, path in module_files().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        own = layer_of(name)
        for func in ast.walk(tree):
            if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(func):
                if isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    target = layer_of(node.module) or (layer_of(f"{node.module}.{node.names[0].name}") if node.module == "vbgraph" else None)
                    if target and target != own:
                        problems.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {node.module} inside {func.name}()")
    assert not problems, "\n".join(problems)

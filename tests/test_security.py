"""No document text or user input ever becomes SQL or Cypher; credentials stay out of git.

1. Every module of the distribution that can run SQL or Cypher is scanned with
   ``ast``. The modules are found, not listed: each ``.py`` under the folders of
   ``[tool.setuptools.package-dir]`` that imports ``sqlite3`` or ``neo4j``, calls
   one of the query methods below with a statement, or holds SQL/Cypher text.
   Every ``execute``/``executemany``/``executescript``/``execute_query``/``run``/
   ``_q`` call whose statement is built (an f-string, ``%``, ``.format(...)`` or
   ``+``) may only splice in constants: module constants, ``",".join("?" * n)``
   placeholder lists, ``a if c else b`` of those, local names built from those,
   and parameters that the function checks against a constant list
   (``if rel_type not in REL_TYPES: raise …``) or that every caller in the module
   passes a constant. A statement that is a parameter of a wrapper
   (``def _rows(db, sql): return db.execute(sql)``) is checked at the wrapper's
   callers in the module (a wrapper no one in the module calls is flagged: its
   name belongs in ``CALLS``). Statements built at module level must be constant
   too; a built module constant with no SQL or Cypher word (a regex) is not one.
2. A document full of SQL and Cypher is ingested, stored verbatim, queried,
   and loaded through a fake Neo4j driver: the text reaches the driver only as
   a parameter, and the store is intact.
3. ``.env`` is ignored by git and ``.env.example`` carries no real password.
"""
from __future__ import annotations

import ast
import re
import sqlite3
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CALLS = {"execute", "executemany", "executescript", "execute_query", "run", "_q"}
DRIVERS = {"sqlite3", "neo4j"}
# Words that open or shape a SQL or Cypher statement, as the modules write them (upper case).
STATEMENT_WORDS = re.compile(
    r"\b(?:SELECT\b|INSERT\s+(?:OR\s+\w+\s+)?INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b|PRAGMA\b"
    r"|(?:CREATE|DROP)\s+(?:TABLE|INDEX|VIEW|TRIGGER|CONSTRAINT)\b|MATCH\s*\(|MERGE\s*\(|UNWIND\s+\$|DETACH\s+DELETE\b)"
)


def package_files() -> list[Path]:
    """Every ``.py`` of the distribution: the folders ``pyproject.toml`` maps to packages."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    folders = {ROOT / d for d in config["tool"]["setuptools"]["package-dir"].values()}
    return sorted(p for folder in folders for p in folder.rglob("*.py"))


def _imports(tree: ast.Module) -> set[str]:
    """Top-level names of the modules a module imports (``neo4j`` for ``from neo4j.exceptions import …``)."""
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out


def _statement_text(tree: ast.Module) -> bool:
    """Whether a string written in the module (docstrings aside) reads as SQL or Cypher."""
    docs = {id(b.body[0].value) for b in ast.walk(tree)
            if isinstance(b, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and b.body and isinstance(b.body[0], ast.Expr) and isinstance(b.body[0].value, ast.Constant)}
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs
               and STATEMENT_WORDS.search(n.value) for n in ast.walk(tree))


def runs_queries(source: str) -> bool:
    """Whether a module can run SQL or Cypher: it imports a driver, calls a query method
    with a statement, or holds statement text (``graph/cypher.py``'s constants)."""
    tree = ast.parse(source)
    calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in CALLS and n.args
                for n in ast.walk(tree))
    return bool(_imports(tree) & DRIVERS) or calls or _statement_text(tree)


QUERY_MODULES = [p for p in package_files() if runs_queries(p.read_text(encoding="utf-8"))]


# ---------------------------------------------------------------------------
# The scanner
# ---------------------------------------------------------------------------


def _is_const_name(name: str) -> bool:
    return name.lstrip("_").isupper()


def _is_placeholders(node: ast.AST) -> bool:
    """``",".join("?" * len(x))`` (or with ``", "``)."""
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join"
        and isinstance(node.func.value, ast.Constant) and len(node.args) == 1
        and isinstance(node.args[0], ast.BinOp) and isinstance(node.args[0].op, ast.Mult)
        and isinstance(node.args[0].left, ast.Constant) and node.args[0].left.value == "?"
    )


class _Scope:
    """What the scanner knows about one function: assignments and guarded parameters."""

    def __init__(self, module: ast.Module, func: ast.FunctionDef | None):
        self.module, self.func = module, func
        self.assigned: dict[str, list[ast.AST]] = {}
        self.params = set()
        self.guarded = set()
        if func is None:
            return
        self.params = {a.arg for a in func.args.args + func.args.kwonlyargs}
        for node in ast.walk(func):
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    if isinstance(t, ast.Name):
                        self.assigned.setdefault(t.id, []).append(node.value)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                self.assigned.setdefault(node.target.id, []).append(node.value)
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                  and node.func.attr in ("append", "extend") and isinstance(node.func.value, ast.Name)):
                self.assigned.setdefault(node.func.value.id, []).extend(node.args)
            elif isinstance(node, ast.If) and isinstance(node.test, ast.Compare):
                t = node.test
                if (isinstance(t.left, ast.Name) and isinstance(t.ops[0], ast.NotIn)
                        and isinstance(t.comparators[0], ast.Name) and _is_const_name(t.comparators[0].id)
                        and any(isinstance(s, ast.Raise) for s in node.body)):
                    self.guarded.add(t.left.id)


def _callers_pass_constants(module: ast.Module, func: ast.FunctionDef, param: str) -> bool:
    """Every call of ``func`` in the module passes a constant string for ``param``."""
    names = [a.arg for a in func.args.args]
    index = names.index(param) - (1 if names and names[0] == "self" else 0) if param in names else None
    found = False
    for node in ast.walk(module):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if not ((isinstance(f, ast.Name) and f.id == func.name) or (isinstance(f, ast.Attribute) and f.attr == func.name)):
            continue
        found = True
        arg = next((k.value for k in node.keywords if k.arg == param), None)
        if arg is None and index is not None and index < len(node.args):
            arg = node.args[index]
        if not (isinstance(arg, ast.Constant) and isinstance(arg.value, str)):
            return False
    return found


def _safe(node: ast.AST, scope: _Scope, seen: frozenset = frozenset()) -> bool:
    """Whether ``node`` can only produce text the module's author wrote."""
    if isinstance(node, ast.Constant):
        return True
    if _is_placeholders(node):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(_safe(v.value if isinstance(v, ast.FormattedValue) else v, scope, seen) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _safe(node.left, scope, seen) and _safe(node.right, scope, seen)
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_safe(e, scope, seen) for e in node.elts)
    if isinstance(node, ast.IfExp):  # "admin_units_legacy" if era == "legacy" else "admin_units"
        return _safe(node.body, scope, seen) and _safe(node.orelse, scope, seen)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if node.func.attr == "format":
            return _safe(node.func.value, scope, seen) and all(_safe(a, scope, seen) for a in node.args) \
                and all(_safe(k.value, scope, seen) for k in node.keywords)
        if node.func.attr == "join" and isinstance(node.func.value, ast.Constant) and len(node.args) == 1:
            return _safe(node.args[0], scope, seen)  # " AND ".join(where): safe when every part is
    if isinstance(node, ast.Attribute):  # cypher.SEARCH, self.X: module constants of another module
        return _is_const_name(node.attr)
    if isinstance(node, ast.Name):
        if _is_const_name(node.id) or node.id in scope.guarded:
            return True
        if node.id in seen:
            return True
        if node.id in scope.assigned:
            return all(_safe(v, scope, seen | {node.id}) for v in scope.assigned[node.id])
        if node.id in scope.params and scope.func is not None:
            return _callers_pass_constants(scope.module, scope.func, node.id)
        return False
    return False


def _built(node: ast.AST) -> bool:
    """Whether a statement argument is built from pieces (rather than a literal or a name)."""
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod))) or (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
    )


def unsafe_statements(source: str, filename: str = "<src>") -> list[str]:
    """``file:line: call`` for every query call whose statement splices in something not constant."""
    module = ast.parse(source, filename)
    funcs = {id(n): n for n in ast.walk(module) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    parent_func: dict[int, ast.FunctionDef | None] = {}

    def visit(node: ast.AST, func) -> None:
        for child in ast.iter_child_nodes(node):
            parent_func[id(child)] = func
            visit(child, funcs.get(id(child), func))

    visit(module, None)
    bad = []
    for node in ast.walk(module):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in CALLS and node.args):
            continue
        stmt = node.args[0]
        scope = _Scope(module, parent_func.get(id(node)))
        if isinstance(stmt, ast.Name) and stmt.id in scope.assigned:
            stmt_nodes = [(s, scope) for s in scope.assigned[stmt.id]]
        elif _is_wrapped_parameter(stmt, scope):
            stmt_nodes = _wrapper_arguments(module, scope.func, stmt.id, parent_func)
            if not stmt_nodes:  # a wrapper nobody in the module calls: its statements come from elsewhere
                bad.append(f"{filename}:{node.lineno}: {ast.unparse(node)[:120]} (statement from outside the module)")
        else:
            stmt_nodes = [(stmt, scope)]
        for s, where in stmt_nodes:
            if _built(s) and not _safe(s, where):
                bad.append(f"{filename}:{getattr(s, 'lineno', node.lineno)}: {ast.unparse(s)[:120]}")
    # Statements built at module level (cypher.py's constants) must be constant too; a built
    # constant without a word of SQL or Cypher (a regex piece such as places.py's _UY) is not one.
    for node in module.body:
        if (isinstance(node, ast.Assign) and _built(node.value) and not _safe(node.value, _Scope(module, None))
                and _reads_as_statement(node.value)):
            bad.append(f"{filename}:{node.lineno}: {ast.unparse(node)[:120]}")
    return bad


def _reads_as_statement(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and STATEMENT_WORDS.search(n.value)
               for n in ast.walk(node))


def _is_wrapped_parameter(stmt: ast.AST, scope: _Scope) -> bool:
    """``sql`` in ``def _rows(db, sql): return db.execute(sql)``; a method named in CALLS
    (``Store._q``) is a query call itself, checked wherever it is called."""
    return (isinstance(stmt, ast.Name) and scope.func is not None and stmt.id in scope.params
            and stmt.id not in scope.guarded and scope.func.name not in CALLS)


def _wrapper_arguments(module: ast.Module, func: ast.FunctionDef, param: str, parent_func: dict) -> list:
    """(argument, caller's scope) for ``param`` at every call of ``func`` in the module."""
    names = [a.arg for a in func.args.args]
    index = names.index(param) - (1 if names and names[0] == "self" else 0) if param in names else None
    out = []
    for node in ast.walk(module):
        f = getattr(node, "func", None)
        if not (isinstance(node, ast.Call) and ((isinstance(f, ast.Name) and f.id == func.name)
                                                or (isinstance(f, ast.Attribute) and f.attr == func.name))):
            continue
        arg = next((k.value for k in node.keywords if k.arg == param), None)
        if arg is None and index is not None and index < len(node.args):
            arg = node.args[index]
        if arg is None:
            continue
        scope = _Scope(module, parent_func.get(id(node)))
        if isinstance(arg, ast.Name) and arg.id in scope.assigned:
            out += [(v, scope) for v in scope.assigned[arg.id]]
        else:
            out.append((arg, scope))
    return out


# ---------------------------------------------------------------------------
# 1. The query modules pass values only as parameters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("module", QUERY_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_query_module_builds_no_statement_from_values(module: Path):
    assert unsafe_statements(module.read_text(encoding="utf-8"), str(module.relative_to(ROOT))) == []


# A second, cruder reading than runs_queries: plain text, so that a gap in the AST rules shows.
_DRIVER_OR_EXECUTE = re.compile(
    r"^(?!\s*(?:>>>|\.\.\.))(?:\s*(?:import|from)\s+(?:sqlite3|neo4j)\b|.*\.execute(?:many|script|_query)?\s*\()", re.M)


def test_every_module_that_imports_a_driver_or_executes_is_scanned():
    files = package_files()
    assert files and all(p.suffix == ".py" for p in files)
    missing = [str(p.relative_to(ROOT)) for p in files
               if _DRIVER_OR_EXECUTE.search(p.read_text(encoding="utf-8")) and p not in QUERY_MODULES]
    assert missing == [], f"modules that can run SQL or Cypher but are not scanned: {missing}"
    # Discovery finds the SQLite store and the Neo4j backend wherever they live.
    found = set().union(*(_imports(ast.parse(p.read_text(encoding="utf-8"))) for p in QUERY_MODULES))
    assert DRIVERS <= found


@pytest.mark.parametrize(
    "source,expected",
    [
        ("import sqlite3", True),
        ("from neo4j import GraphDatabase", True),
        ("import neo4j.exceptions", True),
        ("def f(con, q):\n    con.execute(q)", True),
        ("def f(con, rows):\n    con.executemany('INSERT INTO t VALUES (?)', rows)", True),
        ("def f(session):\n    session.run('MATCH (n) RETURN n')", True),
        ("def f(store):\n    return store._q('SELECT 1')", True),
        ('Q = """MATCH (n:Directive) RETURN n"""', True),
        ('Q = "UNWIND $rows AS row MERGE (d:Directive {id: row.id})"', True),
        ('PRUNE = "MATCH ()-[r]->() DELETE r"', True),
        ("import re\nX = re.compile('(?:a|b)')", False),
        ("def main(nav):\n    nav.run()", False),
        ('"""A docstring may say SELECT * FROM t."""\ndef f():\n    """or MATCH (n)."""', False),
        ("def f(store):\n    return store.search('35-NQ/TW')", False),
    ],
)
def test_discovery_reads_what_a_module_does_not_its_name(source: str, expected: bool):
    assert runs_queries(source) is expected


@pytest.mark.parametrize(
    "snippet",
    [
        'def f(con, name):\n    con.execute(f"SELECT * FROM t WHERE name = \'{name}\'")',
        'def f(con, name):\n    con.execute("SELECT * FROM t WHERE name = \'%s\'" % name)',
        'def f(con, name):\n    con.execute("SELECT * FROM t WHERE name = \'{}\'".format(name))',
        'def f(con, name):\n    con.execute("SELECT * FROM t WHERE name = \'" + name + "\'")',
        'def f(con, name):\n    sql = f"SELECT {name}"\n    con.execute(sql)',
        'def f(self, text):\n    where = ["a = 1"]\n    where.append(f"b = \'{text}\'")\n    self._q(f"SELECT 1 WHERE {\' AND \'.join(where)}")',
        'def f(driver, label):\n    driver.execute_query(f"MATCH (n:{label}) RETURN n")',
        'def g(self, col):\n    self._q(f"SELECT {col} FROM t")\ndef h(self, x):\n    self.g(x)',
        # a wrapper hides the call: its callers' statements are read
        'def _rows(db, sql):\n    return db.execute(sql)\ndef f(db, name):\n    return _rows(db, f"SELECT * FROM {name}")',
        'def _rows(db, sql):\n    return db.execute(sql)\ndef f(db, name):\n    q = "SELECT " + name\n    return _rows(db, sql=q)',
        'def rows(db, sql):\n    return db.execute(sql)',
        'def f(con, era, x):\n    t = "a" if era else x\n    con.execute(f"SELECT * FROM {t}")',
        'import os\nQ = f"MATCH (n:{os.environ[\'LABEL\']}) RETURN n"',
    ],
)
def test_scanner_flags_values_spliced_into_statements(snippet: str):
    assert unsafe_statements(snippet), snippet


@pytest.mark.parametrize(
    "snippet",
    [
        'def f(con, ids):\n    marks = ",".join("?" * len(ids))\n    con.execute(f"SELECT 1 FROM t WHERE id IN ({marks})", ids)',
        'COLS = "a, b"\ndef f(con):\n    con.execute(f"SELECT {COLS} FROM t")',
        'def f(rel):\n    if rel not in TYPES:\n        raise ValueError(rel)\n    return f"MERGE ()-[:{rel}]->()"',
        'def g(self, col):\n    self._q(f"SELECT {col} FROM t")\ndef h(self):\n    self.g("src")',
        'def _rows(db, sql):\n    return db.execute(sql)\ndef f(db, era):\n    t = "a" if era else "b"\n    return _rows(db, f"SELECT * FROM {t}")',
        '_UY = f"(?:{_ci(\'ủy\')}|{_ci(\'uỷ\')})"',
    ],
)
def test_scanner_accepts_constants_and_placeholders(snippet: str):
    assert unsafe_statements(snippet) == []


# ---------------------------------------------------------------------------
# 2. Hostile document text is stored verbatim and stays data
# ---------------------------------------------------------------------------

SQL_BAIT = "'); DROP TABLE directives; --"
CYPHER_BAIT = "MATCH (n) DETACH DELETE n"
HOSTILE = (
    "HUYỆN ỦY TAM ĐƯỜNG\n*\nSố 102 - KH/HU\nTam Đường, ngày 26 tháng 01 năm 2022\nKẾ HOẠCH\n"
    f"Thực hiện Kết luận số 224-KL/TU ngày 18/10/2021 của Tỉnh ủy {SQL_BAIT} {CYPHER_BAIT}\n"
    "I. MỤC ĐÍCH\n"
    f"Triển khai Nghị quyết số 35-NQ/TW của Bộ Chính trị \"; DELETE FROM edges; {CYPHER_BAIT} // ' OR 1=1 --.\n"
)
HOSTILE_NAME = "kh'); DROP TABLE files; --.txt"


@pytest.fixture()
def hostile_store(tmp_path):
    from vbgraph.graph.build import ingest
    from vbgraph.graph.store import Store

    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / HOSTILE_NAME).write_text(HOSTILE, encoding="utf-8")
    (folder / "plain.txt").write_text("Kế hoạch số 5-KH/HU ngày 1/2/2022 thực hiện Nghị quyết số 35-NQ/TW.", encoding="utf-8")
    store = Store(tmp_path / "s.sqlite")
    summary = ingest([folder], store, progress=False)
    assert summary.failed == 0
    yield store
    store.close()


def _tables(store) -> set[str]:
    return {r[0] for r in store._q("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_hostile_text_is_stored_verbatim_and_the_store_is_intact(hostile_store):
    from vbgraph.graph import queries

    assert {"files", "edges", "directives", "meta", "dirty", "jurisdictions", "succession"} <= _tables(hostile_store)
    names = [r[0] for r in hostile_store._q("SELECT name FROM files ORDER BY name")]
    assert HOSTILE_NAME in names
    sentences = [r[0] or "" for r in hostile_store._q("SELECT sentence FROM edges")]
    assert any(SQL_BAIT in s and CYPHER_BAIT in s for s in sentences), sentences
    counts = hostile_store.counts()
    assert counts["edges"] >= 2 and counts["directives"] >= 3
    for text in (SQL_BAIT, CYPHER_BAIT, "' OR 1=1 --", "35-NQ/TW'; DROP TABLE edges; --", "%' OR '%'='", "\\\"; --"):
        try:
            queries.search(hostile_store, text)
        except Exception as err:  # a refusal is fine, as long as it is the package's own error
            from vbgraph.graph.errors import GraphError

            assert isinstance(err, GraphError), f"{text!r}: {type(err).__name__}: {err}"
        try:
            queries.directive(hostile_store, "vn/" + text)
        except Exception as err:
            from vbgraph.graph.errors import GraphError

            assert isinstance(err, GraphError), f"{text!r}: {type(err).__name__}: {err}"
    assert hostile_store.counts() == counts
    assert "directives" in _tables(hostile_store)


def test_hostile_text_reaches_neo4j_only_as_parameters(hostile_store):
    from vbgraph.graph import cypher
    from vbgraph.graph.neo4j_backend import Neo4jBackend, load

    class Fake:
        def __init__(self):
            self.calls = []

        def execute_query(self, query, parameters_=None, database_=None):
            self.calls.append((query, parameters_ or {}))
            return ([{"deleted": 0}], None, [])

    fake = Fake()
    load(hostile_store, Neo4jBackend(fake))
    known = set(cypher.ALL_STATEMENTS)
    assert all(q in known for q, _ in fake.calls)
    assert not any(SQL_BAIT in q or HOSTILE_NAME in q for q, _ in fake.calls)
    assert any(SQL_BAIT in repr(p) for _, p in fake.calls), "the hostile sentence was not sent as a parameter"


def test_store_file_is_untouched_by_a_read_only_open(hostile_store):
    con = sqlite3.connect(f"file:{hostile_store.path}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError):
            con.execute("DROP TABLE directives")
    finally:
        con.close()


# ---------------------------------------------------------------------------
# 3. Credentials
# ---------------------------------------------------------------------------


def _git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def test_dot_env_is_ignored_and_not_tracked():
    if _git("rev-parse", "--git-dir").returncode != 0:
        pytest.skip("not a git checkout")
    assert _git("check-ignore", "-q", ".env").returncode == 0, ".env is not git-ignored"
    assert _git("ls-files", "--error-unmatch", ".env").returncode != 0, ".env is tracked by git"


_PLACEHOLDER_WORDS = ("change", "example", "your", "set", "secret", "xxx", "placeholder", "password")


def _env_values(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            out[key.strip()] = value.strip().strip("'\"")
    return out


def test_env_example_has_no_real_password():
    example = ROOT / ".env.example"
    if not example.exists():
        pytest.skip("no .env.example")
    for key, value in _env_values(example.read_text(encoding="utf-8")).items():
        if any(w in key.upper() for w in ("PASSWORD", "SECRET", "TOKEN", "KEY")):
            assert not value or any(w in value.lower() for w in _PLACEHOLDER_WORDS), f"{key}={value!r} looks real"


def test_docker_compose_ships_no_password():
    compose = next((ROOT / n for n in ("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml") if (ROOT / n).exists()), None)
    if compose is None:
        pytest.skip("no compose file")
    for line in compose.read_text(encoding="utf-8").splitlines():
        s = line.split("#", 1)[0]
        if "NEO4J_AUTH" in s or "PASSWORD" in s:
            # every credential comes from the environment: ${NEO4J_PASSWORD…}
            value = s.split(":", 1)[1] if ":" in s else s
            if "/" in value or "PASSWORD" in s.split(":", 1)[0]:
                assert "${" in value or "$$" in value, f"{compose.name}: {line.strip()!r} has a literal credential"

"""Dependency manifests of every ecosystem, read into (name, line, dev) entries.

Structured formats are parsed (TOML with tomllib, JSON with json); the rest
(requirements, go.mod, pom.xml, Gradle, Gemfile, *.csproj, mix.exs) are scanned
line by line, which is all a dependency list needs.
"""
from __future__ import annotations

import re

from msgspec import Struct, field

from gate.collect.ops.common import line_of, read_json, read_toml
from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy
from gate.model.location import Location


def manifest_files(repo: RepoFiles) -> list[str]:
    """Every dependency manifest of the tree, in file order: its names looked up, not each file asked."""
    found = {*repo.named(*_NAMES), *repo.containing("requirements"), *repo.ending(".csproj", ".fsproj")}
    return [p for p in sorted(found) if ecosystem(p)]


_NAMES = ("pyproject.toml", "Pipfile", "setup.cfg", "package.json", "go.mod", "pom.xml", "build.gradle",
          "build.gradle.kts", "libs.versions.toml", "Gemfile", "Directory.Packages.props", "packages.config",
          "Cargo.toml", "composer.json", "mix.exs")


# manifest file name -> ecosystem (the signature groups are named after these)
def ecosystem(path: str) -> str | None:
    name = path.rsplit("/", 1)[-1]
    if re.fullmatch(r"requirements[^/]*\.(txt|in)|pyproject\.toml|Pipfile|setup\.cfg", name):
        return "python"
    if name == "package.json":
        return "npm"
    if name == "go.mod":
        return "go"
    if name == "pom.xml" or re.fullmatch(r"build\.gradle(\.kts)?|libs\.versions\.toml", name):
        return "maven"
    if name == "Gemfile":
        return "ruby"
    if name.endswith((".csproj", ".fsproj")) or name in ("Directory.Packages.props", "packages.config"):
        return "nuget"
    if name == "Cargo.toml":
        return "cargo"
    if name == "composer.json":
        return "composer"
    if name == "mix.exs":
        return "hex"
    return None


class Dep(Struct, frozen=True):
    name: str
    ecosystem: str
    loc: Location
    dev: bool = False
    group: str = ""     # the optional-dependency group / extra / poetry group that holds it


# groups whose name says they are for development, whatever installs them
DEV_GROUP = lazy(r"^(dev|devel|develop|development|tests?|testing|lint|linting|linters?|docs?|typing|types|mypy|"
                 r"format|fmt|ci|bench|benchmarks?|tools?|qa|check|style|pre-commit|coverage|debug|local)$", re.I)


class Manifests(Struct):
    deps: list[Dep] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    packages: dict[str, dict] = field(default_factory=dict)  # package.json path -> parsed


_REQ = lazy(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(?:[<>=!~;@ ]|$)")
_PEP508 = lazy(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_GOREQ = lazy(r"^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]{2,}/[^\s]+)\s+v[0-9]")
_GRADLE = lazy(r"""["']([\w.-]+):([\w.-]+)(?::[^"']*)?["']""")
_GRADLE_MAP = lazy(r"""group\s*[:=]\s*["']([\w.-]+)["']\s*,\s*name\s*[:=]\s*["']([\w.-]+)["']""")
_GEM = lazy(r"""^\s*gem\s+["']([\w.-]+)["']""")
_NUGET = lazy(r"""<Package(?:Reference|Version)\s+Include\s*=\s*"([^"]+)"|<package\s+id="([^"]+)\"""", re.I)
_MIX = lazy(r"\{\s*:(\w+)\s*,")
_DEV_LINE = lazy(r"(testImplementation|testRuntimeOnly|testCompileOnly|androidTestImplementation|kapt|detekt)\b")


def read_manifests(repo: RepoFiles, paths: list[str]) -> Manifests:
    out = Manifests()
    for path in paths:
        eco = ecosystem(path)
        if eco is None:
            continue
        text = repo.read(path)
        if text is None:
            continue
        out.files.append(path)
        name = path.rsplit("/", 1)[-1]
        add = lambda n, line, dev=False, group="": out.deps.append(Dep(n.lower(), eco, Location(path, line), dev, group))  # noqa: E731
        if name == "package.json":
            _package_json(repo, path, text, add, out)
        elif name in ("pyproject.toml", "Pipfile", "Cargo.toml", "libs.versions.toml"):
            _toml(repo, path, text, name, add)
        elif name == "composer.json":
            doc = read_json(repo, path)
            if isinstance(doc, dict):
                for key, dev in (("require", False), ("require-dev", True)):
                    for dep in (doc.get(key) or {}) if isinstance(doc.get(key), dict) else {}:
                        add(dep, line_of(text, f'"{dep}"'), dev)
        else:
            _lines(text, name, add)
    return out


def _package_json(repo, path, text, add, out: Manifests) -> None:
    doc = read_json(repo, path)
    if not isinstance(doc, dict):
        return
    out.packages[path] = doc
    for key, dev in (("dependencies", False), ("optionalDependencies", False), ("peerDependencies", False),
                     ("devDependencies", True)):
        deps = doc.get(key)
        if isinstance(deps, dict):
            for dep in deps:
                add(str(dep), line_of(text, f'"{dep}"'), dev)


def _toml(repo, path, text, name, add) -> None:
    doc = read_toml(repo, path)
    if not isinstance(doc, dict):
        return
    found: list[tuple[str, bool]] = []
    grouped: list[tuple[str, str, bool]] = []   # (spec, group, installed unless asked otherwise)
    if name == "pyproject.toml":
        project = doc.get("project") or {}
        for spec in project.get("dependencies") or []:
            found.append((str(spec), False))
        for gname, group in (project.get("optional-dependencies") or {}).items():
            grouped.extend((str(s), str(gname), False) for s in group or [])
        for gname, group in (doc.get("dependency-groups") or {}).items():
            grouped.extend((str(s), str(gname), False) for s in group or [] if isinstance(s, str))
        poetry = (doc.get("tool") or {}).get("poetry") or {}
        found.extend((k, False) for k in (poetry.get("dependencies") or {}))
        found.extend((k, True) for k in (poetry.get("dev-dependencies") or {}))
        for gname, group in (poetry.get("group") or {}).items():
            # `poetry install` installs every group not marked optional
            default = isinstance(group, dict) and not group.get("optional") and not DEV_GROUP.match(str(gname))
            grouped.extend((k, str(gname), default) for k in ((group or {}).get("dependencies") or {}))
    elif name == "Pipfile":
        found.extend((k, False) for k in (doc.get("packages") or {}))
        found.extend((k, True) for k in (doc.get("dev-packages") or {}))
    elif name == "Cargo.toml":
        found.extend((k, False) for k in (doc.get("dependencies") or {}))
        found.extend((k, True) for k in (doc.get("dev-dependencies") or {}))
        found.extend((k, False) for k in ((doc.get("workspace") or {}).get("dependencies") or {}))
    else:  # Gradle version catalog
        for lib in (doc.get("libraries") or {}).values():
            if isinstance(lib, str):
                found.append((":".join(lib.split(":")[:2]), False))
            elif isinstance(lib, dict):
                module = lib.get("module") or (f"{lib.get('group')}:{lib.get('name')}" if lib.get("group") else None)
                if module:
                    found.append((str(module), False))
    for spec, dev in found:
        m = _PEP508.match(spec)
        if m:
            dep = m.group(1)
            add(dep, line_of(text, dep), dev)
    for spec, gname, default in grouped:
        m = _PEP508.match(spec)
        if m:
            dep = m.group(1)
            at = max(text.find(f"\n{gname} ="), text.find(f"\n{gname}="), text.find(f".{gname}.dependencies]"),
                     text.find(f'\n"{gname}" ='))
            i = text.find(dep, at) if at >= 0 else -1
            add(dep, text.count("\n", 0, i) + 1 if i >= 0 else line_of(text, dep), not default, gname)


def _lines(text: str, name: str, add) -> None:
    in_pom_dep = False
    group = ""
    for i, ln in enumerate(text.splitlines(), 1):
        s = ln.strip()
        if name.startswith("requirements"):
            m = None if s.startswith(("#", "-")) else _REQ.match(s)
            if m:
                add(m.group(1), i, "dev" in name or "test" in name)
        elif name == "setup.cfg":
            # only indented continuation lines (install_requires = ...) name packages
            m = _REQ.match(s) if ln[:1].isspace() and not s.startswith("#") and "=" not in s.replace("==", "") else None
            if m:
                add(m.group(1), i, False)
        elif name == "go.mod":
            m = _GOREQ.match(s)
            if m:
                add(m.group(1), i, "// indirect" in s)
        elif name == "pom.xml":
            if "<dependency>" in s:
                in_pom_dep, group = True, ""
            elif in_pom_dep and "<groupId>" in s:
                group = re.sub(r"</?groupId>", "", s).strip()
            elif in_pom_dep and "<artifactId>" in s:
                add(f"{group}:{re.sub(r'</?artifactId>', '', s).strip()}", i, False)
            elif "</dependency>" in s:
                in_pom_dep = False
        elif name.startswith("build.gradle"):
            dev = bool(_DEV_LINE.search(s))
            for m in _GRADLE.finditer(s):
                add(f"{m.group(1)}:{m.group(2)}", i, dev)
            for m in _GRADLE_MAP.finditer(s):
                add(f"{m.group(1)}:{m.group(2)}", i, dev)
        elif name == "Gemfile":
            m = _GEM.match(ln)
            if m:
                add(m.group(1), i, False)
        elif name == "mix.exs":
            for m in _MIX.finditer(s):
                add(m.group(1), i, "only: :test" in s or "only: [:dev, :test]" in s)
        else:  # NuGet
            for m in _NUGET.finditer(s):
                add(m.group(1) or m.group(2), i, False)


# the project itself (`.`, `./api`, `/app`), not a third-party package's extra (`uvicorn[standard]`)
_PIP_EXTRAS = lazy(r"\b(?:pip3?|uv\s+pip|pipx)\s+install\b[^\n;&|]*?(?:^|[\s\"'=])(?:\.{1,2}(?:/[\w./-]*)?|/[\w./-]+)\[([\w,\s-]+)\]")
_FLAG_EXTRAS = lazy(r"(?:--extras?|-E|--with|--group|-G)[=\s]+[\"']?([\w, -]+?)[\"']?(?=\s+-|\s*$|\s*[;&|])")
_ALL = lazy(r"--all-(?:extras|groups)\b")
_INSTALLER = lazy(r"\b(pip3?|uv|poetry|pdm|hatch|pipx)\b")


def installed_groups(commands: list[tuple[Location, str]]) -> dict[str, Location]:
    """Optional-dependency groups a production install command names ("*": all of them):
    `pip install .[prod]`, `uv sync --extra prod`, `poetry install --with prod -E otel`,
    `pdm install -G prod`, `--all-extras`; "!default" when `--only` leaves poetry's default
    groups out, "!<group>" for each `--without <group>`."""
    out: dict[str, Location] = {}
    for loc, cmd in commands:
        if not _INSTALLER.search(cmd):
            continue
        names: list[str] = []
        for m in _PIP_EXTRAS.finditer(cmd):
            names.extend(m.group(1).split(","))
        for m in _FLAG_EXTRAS.finditer(cmd):
            names.extend(re.split(r"[\s,]+", m.group(1)))
        if _ALL.search(cmd):
            names.append("*")
        # `poetry install --only main` / `--without g`: groups poetry would install by default are left out
        only = re.search(r"--only[=\s]+[\"']?([\w, -]+?)[\"']?(?=\s+-|\s*$|\s*[;&|])", cmd)
        if only:
            out.setdefault("!default", loc)
            names.extend(g for g in re.split(r"[\s,]+", only.group(1)) if g != "main")
        for m in re.finditer(r"--without[=\s]+[\"']?([\w, -]+?)[\"']?(?=\s+-|\s*$|\s*[;&|])", cmd):
            for g in re.split(r"[\s,]+", m.group(1)):
                if g:
                    out.setdefault(f"!{g.lower()}", loc)
        for n in names:
            n = n.strip()
            if n and not DEV_GROUP.match(n):
                out.setdefault(n.lower(), loc)
    return out

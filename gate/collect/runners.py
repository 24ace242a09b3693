"""The one follower of task runners and scripts: from a command to what it runs.

A CI step rarely names the test or build tool itself; it calls `make test`, `npm run
ci`, `tox -e py`, `./scripts/test.sh` or `docker compose run tests`, which call further
recipes. Every reader that asks "what does this command run" (tests, builds,
migrations, load tests, backups) asks it here:

- Makefile targets (and their prerequisites), `make -C dir`, `make -f file`;
- package.json scripts through npm/yarn/pnpm/bun (`run`, the `test`/`start` shortcuts,
  yarn's and pnpm's bare script names, `--prefix`/`--cwd`/`-C`/`--dir`, workspaces);
- justfile recipes, Taskfile tasks, tox environments, nox sessions, hatch/pdm/poe
  scripts in pyproject.toml, Rakefile tasks, composer.json scripts, mix aliases;
- shell, Python, JavaScript and TypeScript scripts of the repository;
- docker compose services run or brought up, through their `command:`/`entrypoint:`.

Nothing is executed: texts are read through `RepoFiles` (each file once, bounded in
size) and handed back for the caller to search. Following stops at `MAX_DEPTH`
invocations and never enters the same recipe twice on one chain.
"""
from __future__ import annotations

import json
import re
from typing import Any, Callable

from msgspec import Struct

from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy
from gate.model.yamlsafe import YamlError, load

MAX_DEPTH = 4
MAX_SCRIPT_BYTES = 64 * 1024   # a script a step calls is short; a bundle is not a script
MAX_LINE = 1000                # minified lines are cut so regex scans stay linear
MAX_TARGETS = 4                # recipes named in one invocation that are followed
MAX_REACHED = 64               # texts one command can reach

_SCRIPT = lazy(r"(?<![\w$@])((?:\.{0,2}/)?[\w./-]*[\w-]+\.(?:sh|bash|py|rb|js|mjs|cjs|ts|mts|ps1|pl))\b")
# extension-less scripts: `./ci/test`, `script/cibuild`, `bin/test`
_BARE_SCRIPT = lazy(r"(?:^|[\s;&|(`])((?:\./[\w.-]+(?:/[\w.-]+)*)|(?:(?:bin|scripts?|ci|tools|hack|dev|\.github/scripts)/[\w.-]+(?:/[\w.-]+)*))(?=$|[\s;&|)`])", re.M)
_MAKE = lazy(r"(?<![\w./-])(?:make|gmake)\b((?:[ \t]+(?:-[CfI][ \t]*\S+|--(?:directory|file|makefile)[=\s]\S+|-[\w-]+(?:=\S+)?|\w+=\S+))*)((?:[ \t]+[A-Za-z_][\w./-]*)*)")
_NODE = lazy(r"(?<![\w./-])(npm|yarn|pnpm|bun)\b((?:[ \t]+(?:--?[\w-]+(?:[=\s](?!run\b)[^\s-][^\s]*)?))*)(?:[ \t]+(run(?:-script)?|test|t|start|workspace[ \t]+\S+)(?![\w:.-]))?(?:[ \t]+(?:--?[\w-]+(?:[=\s][^\s-][^\s]*)?))*[ \t]*([\w:./@-]+)?")
_NODE_BUILTIN = {"install", "ci", "i", "add", "exec", "dlx", "x", "publish", "audit", "config", "set", "version",
                 "init", "link", "cache", "outdated", "why", "remove", "upgrade", "workspaces", "info", "pack",
                 "create", "global", "import", "rebuild", "prune", "dedupe", "update", "up", "list", "ls", "login",
                 "logout", "whoami", "view", "npx", "store", "fetch", "setup", "patch", "node", "bin", "env",
                 "help", "-v", "--version", "plugin", "constraints", "dedup", "uninstall", "recursive", "-r"}
_JUST = lazy(r"(?<![\w./-])just\b((?:[ \t]+(?:-f|--justfile|-d|--working-directory)[=\s]\S+|[ \t]+--?[\w-]+)*)((?:[ \t]+[A-Za-z_][\w-]*)*)")
_TASK = lazy(r"(?<![\w./-])task\b((?:[ \t]+(?:-t|--taskfile|-d|--dir)[=\s]\S+|[ \t]+--?[\w-]+)*)((?:[ \t]+[A-Za-z_][\w:.-]*)*)")
_TOX = lazy(r"(?<![\w./-])tox\b(?:[ \t]+run(?:-parallel)?)?((?:[ \t]+-[\w-]+(?:[=\s][^\s-]\S*)?)*)")
_NOX = lazy(r"(?<![\w./-])nox\b((?:[ \t]+-[\w-]+(?:[=\s][^\s-]\S*)*)*)")
_PYRUN = lazy(r"(?<![\w./-])(hatch|pdm|poe|poethepoet)[ \t]+(?:run[ \t]+)?([\w:.-]+)(?:[ \t]+([\w:.-]+))?")
_RAKE = lazy(r"(?<![\w./-])(?:bundle[ \t]+exec[ \t]+)?rake\b((?:[ \t]+-[\w-]+)*)((?:[ \t]+[\w:]+)*)")
_COMPOSER = lazy(r"(?<![\w./-])composer[ \t]+(?:run(?:-script)?[ \t]+)?([\w:.-]+)")
_MIX = lazy(r"(?<![\w./-])mix[ \t]+([\w.-]+)")
_COMPOSE = lazy(r"(?<![\w./-])docker[ -]compose\b((?:[ \t]+(?:-f|--file|-p|--project-name|--project-directory|--profile|--env-file)[=\s]\S+|[ \t]+--?[\w-]+)*)[ \t]+(run|up|exec)\b([^\n;&|]*)")
_COMPOSE_NAMES = ("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml")
_COMPOSE_BUILTIN = {"install", "update", "require", "remove", "dump-autoload", "validate", "show", "config",
                    "global", "self-update", "outdated", "audit", "create-project", "diagnose", "exec", "check-platform-reqs"}
_WRAPPERS = {"gradlew", "mvnw", "gradlew.bat", "mvnw.cmd", "sbt", "pants", "bazel", "bazelisk"}  # build tools, not recipes
_MIX_BUILTIN = {"deps.get", "deps.compile", "compile", "local.hex", "local.rebar", "format", "hex.publish"}


class Reached(Struct, frozen=True):
    """A text a command runs: the command itself (`source` "") or a recipe or script it calls."""

    source: str                # the file the text was read from; "" for the command itself
    line: int                  # the line of `source` where `text` starts
    text: str
    via: tuple[str, ...] = ()  # the invocations that led here, outermost first: ("make test", "npm run cov")

    @property
    def chain(self) -> str:
        """How the command reaches this text, for a message: "make test → npm run cov"."""
        return " → ".join(self.via)

    def line_at(self, offset: int) -> int:
        """The file line of character `offset` of `text` (meaningful when `source` is a file)."""
        return self.line + self.text.count("\n", 0, offset)


class Runners:
    """Follows commands into what they run; one instance per repository (files read once)."""

    def __init__(self, repo: RepoFiles, packages: dict[str, dict] | None = None) -> None:
        self.repo = repo
        self.packages: dict[str, dict] = dict(packages or {})
        self.memo: dict[tuple[str, str, str], list[Reached]] = {}
        self._parsed: dict[str, Any] = {}
        self._calls: dict[tuple[str, str, str], list[tuple[str, str, int, str, str]]] = {}
        # Each follower with the words one of which every invocation it reads contains (its
        # pattern is case-sensitive): a text without them is not scanned, which matters because
        # the texts are whole scripts and most name one or two runners, not twelve.
        self._followers: list[tuple[tuple[str, ...], Callable[[str, str, str], list[tuple[str, str, int, str, str]]]]] = [
            (("",), self._scripts), (("make",), self._make), (("npm", "yarn", "bun"), self._node),
            (("just",), self._just), (("task",), self._task), (("tox",), self._tox), (("nox",), self._nox),
            (("hatch", "pdm", "poe"), self._pyproject), (("rake",), self._rake), (("composer",), self._composer),
            (("mix",), self._mix), (("docker",), self._compose),
        ]

    # -- public ---------------------------------------------------------------------------

    def follow(self, command: str, workdir: str = "", near: str = "") -> list[Reached]:
        """The command and every text it reaches (breadth first, memoised per command).

        `workdir`: the folder the command runs in; `near`: where to prefer a script found
        only by name (an image's absolute path, resolved next to its Dockerfile)."""
        key = (command, workdir, near)
        if key not in self.memo:
            self.memo[key] = self._follow(clip(command), workdir, near)
        return self.memo[key]

    def resolve(self, ref: str, workdir: str = "", near: str = "") -> str | None:
        """A script path as written (relative, ./, or an image's absolute path) -> repo path."""
        ref = ref.strip("\"'")
        for base in (workdir, ""):
            cand = join(base, ref)
            if cand and self.repo.exists(cand):
                return cand
        rel = ref.lstrip("./") if not ref.startswith("../") else ref
        if rel and self.repo.exists(rel):
            return rel
        return self._by_name(ref, near)

    def read(self, path: str) -> str:
        if self.repo.sizes.get(path, 0) > MAX_SCRIPT_BYTES:
            return ""
        return clip(self.repo.read(path) or "")

    # -- the walk -------------------------------------------------------------------------

    def _by_name(self, ref: str, near: str) -> str | None:
        found = self.repo.named(ref.rsplit("/", 1)[-1])
        if not found:
            return None
        # an absolute path inside an image: prefer the copy nearest the Dockerfile
        return sorted(found, key=lambda p: (not p.startswith(near), p.count("/")))[0]

    def _follow(self, command: str, workdir: str, near: str) -> list[Reached]:
        out = [Reached("", 1, command)]
        queue: list[tuple[Reached, str, frozenset[str]]] = [(out[0], workdir, frozenset())]
        while queue and len(out) < MAX_REACHED:
            reached, wd, seen = queue.pop(0)
            if len(reached.via) >= MAX_DEPTH or not reached.text:
                continue
            for label, source, line, text, inner_wd in self._invocations(reached.text, wd, near):
                key = f"{source}#{label}"
                if key in seen or not text:
                    continue  # a recipe calling itself, or two calling each other
                nxt = Reached(source, line, text, reached.via + (label,))
                out.append(nxt)
                queue.append((nxt, inner_wd, seen | {key}))
                if len(out) >= MAX_REACHED:
                    break
        return out

    def _invocations(self, text: str, wd: str, near: str) -> list[tuple[str, str, int, str, str]]:
        """(label, source file, line, text, working directory) of everything `text` calls;
        the same script reached from many steps is read for calls once."""
        key = (text, wd, near)
        found = self._calls.get(key)
        if found is None:
            found = self._calls[key] = []
            for words, follower in self._followers:
                if any(w in text for w in words):
                    found.extend(follower(text, wd, near))
        return found

    # -- scripts --------------------------------------------------------------------------

    def _scripts(self, text: str, wd: str, near: str):
        out = []
        refs = [m.group(1) for m in _SCRIPT.finditer(text)]
        refs += [m.group(1) for m in _BARE_SCRIPT.finditer(text) if not _SCRIPT.fullmatch(m.group(1))]
        for ref in dict.fromkeys(refs):
            if ref.rsplit("/", 1)[-1] in _WRAPPERS:
                continue
            path = self.resolve(ref, wd, near)
            if path and not path.endswith((".json", ".yml", ".yaml", ".toml", ".md")):
                # a script's own relative calls are usually written from its folder or the root
                out.append((ref, path, 1, self.read(path), dirname(path)))
        return out

    # -- make -----------------------------------------------------------------------------

    def _make(self, text: str, wd: str, near: str):
        out = []
        for m in _MAKE.finditer(text):
            flags, targets = m.group(1) or "", (m.group(2) or "").split()
            cdir = re.search(r"(?:-C\s*|--directory[=\s])(\S+)", flags)
            mdir = join(wd, cdir.group(1)) if cdir else wd
            ffile = re.search(r"(?:-f\s*|--(?:file|makefile)[=\s])(\S+)", flags)
            names = [join(mdir, ffile.group(1))] if ffile else [join(mdir, n) for n in ("Makefile", "makefile", "GNUmakefile")]
            makefile = next((p for p in names if self.repo.exists(p)), None)
            if not makefile:
                continue
            body = self.read(makefile)
            if not targets:
                first = default_goal(body)
                targets = [first] if first else []
            for target in targets[:MAX_TARGETS]:
                line, recipe, deps = make_target(body, target)
                if line:
                    calls = "".join(f"\nmake -f {makefile.rsplit('/', 1)[-1]} {d}" for d in deps[:MAX_TARGETS])
                    out.append((f"make {target}", makefile, line, recipe + calls, mdir))
        return out

    # -- package.json ---------------------------------------------------------------------

    def package(self, path: str) -> dict | None:
        if path not in self.packages:
            doc = None
            if self.repo.exists(path):
                try:
                    doc = json.loads(self.repo.read(path) or "")
                except ValueError:
                    doc = None
            self.packages[path] = doc if isinstance(doc, dict) else {}
        return self.packages[path] or None

    def _package_near(self, wd: str) -> str | None:
        d = wd
        while True:
            cand = join(d, "package.json")
            if self.package(cand):
                return cand
            if not d:
                return None
            d = dirname(d)

    def _workspace_package(self, name: str) -> str | None:
        for path in self.repo.named("package.json"):
            doc = self.package(path)
            if doc and doc.get("name") == name:
                return path
        return None

    def _node(self, text: str, wd: str, near: str):
        out = []
        for m in _NODE.finditer(text):
            tool, flags, verb, name = m.group(1), m.group(2) or "", m.group(3) or "", m.group(4)
            if verb in ("test", "t"):
                name = "test"
            elif verb == "start":
                name = "start"
            if not name or name.startswith("-"):
                continue
            if not verb and (name in _NODE_BUILTIN or tool == "npm" or name.endswith((".js", ".ts", ".mjs"))):
                continue  # `npm foo` is not a script; yarn, pnpm and bun run a script by its bare name
            if verb == "run" and name in ("test", "t"):
                name = "test"
            where = wd
            d = re.search(r"--(?:prefix|cwd|dir)[=\s](\S+)|(?<!\S)-C\s*(\S+)", flags + " " + m.group(0))
            if d:
                where = join(wd, (d.group(1) or d.group(2)).strip("\"'"))
            pkg = None
            ws_name = re.search(r"(?:--workspace|-w|--filter|-F)[=\s]([^\s]+)", m.group(0))
            if verb.startswith("workspace"):
                pkg = self._workspace_package(verb.split()[1])
            elif ws_name:
                pkg = self._workspace_package(ws_name.group(1).strip("\"'"))
            pkg = pkg or self._package_near(where)
            doc = self.package(pkg) if pkg else None
            scripts = doc.get("scripts") if isinstance(doc, dict) else None
            script = scripts.get(name) if isinstance(scripts, dict) else None
            if isinstance(script, str):
                label = f"{tool} run {name}" if verb != "test" else f"{tool} test"
                out.append((label, pkg, _key_line(self.repo.read(pkg) or "", f'"{name}"'), script, dirname(pkg)))
        return out

    # -- just, task -----------------------------------------------------------------------

    def _just(self, text: str, wd: str, near: str):
        out = []
        for m in _JUST.finditer(text):
            flags, names = m.group(1) or "", (m.group(2) or "").split()
            f = re.search(r"(?:-f|--justfile)[=\s](\S+)", flags)
            cands = [join(wd, f.group(1))] if f else [join(d, n) for d in _ancestors(wd) for n in ("justfile", "Justfile", ".justfile")]
            path = next((p for p in cands if self.repo.exists(p)), None)
            if not path:
                continue
            body = self.read(path)
            if not names:
                first = re.search(r"^(?:@)?([A-Za-z_][\w-]*)[^\n:=]*:(?!=)", body, re.M)
                names = [first.group(1)] if first else []
            for name in names[:MAX_TARGETS]:
                line, recipe, deps = just_recipe(body, name)
                if line:
                    calls = "".join(f"\njust {d}" for d in deps[:MAX_TARGETS])
                    out.append((f"just {name}", path, line, recipe + calls, dirname(path)))
        return out

    def _task(self, text: str, wd: str, near: str):
        out = []
        for m in _TASK.finditer(text):
            flags, names = m.group(1) or "", (m.group(2) or "").split() or ["default"]
            f = re.search(r"(?:-t|--taskfile)[=\s](\S+)", flags)
            cands = [join(wd, f.group(1))] if f else \
                [join(d, n) for d in _ancestors(wd) for n in ("Taskfile.yml", "Taskfile.yaml", "taskfile.yml", "taskfile.yaml")]
            path = next((p for p in cands if self.repo.exists(p)), None)
            doc = self._yaml(path) if path else None
            if not isinstance(doc, dict) or not isinstance(doc.get("tasks"), dict):
                continue
            for name in names[:MAX_TARGETS]:
                path_, tasks, name = self._taskfile_task(path, doc, name)
                spec = tasks.get(name) if isinstance(tasks, dict) else None
                if spec is None:
                    continue
                lines: list[str] = []
                items = spec if isinstance(spec, list) else (spec.get("cmds") or []) if isinstance(spec, dict) else []
                for c in items if isinstance(items, list) else []:
                    if isinstance(c, str):
                        lines.append(c)
                    elif isinstance(c, dict) and isinstance(c.get("cmd"), str):
                        lines.append(c["cmd"])
                    elif isinstance(c, dict) and isinstance(c.get("task"), str):
                        lines.append(f"task {c['task']}")
                deps = spec.get("deps") if isinstance(spec, dict) else None
                for d in deps if isinstance(deps, list) else []:
                    dn = d if isinstance(d, str) else d.get("task") if isinstance(d, dict) else None
                    if isinstance(dn, str):
                        lines.append(f"task {dn}")
                tdir = spec.get("dir") if isinstance(spec, dict) and isinstance(spec.get("dir"), str) else ""
                out.append((f"task {name}", path_, tasks.line_of(name), "\n".join(lines), join(dirname(path_), tdir)))
        return out

    def _taskfile_task(self, path: str, doc: dict, name: str) -> tuple[str, dict | None, str]:
        """(file, its tasks, task name) for `name`, through `includes:` (`go:test` → go's Taskfile)."""
        tasks = doc.get("tasks") if isinstance(doc.get("tasks"), dict) else {}
        if name in tasks or ":" not in name:
            return path, tasks, name
        prefix, rest = name.split(":", 1)
        inc = (doc.get("includes") or {}).get(prefix) if isinstance(doc.get("includes"), dict) else None
        ref = inc if isinstance(inc, str) else inc.get("taskfile") if isinstance(inc, dict) else None
        if not isinstance(ref, str) or "{{" in ref:
            return path, tasks, name
        target = join(dirname(path), ref)
        if not target.endswith((".yml", ".yaml")):
            target = next((join(target, n) for n in ("Taskfile.yml", "Taskfile.yaml") if self.repo.exists(join(target, n))), target)
        sub = self._yaml(target) if self.repo.exists(target) else None
        sub_tasks = sub.get("tasks") if isinstance(sub, dict) and isinstance(sub.get("tasks"), dict) else {}
        return target, sub_tasks, rest

    # -- Python runners -------------------------------------------------------------------

    def _tox(self, text: str, wd: str, near: str):
        out = []
        for m in _TOX.finditer(text):
            envs = re.search(r"(?:-e|--env)[=\s]?(\S+)", m.group(1) or "")
            names = envs.group(1).split(",") if envs else [""]
            for d in _ancestors(wd):
                path = join(d, "tox.ini")
                if self.repo.exists(path):
                    body = self.read(path)
                    for name in names[:MAX_TARGETS]:
                        line, cmds = tox_commands(body, name)
                        if line:
                            out.append((f"tox -e {name}" if name else "tox", path, line, cmds, d))
                    break
        return out

    def _nox(self, text: str, wd: str, near: str):
        out = []
        for m in _NOX.finditer(text):
            sessions = re.findall(r"(?:-s|--sessions?|-e)[=\s]+([\w\-. ]+?)(?=\s+-|$)", m.group(1) or "")
            names = [n for s in sessions for n in s.split()] or [""]
            for d in _ancestors(wd):
                path = join(d, "noxfile.py")
                if not self.repo.exists(path):
                    continue
                body = self.read(path)
                for name in names[:MAX_TARGETS]:
                    line, code = python_function(body, name) if name else (1, body)
                    if not line and re.search(r"-\d", name):  # `tests-3.12`: a session run per Python version
                        line, code = python_function(body, re.split(r"-\d", name, 1)[0])
                    if line:
                        out.append((f"nox -s {name}" if name else "nox", path, line, code, d))
                break
        return out

    def _pyproject(self, text: str, wd: str, near: str):
        out = []
        for m in _PYRUN.finditer(text):
            tool, name = m.group(1), m.group(2)
            if tool == "hatch" and name in ("test", "build", "env", "shell", "version", "publish", "fmt", "clean"):
                continue  # hatch's own commands: `hatch test` is a test command itself
            env = "default"
            if tool == "hatch" and ":" in name:
                env, name = name.split(":", 1)
            for d in _ancestors(wd):
                path = join(d, "pyproject.toml")
                doc = self._toml(path)
                if doc is None:
                    continue
                tool_cfg = doc.get("tool", {}) if isinstance(doc.get("tool"), dict) else {}
                if tool == "hatch":
                    envs = (tool_cfg.get("hatch") or {}).get("envs") or {}
                    hatch_toml = self._toml(join(d, "hatch.toml"))
                    if hatch_toml:
                        envs = {**envs, **(hatch_toml.get("envs") or {})}
                    scripts = (envs.get(env) or {}).get("scripts") if isinstance(envs.get(env), dict) else None
                elif tool == "pdm":
                    scripts = (tool_cfg.get("pdm") or {}).get("scripts")
                else:
                    scripts = (tool_cfg.get("poe") or {}).get("tasks")
                spec = scripts.get(name) if isinstance(scripts, dict) else None
                cmd = _script_text(spec, prefix=f"{tool} run " if tool != "poethepoet" else "poe ")
                if cmd:
                    out.append((f"{tool} run {name}", path, _key_line(self.repo.read(path) or "", name), cmd, d))
                break
        return out

    # -- Ruby, PHP, Elixir ----------------------------------------------------------------

    def _rake(self, text: str, wd: str, near: str):
        out = []
        for m in _RAKE.finditer(text):
            names = (m.group(2) or "").split() or ["default"]
            for d in _ancestors(wd):
                path = join(d, "Rakefile")
                if not self.repo.exists(path):
                    continue
                body = self.read(path)
                for name in names[:MAX_TARGETS]:
                    line, code = rake_task(body, name)
                    if line:
                        out.append((f"rake {name}", path, line, code, d))
                break
        return out

    def _composer(self, text: str, wd: str, near: str):
        out = []
        for m in _COMPOSER.finditer(text):
            name = m.group(1)
            if name in _COMPOSE_BUILTIN:
                continue
            path = next((join(d, "composer.json") for d in _ancestors(wd) if self.repo.exists(join(d, "composer.json"))), None)
            if not path:
                continue
            doc = self.package(path)
            scripts = doc.get("scripts") if isinstance(doc, dict) else None
            spec = scripts.get(name) if isinstance(scripts, dict) else None
            items = [spec] if isinstance(spec, str) else [s for s in spec if isinstance(s, str)] if isinstance(spec, list) else []
            cmd = "\n".join(f"composer run {s[1:]}" if s.startswith("@") and not s.startswith("@php") else s for s in items)
            if cmd:
                out.append((f"composer run {name}", path, _key_line(self.repo.read(path) or "", f'"{name}"'), cmd, dirname(path)))
        return out

    def _mix(self, text: str, wd: str, near: str):
        out = []
        for m in _MIX.finditer(text):
            name = m.group(1)
            if name in _MIX_BUILTIN:
                continue
            path = next((join(d, "mix.exs") for d in _ancestors(wd) if self.repo.exists(join(d, "mix.exs"))), None)
            if not path:
                continue
            body = self.read(path)
            alias = re.search(rf'(?:^|[\s,\[])"?{re.escape(name)}"?\s*:\s*(\[[^\]]*\]|"[^"\n]*")', body, re.M)
            if alias:
                cmds = re.findall(r'"([^"\n]+)"', alias.group(1))
                # an alias names mix tasks; the task of its own name is the builtin, not the alias again
                text_ = "\n".join(("mix " + c) if c.split()[0] != name else ("mix-builtin " + c) for c in cmds)
                out.append((f"mix {name}", path, body.count("\n", 0, alias.start()) + 1, text_, dirname(path)))
        return out

    # -- docker compose -------------------------------------------------------------------

    def _compose(self, text: str, wd: str, near: str):
        out = []
        for m in _COMPOSE.finditer(text):
            flags, verb, rest = m.group(1) or "", m.group(2), m.group(3) or ""
            files = [join(wd, f) for f in re.findall(r"(?:-f|--file)[=\s](\S+)", flags)] or \
                    [p for p in (join(wd, n) for n in _COMPOSE_NAMES) if self.repo.exists(p)][:1]
            words = [w for w in rest.split() if not w.startswith("-")]
            exit_from = re.search(r"--(?:exit-code-from|abort-on-container-exit)[=\s]?(\w[\w.-]*)?", rest)
            services = ([exit_from.group(1)] if exit_from and exit_from.group(1) else []) + words[:1 if verb != "up" else MAX_TARGETS]
            explicit = " ".join(words[1:]) if verb in ("run", "exec") and len(words) > 1 else ""
            for path in files:
                doc = self._yaml(path)
                svcs = doc.get("services") if isinstance(doc, dict) else None
                if not isinstance(svcs, dict):
                    continue
                for name in dict.fromkeys(services):
                    svc = svcs.get(name)
                    if not isinstance(svc, dict) or explicit:
                        continue  # an explicit command is already in the text that was searched
                    parts = [_cmd_text(svc.get(k)) for k in ("entrypoint", "command")]
                    body = "\n".join(p for p in parts if p)
                    if body:
                        out.append((f"docker compose {verb} {name}", path, svcs.line_of(name), body, dirname(path)))
        return out

    # -- parsed files, each read once -----------------------------------------------------

    def _yaml(self, path: str) -> Any:
        if path not in self._parsed:
            text = self.read(path) if self.repo.exists(path) else ""
            try:
                self._parsed[path] = load(text) if text else None
            except YamlError:
                self._parsed[path] = None
        return self._parsed[path]

    def _toml(self, path: str) -> dict | None:
        if path not in self._parsed:
            text = self.read(path) if self.repo.exists(path) else ""
            try:  # only repositories with a pyproject.toml pay for the TOML parser
                import tomllib
            except ModuleNotFoundError:  # pragma: no cover - Python 3.10
                import tomli as tomllib  # type: ignore[no-redef]

            try:
                self._parsed[path] = tomllib.loads(text) if text else None
            except (tomllib.TOMLDecodeError, ValueError):
                self._parsed[path] = None
        return self._parsed[path]


# -- recipe readers (pure text) ----------------------------------------------------------

def default_goal(makefile: str) -> str | None:
    m = re.search(r"^\.DEFAULT_GOAL\s*:?=\s*(\S+)", makefile, re.M)
    if m:
        return m.group(1)
    for t in re.finditer(r"^([A-Za-z_][\w./-]*)\s*:(?!=)", makefile, re.M):
        if not t.group(1).startswith("."):
            return t.group(1)
    return None


def make_target(makefile: str, target: str) -> tuple[int, str, list[str]]:
    """(line, recipe text, prerequisites) of a Makefile target; line 0 when absent."""
    lines = makefile.splitlines()
    pat = re.compile(rf"^(?:[\w./%-]+\s+)*{re.escape(target)}(?:\s+[\w./%-]+)*\s*::?(?!=)(.*)$")
    for i, ln in enumerate(lines):
        m = pat.match(ln)
        if not m:
            continue
        deps = [d for d in m.group(1).split("#")[0].split(";")[0].split()
                if d != target and re.fullmatch(r"[\w.-]+", d) and d != "|"]
        body = []
        for ln2 in lines[i + 1:]:
            if ln2.startswith("\t"):
                body.append(ln2.strip().lstrip("@-+"))
            elif ln2.strip() and not ln2.lstrip().startswith("#"):
                break
        return i + 1, "\n".join(body), deps
    return 0, "", []


def make_recipe(makefile: str, target: str) -> str:
    """The recipe lines of one Makefile target and of the targets it depends on (one level)."""
    _, body, deps = make_target(makefile, target)
    more = [make_target(makefile, d)[1] for d in deps[:MAX_TARGETS]]
    return "\n".join(t for t in [body, *more] if t)


def just_recipe(justfile: str, name: str) -> tuple[int, str, list[str]]:
    lines = justfile.splitlines()
    pat = re.compile(rf"^@?{re.escape(name)}(?:\s+[^:=\n]*)?:(?!=)(.*)$")
    for i, ln in enumerate(lines):
        m = pat.match(ln)
        if not m:
            continue
        deps = [d for d in re.findall(r"[A-Za-z_][\w-]*", m.group(1).split("#")[0].split("&&")[0])]
        body = []
        for ln2 in lines[i + 1:]:
            if ln2.startswith((" ", "\t")):
                body.append(ln2.strip().lstrip("@-"))
            elif ln2.strip():
                break
        return i + 1, "\n".join(body), deps
    return 0, "", []


def tox_commands(ini: str, env: str) -> tuple[int, str]:
    """(line, commands) of `[testenv:env]`, falling back to `[testenv]` (which every env inherits)."""
    sections: dict[str, tuple[int, list[str]]] = {}
    current = None
    for i, ln in enumerate(ini.splitlines(), 1):
        h = re.match(r"^\[([^\]]+)\]", ln)
        if h:
            current = h.group(1).strip()
            sections[current] = (i, [])
        elif current is not None:
            sections[current][1].append(ln)
    for name in ([f"testenv:{env}"] if env else []) + ["testenv"]:
        if name in sections:
            line, body = sections[name]
            cmds, on = [], False
            for ln in body:
                if re.match(r"^commands\s*=", ln):
                    on = True
                    cmds.append(ln.split("=", 1)[1].strip())
                elif on and (ln.startswith((" ", "\t")) or not ln.strip()):
                    cmds.append(ln.strip())
                else:
                    on = False
            if any(cmds):
                return line, "\n".join(c for c in cmds if c)
    return 0, ""


def python_function(code: str, name: str) -> tuple[int, str]:
    """(line, body) of `def name(` or of a function registered under that session name."""
    m = re.search(rf"^(?:@[^\n]*name\s*=\s*[\"']{re.escape(name)}[\"'][^\n]*\n(?:@[^\n]*\n)*)?def\s+(\w+)\s*\(", code, re.M)
    if not m or (m.group(1) != name.replace("-", "_") and "name" not in m.group(0)):
        m = re.search(rf"^def\s+{re.escape(name.replace('-', '_'))}\s*\(", code, re.M)
    if not m:
        return 0, ""
    start = code.find("\n", m.end()) + 1 or len(code)
    end = re.search(r"^\S", code[start:], re.M)
    body = code[m.start(): start + end.start()] if end else code[m.start():]
    return code.count("\n", 0, m.start()) + 1, body


def rake_task(rakefile: str, name: str) -> tuple[int, str]:
    m = re.search(rf"^(\s*)task\s*\(?\s*[:\"']?{re.escape(name)}[\"']?\s*(?:=>|:)?\s*([^\n]*)$", rakefile, re.M)
    if not m:
        return 0, ""
    indent = m.group(1)
    deps = re.findall(r":(\w+)|[\"'](\w+)[\"']", m.group(2).split(" do")[0])
    lines = [f"rake {a or b}" for a, b in deps if (a or b) != name]
    if " do" in m.group(2) or m.group(2).rstrip().endswith("do"):
        for ln in rakefile[m.end():].splitlines()[1:]:
            if re.match(rf"^{indent}end\b", ln):
                break
            lines.append(ln.strip())
    return rakefile.count("\n", 0, m.start()) + 1, "\n".join(lines)


def _script_text(spec: Any, prefix: str) -> str:
    if isinstance(spec, str):
        return spec
    if isinstance(spec, list):
        return "\n".join(s for s in spec if isinstance(s, str))
    if isinstance(spec, dict):
        for key in ("cmd", "shell", "call", "script"):
            if isinstance(spec.get(key), str):
                return spec[key]
        seq = spec.get("composite") or spec.get("sequence")
        if isinstance(seq, list):
            return "\n".join(prefix + s if isinstance(s, str) and " " not in s else str(s) for s in seq)
    return ""


def _cmd_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return " ".join(str(v) for v in value if isinstance(v, (str, int)))
    return ""


def _key_line(text: str, needle: str) -> int:
    pos = text.find(needle)
    return text.count("\n", 0, pos) + 1 if pos >= 0 else 1


def _ancestors(wd: str) -> list[str]:
    """wd, its parents, and the root: where a runner's file is looked for."""
    out = [wd]
    while wd:
        wd = dirname(wd)
        out.append(wd)
    return out


def clip(text: str) -> str:
    if len(text) <= MAX_LINE or all(len(ln) <= MAX_LINE for ln in text.splitlines()):
        return text
    return "\n".join(ln[:MAX_LINE] for ln in text.splitlines())


def dirname(path: str) -> str:
    return path.rsplit("/", 1)[0] if "/" in path else ""


def join(base: str, rel: str) -> str:
    """A path relative to `base`, normalised; "" when it leaves the repository."""
    if rel.startswith("/"):
        return rel.lstrip("/")
    parts = [p for p in base.split("/") if p] if base else []
    for seg in rel.split("/"):
        if seg in ("", "."):
            continue
        if seg == "..":
            if not parts:
                return ""
            parts.pop()
        else:
            parts.append(seg)
    return "/".join(parts)

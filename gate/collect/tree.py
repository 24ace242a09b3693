"""Facts from the file tree: languages, ownership, bots, deploy and IaC config."""
from __future__ import annotations

import re
from collections import Counter

from msgspec import Struct, field

from gate.collect.repo import RepoFiles
from gate.model.lazyre import lazy
from gate.model.location import Location
from gate.policy.globs import PathMatcher
from gate.policy.signatures import Signatures

# File extension -> CodeQL language (the names CodeQL's `languages:` accepts).
CODEQL_LANGUAGES = {
    ".py": "python", ".pyi": "python",
    ".js": "javascript-typescript", ".jsx": "javascript-typescript", ".mjs": "javascript-typescript",
    ".cjs": "javascript-typescript", ".ts": "javascript-typescript", ".tsx": "javascript-typescript",
    ".mts": "javascript-typescript", ".cts": "javascript-typescript", ".vue": "javascript-typescript",
    ".go": "go", ".java": "java-kotlin", ".kt": "java-kotlin", ".kts": "java-kotlin",
    ".c": "c-cpp", ".cc": "c-cpp", ".cpp": "c-cpp", ".cxx": "c-cpp", ".h": "c-cpp", ".hpp": "c-cpp",
    ".cs": "csharp", ".rb": "ruby", ".erb": "ruby", ".swift": "swift", ".rs": "rust",
}
# Aliases CodeQL accepts in `languages:` for the same extractor.
CODEQL_ALIASES = {
    "javascript": "javascript-typescript", "typescript": "javascript-typescript", "js": "javascript-typescript",
    "java": "java-kotlin", "kotlin": "java-kotlin", "c": "c-cpp", "cpp": "c-cpp", "c++": "c-cpp",
    "c#": "csharp", "csharp": "csharp", "python": "python", "go": "go", "ruby": "ruby", "swift": "swift",
    "rust": "rust", "actions": "actions", "javascript-typescript": "javascript-typescript",
    "java-kotlin": "java-kotlin", "c-cpp": "c-cpp",
}
# Vendored or generated code is not the repository's own language.
_NOT_OWN = ("vendor/", "third_party/", "third-party/", "node_modules/", "dist/", "build/", "docs/", "examples/",
            "testdata/", "fixtures/", ".github/")
_NOT_OWN_RX = lazy("(?:^|/)(?:" + "|".join(re.escape(p) for p in _NOT_OWN) + ")")
CODEOWNERS_PATHS = ("CODEOWNERS", ".github/CODEOWNERS", "docs/CODEOWNERS")


class TreeFacts(Struct):
    languages: dict[str, int] = field(default_factory=dict)  # CodeQL language -> file count
    language_example: dict[str, str] = field(default_factory=dict)
    codeowners: Location | None = None
    dependency_bots: list[Location] = field(default_factory=list)
    deploy_files: list[str] = field(default_factory=list)
    iac: dict[str, list[str]] = field(default_factory=dict)
    other_ci: dict[str, list[str]] = field(default_factory=dict)


def collect_tree(repo: RepoFiles, sig: Signatures) -> TreeFacts:
    facts = TreeFacts()
    _languages(repo, facts)
    facts.codeowners = next((Location(p, 1) for p in sorted(CODEOWNERS_PATHS) if repo.exists(p)), None)
    # deploy and IaC file lists name files at any depth; other CI systems and bots sit at fixed paths
    deploy = PathMatcher("**/" + g for g in sig.globs("deploy_files"))
    iac = {kind: PathMatcher("**/" + g for g in globs) for kind, globs in sig.groups("iac").items()}
    ci = {system: PathMatcher(globs) for system, globs in sig.groups("other_ci").items()}
    bots = PathMatcher(sig.globs("dependency_bots"))
    # every list's globs asked of the whole tree at once: most paths are none of these
    anything = PathMatcher([*deploy.patterns, *(p for m in iac.values() for p in m.patterns),
                            *(p for m in ci.values() for p in m.patterns), *bots.patterns])
    for path in repo.glob_matching(anything):
        if bots.match(path):
            facts.dependency_bots.append(Location(path, 1))
        if deploy.match(path) and not _is_test_path(path):
            facts.deploy_files.append(path)
        for kind, matcher in iac.items():
            if matcher.match(path) and not _is_test_path(path) and not path.startswith(".github/"):
                facts.iac.setdefault(kind, []).append(path)
        for system, matcher in ci.items():
            if matcher.match(path):
                facts.other_ci.setdefault(system, []).append(path)
    return facts


def _languages(repo: RepoFiles, facts: TreeFacts) -> None:
    """Files per CodeQL language, outside vendored, generated and documentation folders, and
    the first of each. Counted in C per extension over the tree's names; only the files of
    the folders left out are looked at one by one."""
    index = repo.index
    names = index.names
    if index.names_ending(".py") is None:
        return _languages_each(repo.files, facts)
    # _NOT_OWN_RX ends each match at a `/`: a folder's answer is its files'
    skip = [i for d, idx in index.folders.items() if d and _NOT_OWN_RX.search(d + "/") for i in idx]
    left_out = Counter(_language(names[i]) for i in skip)
    skipped = set(skip)
    first: dict[str, int] = {}
    for ext, lang in CODEQL_LANGUAGES.items():
        n, hits = index.names_ending(ext)  # type: ignore[misc]
        if n:
            facts.languages[lang] = facts.languages.get(lang, 0) + n
            at = next((i for i in hits if i not in skipped), None)
            if at is not None and (lang not in first or at < first[lang]):
                first[lang] = at
    for lang, n in left_out.items():
        if lang:
            facts.languages[lang] -= n
    # in the order a walk through the files meets each language
    order = sorted(first, key=first.__getitem__)
    facts.languages = {lang: facts.languages[lang] for lang in order}
    facts.language_example = {lang: index.paths[first[lang]] for lang in order}


def _language(name: str) -> str | None:
    dot = name.rfind(".")
    return CODEQL_LANGUAGES.get(name[dot:].lower()) if dot >= 0 else None


def _languages_each(files: list[str], facts: TreeFacts) -> None:
    for path in files:
        lang = _language(path.rsplit("/", 1)[-1])
        if lang and not _NOT_OWN_RX.search(path):
            facts.languages[lang] = facts.languages.get(lang, 0) + 1
            facts.language_example.setdefault(lang, path)


def _is_test_path(path: str) -> bool:
    parts = path.lower().split("/")
    return any(p in ("test", "tests", "testdata", "fixtures", "examples", "example", "samples", "e2e", "__tests__")
               for p in parts[:-1])

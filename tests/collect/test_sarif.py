"""SARIF ingestion: real producer shapes in, normalised findings out; bad input gives one line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from gate.collect.sarif import (Finding, SarifError, expand_paths, load_file, load_paths, parse_log,
                                severity_from_score)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CODEQL = FIXTURES / "sarif-codeql-output"
MALFORMED = FIXTURES / "sarif-malformed"


@pytest.fixture(autouse=True)
def _no_workspace(monkeypatch):
    # The suite may itself run in GitHub Actions; the checkout prefix must come from the test.
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def _log(results, rules=(), name="tool", **run):
    return {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": name, "rules": list(rules)}},
                                          "results": results, **run}]}


def _res(rule="r1", uri="a.py", line=3, **kw):
    out = {"ruleId": rule, "message": {"text": "m"},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": {"startLine": line}}}]}
    out.update(kw)
    return out


def test_codeql_output_directory_loads_both_languages():
    load = load_paths([str(CODEQL)], FIXTURES)
    assert sorted(Path(f).name for f in load.files) == ["javascript.sarif", "python.sarif"]
    got = {(f.rule_id, f.path, f.line, f.severity) for f in load.findings}
    assert got == {
        ("py/command-line-injection", "src/shop/views.py", 42, "critical"),   # 9.8
        ("py/sql-injection", "src/shop/db.py", 17, "high"),                   # 8.8
        ("py/weak-sensitive-data-hashing", "src/shop/auth.py", 8, "medium"),  # 5.0
        ("py/unused-import", "src/shop/views.py", 1, "low"),                  # level note, no score
        ("js/code-injection", "web/src/calc.js", 6, "critical"),
        ("js/reflected-xss", "web/src/server.js", 22, "medium"),
    }
    assert all(f.tool == "codeql" for f in load.findings)
    assert load.tools == {"codeql"}
    # The in-source suppressed clear-text-logging result is not a finding, and is said so.
    assert any("1 suppressed" in n for n in load.notices)
    inj = next(f for f in load.findings if f.rule_id == "py/command-line-injection")
    assert inj.column == 5 and inj.help_uri.endswith("/py/command-line-injection/")
    assert inj.message.startswith("This command line depends on")


def test_glob_and_file_inputs(tmp_path):
    assert [p.name for p in expand_paths([str(CODEQL / "py*.sarif")])] == ["python.sarif"]
    assert [p.name for p in expand_paths(["python.sarif"], cwd=CODEQL)] == ["python.sarif"]
    with pytest.raises(SarifError, match="matched no SARIF file"):
        expand_paths([str(tmp_path / "*.sarif")])
    with pytest.raises(SarifError, match="no such file"):
        expand_paths([str(tmp_path / "nope.sarif")])
    with pytest.raises(SarifError, match="holds no"):
        expand_paths([str(tmp_path)])


@pytest.mark.parametrize("score,expected", [(10, "critical"), (9.0, "critical"), (8.9, "high"), (7.0, "high"),
                                            (6.9, "medium"), (4.0, "medium"), (3.9, "low"), (0.1, "low"),
                                            (0, "note")])
def test_cvss_bands(score, expected):
    assert severity_from_score(score) == expected


def test_severity_precedence_result_then_rule_then_level():
    rules = [{"id": "scored", "properties": {"security-severity": "9.1"}},
             {"id": "leveled", "defaultConfiguration": {"level": "error"}},
             {"id": "bare"}]
    log = _log([_res("scored", level="note"),                                   # the rule's score wins over level
                _res("scored", properties={"security-severity": "4.5"}),       # the result's own score wins
                _res("leveled"),                                                # rule default level error -> high
                _res("leveled", level="warning", line=9),                       # the result's level wins
                _res("bare"),                                                   # SARIF default: warning
                _res("bare", level="none", line=8),
                _res("bare", properties={"security-severity": "n/a"}, line=7)], rules)
    sev = [f.severity for f in parse_log(log, "x.sarif").findings]
    assert sev == ["critical", "medium", "high", "medium", "medium", "note", "medium"]


def test_rule_found_by_index_alone_and_wrong_index_ignored():
    rules = [{"id": "a", "properties": {"security-severity": "9.5"}},
             {"id": "b", "defaultConfiguration": {"level": "note"}}]
    by_index = {"ruleIndex": 0, "message": {"text": "m"}}
    wrong = _res("b", ruleIndex=0)
    assert [(f.rule_id, f.severity) for f in parse_log(_log([by_index, wrong], rules), "x").findings] == [
        ("a", "critical"), ("b", "low")]


def test_message_from_rule_message_strings():
    rules = [{"id": "r1", "messageStrings": {"default": {"text": "Value {0} flows to {1}."}}}]
    log = _log([_res(message={"id": "default", "arguments": ["x", "exec"]})], rules)
    assert parse_log(log, "x").findings[0].message == "Value x flows to exec."


def test_absolute_and_based_uris_become_repository_relative(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "app.py").write_text("import os\n\nos.system(cmd)\n")
    load = load_file(FIXTURES / "sarif-absolute-uris" / "semgrep.sarif", tmp_path)
    assert [f.path for f in load.findings] == ["src/app.py", "src/app.py", "src/app.py", "src/my file.py"]
    assert load.findings[0].tool == "semgrep"   # "Semgrep OSS" normalised


def test_checkout_prefix_from_github_workspace(monkeypatch):
    monkeypatch.setenv("GITHUB_WORKSPACE", "/home/runner/work/shop/shop")
    log = _log([_res(uri="file:///home/runner/work/shop/shop/lib/x.py")])
    assert parse_log(log, "x").findings[0].path == "lib/x.py"


def test_fingerprint_ignores_line_but_not_code(tmp_path):
    def fp(snippet, line, path="a.py"):
        res = _res(uri=path, line=line)
        res["locations"][0]["physicalLocation"]["region"]["snippet"] = {"text": snippet}
        return parse_log(_log([res]), "x").findings[0].fingerprint
    assert fp("os.system(cmd)", 3) == fp("  os.system( cmd )", 40)   # moved and reindented: same
    assert fp("os.system(cmd)", 3) != fp("os.system(other)", 3)
    assert fp("os.system(cmd)", 3) != fp("os.system(cmd)", 3, path="b.py")


def test_fingerprint_from_source_when_no_snippet(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\nos.system(cmd)\n")
    first = parse_log(_log([_res(line=2)]), "x", tmp_path).findings[0].fingerprint
    (tmp_path / "a.py").write_text("x = 1\n\n\n# moved down\nos.system(cmd)\n")
    assert parse_log(_log([_res(line=5)]), "x", tmp_path).findings[0].fingerprint == first


def test_partial_fingerprints_win_and_duplicates_stay_distinct():
    a = _res(partialFingerprints={"primaryLocationLineHash": "abc:1"})
    b = _res(line=30, partialFingerprints={"primaryLocationLineHash": "abc:1"})
    c = _res(line=50)
    c["locations"][0]["physicalLocation"]["region"]["snippet"] = {"text": "eval(x)"}
    d = _res(line=60)
    d["locations"][0]["physicalLocation"]["region"]["snippet"] = {"text": "eval(x)"}
    fps = [f.fingerprint for f in parse_log(_log([a, b, c, d]), "x").findings]
    assert len(set(fps)) == 4
    assert fps[0].endswith(":1") and fps[1].endswith(":2")


def test_invalid_json_names_file_and_position():
    with pytest.raises(SarifError) as err:
        load_file(MALFORMED / "invalid-json.sarif")
    text = str(err.value)
    assert text.startswith(str(MALFORMED / "invalid-json.sarif") + ": invalid JSON at line 1 column")
    assert "\n" not in text


def test_wrong_version_and_wrong_shape():
    with pytest.raises(SarifError, match=r"wrong-version.sarif: SARIF version '2.0.0' is not supported"):
        load_file(MALFORMED / "wrong-version.sarif")
    with pytest.raises(SarifError, match="top level is not a JSON object"):
        load_file(MALFORMED / "not-an-object.sarif")
    with pytest.raises(SarifError, match="no 'runs' array"):
        parse_log({"version": "2.1.0"}, "x.sarif")


def test_results_without_locations_are_kept_and_counted():
    load = load_file(MALFORMED / "missing-locations.sarif")
    assert [(f.rule_id, f.path, f.line, f.severity) for f in load.findings] == [
        ("CVE-2024-0001", "", None, "critical"), ("CVE-2024-0001", "", None, "critical")]
    assert load.findings[0].where() == "(no location)"
    assert len({f.fingerprint for f in load.findings}) == 2
    assert any("2 result(s) have no file location" in n for n in load.notices)
    assert any("2 malformed" in n for n in load.notices)   # no rule id, not an object


def test_oversized_file_is_refused(tmp_path):
    big = tmp_path / "big.sarif"
    big.write_text(json.dumps(_log([_res()] * 100)))
    with pytest.raises(SarifError, match="over the 1000-byte bound"):
        load_file(big, max_bytes=1000)


def test_non_utf8_and_odd_types_never_crash(tmp_path):
    bad = tmp_path / "latin.sarif"
    bad.write_bytes(b'{"version": "2.1.0", "runs": [], "x": "\xff"}')
    with pytest.raises(SarifError, match="not UTF-8"):
        load_file(bad)
    odd = {"version": "2.1.0", "runs": [{"tool": "x", "results": [
        {"ruleId": 5, "locations": "nowhere"},
        {"ruleId": "r", "locations": [None, {"physicalLocation": 3}], "level": "fatal", "message": None}]}]}
    load = parse_log(odd, "odd.sarif")
    assert [(f.rule_id, f.severity, f.path) for f in load.findings] == [("r", "medium", "")]


def test_hundred_thousand_results_bounded(tmp_path):
    results = []
    for i in range(100_000):
        r = _res(rule=f"R{i % 50}", uri=f"pkg/m{i % 2000}.py", line=i % 500 + 1,
                 partialFingerprints={"primaryLocationLineHash": f"{i:016x}:1"})
        if i % 1000 == 0:
            r["level"] = "error"
        else:
            r["level"] = "note"
        results.append(r)
    path = tmp_path / "huge.sarif"
    path.write_text(json.dumps(_log(results)))
    del results
    load = load_file(path, tmp_path, max_findings=20_000)
    # work bounded by the input, not by time: each result read once, each distinct file
    # path resolved once, no source file read (the log carries fingerprints)
    assert load.work == {"results": 100_000, "uris_resolved": 2000, "files_read": 0}
    assert len(load.findings) == 20_000
    assert any("100000 findings; only the 20000 most severe are kept" in n for n in load.notices)
    # The cap keeps every high finding (most severe first), so the gate's verdict is unchanged.
    assert sum(f.severity == "high" for f in load.findings) == 100
    assert all(isinstance(f, Finding) for f in load.findings[:5])

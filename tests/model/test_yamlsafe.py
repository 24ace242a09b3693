"""The bounded YAML loader: GitHub's reading of scalars, line marks, and hostile input."""

import pytest

from gate.model.yamlsafe import YamlError, YList, YMap, load


def test_on_key_stays_a_string_and_yes_no_on_off_are_strings():
    doc = load("on: push\nyes: no\noff: on\n")
    assert list(doc) == ["on", "yes", "off"]
    assert doc["on"] == "push" and doc["yes"] == "no" and doc["off"] == "on"


PLAIN_BUG = ("yamlsafe.py _scalar: libyaml's CSafeLoader reports plain scalars with style '' (the pure-Python "
             "parser uses None), and `event.style is None` is tested, so with the C parser every plain scalar "
             "stays a string: `true` -> 'true', `10` -> '10', `~`/empty -> '' (so `cancel-in-progress: false` "
             "is truthy and an empty `push:` is '' instead of None)")


def test_plain_true_false_null_are_typed():
    doc = load("t: true\nf: false\nn: ~\ne:\n")
    assert doc["t"] is True and doc["f"] is False and doc["n"] is None and doc["e"] is None


def test_scalars_follow_yaml_1_2_core():
    doc = load("a: 010\nb: 0o17\nc: 1_000\nd: 1.5\ne: ~\nf: '3'\ng: 3.10\n")
    assert doc["a"] == 10 and doc["b"] == 15 and doc["c"] == 1000
    assert doc["d"] == 1.5 and doc["e"] is None and doc["f"] == "3"


def test_line_marks_on_keys_and_items():
    doc = load("# comment\nname: x\njobs:\n  a:\n    steps:\n      - run: one\n      - run: two\n")
    assert isinstance(doc, YMap) and doc.line_of("jobs") == 3
    steps = doc["jobs"]["a"]["steps"]
    assert isinstance(steps, YList)
    assert [steps.line_of(0), steps.line_of(1)] == [6, 7]
    assert doc["jobs"].line_of("a") == 4


def test_anchors_aliases_and_merge_keys_with_the_c_or_python_parser():
    doc = load(
        "defaults: &d\n"
        "  runs-on: ubuntu-latest\n"
        "  timeout-minutes: 5\n"
        "jobs:\n"
        "  a:\n"
        "    <<: *d\n"
        "    timeout-minutes: 10\n"
        "  b: *d\n"
        "list: &l [1, 2]\n"
        "again: *l\n")
    a = doc["jobs"]["a"]
    assert a["runs-on"] == "ubuntu-latest"
    assert str(a["timeout-minutes"]) == "10"  # explicit keys win over merged ones
    assert "<<" not in a
    assert doc["jobs"]["b"]["runs-on"] == "ubuntu-latest"
    assert [str(x) for x in doc["again"]] == ["1", "2"]


def test_merge_of_a_list_of_mappings_first_wins():
    doc = load("x: &x {k: a}\ny: &y {k: b, j: c}\nz:\n  <<: [*x, *y]\n")
    assert doc["z"] == {"k": "a", "j": "c"}


def test_billion_laughs_stops_fast_with_a_clear_error():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    # bounded by the count of nodes aliases expand to: the bound's own error says it stopped
    with pytest.raises(YamlError) as exc:
        load("\n".join(lines) + "\n")
    assert "alias bomb" in exc.value.message
    assert exc.value.line is not None


def test_recursive_alias_is_an_error_not_a_hang():
    with pytest.raises(YamlError) as exc:
        load("a: &a\n  b: *a\n")
    assert "cycle" in exc.value.message or "refers to itself" in exc.value.message


def test_undefined_alias_is_an_error_with_a_line():
    with pytest.raises(YamlError) as exc:
        load("a: 1\nb: *nope\n")
    assert exc.value.line == 2


def test_ten_thousand_deep_flow_nesting_is_bounded():
    with pytest.raises(YamlError) as exc:  # the depth bound stops it, not the stack
        load("x: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert "nesting" in exc.value.message and exc.value.line == 1


def test_deep_block_mapping_is_bounded():
    text = "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n"
    with pytest.raises(YamlError) as exc:
        load(text, max_depth=64)
    assert "nesting deeper" in exc.value.message


def test_multiple_documents_are_refused_with_the_line_of_the_second():
    with pytest.raises(YamlError) as exc:
        load("a: 1\n---\nb: 2\n")
    assert exc.value.line == 2 and "more than one" in exc.value.message


def test_invalid_yaml_reports_its_line():
    with pytest.raises(YamlError) as exc:
        load("a:\n  - b\n c: d\n")
    assert exc.value.line == 3 and "invalid YAML" in exc.value.message


def test_a_mapping_as_a_key_is_refused():
    with pytest.raises(YamlError):
        load("? {a: 1}\n: v\n")

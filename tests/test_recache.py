"""attrib.recache: compiled rule regexes cached on disk (JSON) for a fast start, safe to tamper with."""

from __future__ import annotations

import json
import re

import pytest

from attrib import recache
from attrib.termregex import compile_terms, trie_regex

PATTERNS = [
    (r"(?<![\w-])(?:said|told(?:\s+reporters)?)(?![\w-])", re.IGNORECASE),
    (r"(?P<who>[A-Z][a-z]+) (?P<cue>said)", 0),
    (r"^\s*Related:.*$", re.MULTILINE),
    (r"[“”\"]", 0),
]
TEXT = "Officials said so. Ruiz told reporters. TOLD\nRelated: more news\n“quote”"


@pytest.fixture
def cache(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("ATTRIB_NO_REGEX_CACHE", raising=False)
    recache.reset()
    yield tmp_path
    recache.reset()


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    assert [(m.span(), m.groups()) for m in a.finditer(TEXT)] == [(m.span(), m.groups()) for m in b.finditer(TEXT)]


def test_round_trip_through_the_file(cache):
    first = [recache.compile(p, f) for p, f in PATTERNS]
    recache.save()
    path = recache.cache_path()
    assert path and path.startswith(str(cache))
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    assert len(data["entries"]) == len(PATTERNS)
    recache.reset()
    second = [recache.compile(p, f) for p, f in PATTERNS]
    assert not recache._dirty  # all from the file
    for (p, f), a, b in zip(PATTERNS, first, second, strict=True):
        _same(a, re.compile(p, f))
        _same(b, re.compile(p, f))


def test_invalid_pattern_raises_like_re(cache):
    with pytest.raises(re.error):
        recache.compile("(unclosed")


@pytest.mark.parametrize(
    "tamper",
    [
        lambda e: e.update(code=[1, 2, 3]),  # not an entry
        lambda e: e.update(code=[e["code"][0], recache._pack([999999, 1, 2]), 0, {}]),  # nonsense engine code
        lambda e: e.update(code=[0, recache._pack([1] * 5), 0, {}]),
        lambda e: e.update(code=[e["code"][0], "not base64!", 0, {}]),
        lambda e: e.update(code=[e["code"][0], [17, 4, 0], 0, {}]),
        lambda e: e.update(pattern="something else"),
    ],
)
def test_tampered_entries_fall_back_to_compiling(cache, tamper):
    recache.compile("said|told", re.IGNORECASE)
    recache.save()
    path = recache.cache_path()
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for entry in data["entries"].values():
        tamper(entry)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    recache.reset()
    _same(recache.compile("said|told", re.IGNORECASE), re.compile("said|told", re.IGNORECASE))


@pytest.mark.parametrize("content", ["", "not json", "[]", '{"tag": "other", "entries": {}}', "[" * 50_000])
def test_corrupt_file_is_ignored(cache, content):
    path = recache.cache_path()
    cache.mkdir(exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(content)
    recache.reset()
    _same(recache.compile(r"\bsaid\b"), re.compile(r"\bsaid\b"))


def test_unwritable_cache_dir_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ATTRIB_CACHE_DIR", str(blocker / "sub"))  # a directory under a file: cannot exist
    recache.reset()
    recache.compile("abc")
    recache.save()  # silently does nothing
    recache.reset()


def test_cache_can_be_turned_off(cache, monkeypatch):
    monkeypatch.setenv("ATTRIB_NO_REGEX_CACHE", "1")
    assert recache.cache_path() is None
    recache.compile("abc")
    recache.save()
    assert not list(cache.iterdir())


def test_compile_terms_is_the_trie_and_is_cached(cache):
    terms = ("said", "told reporters", "according to", "Said")
    first = compile_terms(terms)
    assert first.pattern == trie_regex(sorted(set(terms)))
    assert first.flags & re.IGNORECASE
    recache.save()
    recache.reset()
    second = compile_terms(reversed(terms))
    _same(first, second)
    assert not recache._dirty


def test_loading_rules_uses_the_cache(cache):
    from attrib.ruleset import load_rules

    a = load_rules()
    recache.save()
    recache.reset()
    b = load_rules()
    assert not recache._dirty
    for ra, rb in zip(a.rules, b.rules, strict=True):
        for xa, xb in zip(ra.regexes, rb.regexes, strict=True):
            _same(xa, xb)


def test_load_toml_is_tomllib_cached(cache):
    import tomllib

    raw = '[[rules]]\nid = "C001"\nterms = ["said", "told"]\nthreshold = 0.5\nflag = true\n'
    assert recache.load_toml(raw) == tomllib.loads(raw)
    recache.save()
    recache.reset()
    assert recache.load_toml(raw) == tomllib.loads(raw)
    assert not recache._dirty
    with pytest.raises(tomllib.TOMLDecodeError):
        recache.load_toml("x = [\n")
    dated = "when = 2024-01-01\n"
    assert recache.load_toml(dated) == tomllib.loads(dated)
    assert not any(k.startswith("toml:when") for k in recache._load())  # dates do not survive JSON: not cached

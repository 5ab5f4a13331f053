"""The registry of statement rules: one named function per rule, tried in the configured order.

The statement component decides by chains of "if this, else if that" —
which act a cue word reports, who a clause makes responsible, which stance
an act takes. Each link of a chain is a :class:`Rule`: a function with a
name and the lexicon keys whose words start it, registered with
:func:`rule` in the style of spaCy's registries. Which rules run, and in
which order, is read from ``rules.yaml`` (and the component's
``disabled_rules``), so a rule is switched off or moved without code
changes, and the name of each rule that shaped a statement can reach its
evidence.

A :class:`Chain` tries its rules in order and the first that fires wins:
a rule answers ``None`` when it does not apply, and anything else (an
empty list included: "this word is mine, and it names no one here") ends
the chain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from importlib import import_module, resources
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from spacy.tokens import Token

from counterclaim.nlp.statement.lexicon import StanceLexicon

Answer = TypeVar("Answer")
Fn = TypeVar("Fn", bound=Callable[..., Any])

#: The chains, in the order the statement component uses them; a rule's kind is the part of its name before the dot.
KINDS = ("act", "speech", "speaker", "party", "name", "target", "stance", "condemnation", "fallback")
#: The modules of ``nlp/statement/rules/`` that register rules, imported when the registry is first read.
RULE_MODULES = (
    "claims",
    "accusations",
    "denials",
    "condemnations",
    "reports",
    "hedges",
    "speakers",
    "parties",
    "targets",
    "stances",
)
#: How many distinct (lemma, form, part of speech) triples a chain remembers its candidate rules for.
_MEMO_SIZE = 65536


class RuleConfigError(ValueError):
    """A rule configuration names a rule that does not exist or puts it under the wrong kind."""


@dataclass(frozen=True)
class Rule(Generic[Answer]):
    """One statement rule: its name, the lexicon keys that start it, its place in its chain, its function.

    ``lemmas`` and ``forms`` are keys of ``lexicons/stance.yaml``: the rule is
    tried on a word whose lemma is in the lists under ``lemmas`` or whose
    lower-cased form is in the lists under ``forms``; a rule with neither is
    tried on every word (or on every act or phrase, for chains that do not
    start from a word). ``pos`` narrows it to words of those parts of speech.
    """

    name: str
    fn: Callable[..., Answer | None]
    lemmas: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    pos: tuple[str, ...] = ()
    order: int = -1

    @property
    def kind(self) -> str:
        """The chain the rule belongs to: "act", "target", ..."""
        return self.name.split(".", 1)[0]

    @property
    def keys(self) -> tuple[str, ...]:
        """Every lexicon key that starts the rule, lemmas first."""
        return tuple(dict.fromkeys((*self.lemmas, *self.forms)))

    @property
    def summary(self) -> str:
        """The first line of the rule's docstring: what it recognises."""
        return (self.fn.__doc__ or "").strip().split("\n", 1)[0]


_REGISTRY: dict[str, Rule[Any]] = {}


def rule(
    name: str, *, lemmas: Sequence[str] = (), forms: Sequence[str] = (), pos: Sequence[str] = ()
) -> Callable[[Fn], Fn]:
    """Register the decorated function as the rule ``name`` ("kind.what"), started by the words of these keys."""
    kind = name.split(".", 1)[0]
    if kind not in KINDS or "." not in name:
        raise ValueError(f"rule {name!r}: a rule's name is KIND.NAME with KIND one of {', '.join(KINDS)}")

    def register(fn: Fn) -> Fn:
        if name in _REGISTRY:
            raise ValueError(f"rule {name!r} is registered twice")
        _REGISTRY[name] = Rule(name, fn, tuple(lemmas), tuple(forms), tuple(pos))
        return fn

    return register


def registered() -> dict[str, Rule[Any]]:
    """Every registered rule by name.

    The rule modules import the modules whose records they build, which in
    turn import this one; so they are imported here, when first needed, not
    when this module loads.
    """
    for module in RULE_MODULES:
        import_module(f"{__package__}.{module}")
    return dict(_REGISTRY)


class Chain(Generic[Answer]):
    """The enabled rules of one kind, in order; :meth:`first` runs them until one fires.

    ``lemmas`` and ``forms`` are the words any rule of the chain starts from,
    built from the rules' declared keys: callers skip every other word at
    once. For each word the chain remembers which of its rules the word can
    start, so a word is never tested against a rule it cannot trigger.
    """

    def __init__(self, kind: str, rules: Sequence[Rule[Answer]], lexicon: StanceLexicon) -> None:
        self.kind = kind
        self.rules = tuple(rules)
        self._triggers = [
            (rule, lexicon.words(*rule.lemmas), lexicon.words(*rule.forms), frozenset(rule.pos)) for rule in self.rules
        ]
        self.lemmas = frozenset().union(*(lemmas for _, lemmas, _, _ in self._triggers))
        self.forms = frozenset().union(*(forms for _, _, forms, _ in self._triggers))
        self._by_word: dict[tuple[str, str, str], tuple[Rule[Answer], ...]] = {}

    def candidates(self, token: Token) -> tuple[Rule[Answer], ...]:
        """The rules ``token`` can start, in order."""
        key = (token.lemma_.lower(), token.lower_, token.pos_)
        found = self._by_word.get(key)
        if found is None:
            lemma, form, pos = key
            found = tuple(
                rule
                for rule, lemmas, forms, parts in self._triggers
                if (not parts or pos in parts) and ((not lemmas and not forms) or lemma in lemmas or form in forms)
            )
            if len(self._by_word) > _MEMO_SIZE:
                self._by_word.clear()
            self._by_word[key] = found
        return found

    def named(self, *args: Any, token: Token | None = None) -> Answer | list:
        """The first firing rule's answer (a list of acts or drafts), each stamped with the rule's name in ``rule``,
        so the evidence says which rule made it; an empty list when none fires."""
        found = self.first(*args, token=token)
        if found is None:
            return []
        rule, out = found
        for item in out:
            item.rule = rule.name
        return out

    def first(self, *args: Any, token: Token | None = None) -> tuple[Rule[Answer], Answer] | None:
        """The first rule that fires on ``args`` and its answer; with ``token``, only the rules it can start."""
        for rule in self.candidates(token) if token is not None else self.rules:
            answer = rule.fn(*args)
            if answer is not None:
                return rule, answer
        return None


def default_config_path() -> Path:
    """The bundled ``rules.yaml``."""
    return Path(str(resources.files("counterclaim.nlp.statement").joinpath("rules.yaml")))


def rule_config(path: str | Path | None = None) -> dict[str, list[str]]:
    """The rule names per kind, in order, from ``path`` or the bundled ``rules.yaml``."""
    source = Path(path) if path is not None else default_config_path()
    data = yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    if not isinstance(data, Mapping):
        raise RuleConfigError(f"{source}: expected a mapping from rule kind to a list of rule names")
    return {str(kind): [str(name) for name in names or []] for kind, names in data.items()}


def check_names(names: Iterable[str]) -> None:
    """Raise :class:`RuleConfigError` for any name that is no registered rule."""
    unknown = sorted(set(names) - set(registered()))
    if unknown:
        raise RuleConfigError(
            f"unknown statement rule {', '.join(map(repr, unknown))}; `counterclaim rules` lists the rules"
        )


def configured(config: Mapping[str, Sequence[str]], disabled: Iterable[str] = ()) -> dict[str, list[Rule[Any]]]:
    """The enabled rules per kind, in configured order (``order`` set), without the ``disabled`` ones."""
    disabled = set(disabled)
    check_names(disabled)
    out: dict[str, list[Rule[Any]]] = {kind: [] for kind in KINDS}
    for kind, names in config.items():
        if kind not in KINDS:
            raise RuleConfigError(f"unknown rule kind {kind!r}; the kinds are {', '.join(KINDS)}")
        check_names(names)
        for name in names:
            found = _REGISTRY[name]
            if found.kind != kind:
                raise RuleConfigError(f"rule {name!r} is listed under {kind!r}, but it is a {found.kind!r} rule")
            if name not in disabled:
                out[kind].append(replace(found, order=len(out[kind])))
    return out


@dataclass(frozen=True)
class Chains:
    """One :class:`Chain` per kind of rule: what the statement component runs."""

    act: Chain[Any]
    speech: Chain[Any]
    speaker: Chain[Any]
    party: Chain[Any]
    name: Chain[Any]
    target: Chain[Any]
    stance: Chain[Any]
    condemnation: Chain[Any]
    fallback: Chain[Any]


def build_chains(lexicon: StanceLexicon, path: str | Path | None = None, disabled: Iterable[str] = ()) -> Chains:
    """The chains configured in ``path`` (default: the bundled ``rules.yaml``) without the ``disabled`` rules."""
    known = {f.name for f in fields(StanceLexicon)}
    for found in registered().values():
        missing = [key for key in found.keys if key not in known]
        if missing:
            raise RuleConfigError(f"rule {found.name!r} names unknown lexicon keys: {', '.join(missing)}")
    rules = configured(rule_config(path), disabled)
    return Chains(**{kind: Chain(kind, rules[kind], lexicon) for kind in KINDS})


def rule_table(path: str | Path | None = None) -> list[dict[str, Any]]:
    """Every registered rule as a row (order, name, kind, keys, summary), in configured order; unlisted ones last.

    An unlisted rule (one the configuration leaves out) has order -1: it does not run.
    """
    config = configured(rule_config(path))
    listed = [rule for kind in KINDS for rule in config[kind]]
    names = {rule.name for rule in listed}
    rest = [rule for name, rule in sorted(registered().items()) if name not in names]
    return [
        {"order": rule.order, "name": rule.name, "kind": rule.kind, "keys": _key_labels(rule), "summary": rule.summary}
        for rule in (*listed, *rest)
    ]


def _key_labels(rule: Rule[Any]) -> list[str]:
    """The rule's keys as a reader needs them: a key matched on word forms says so."""
    how = {key: "lemma" for key in rule.lemmas}
    for key in rule.forms:
        how[key] = "lemma or form" if key in how else "form"
    return [key if found == "lemma" else f"{key} ({found})" for key, found in how.items()]

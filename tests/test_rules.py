"""The statement rule registry: every rule listed with its keys, switched off by config, named in the evidence."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import fields
from pathlib import Path

import pytest
import yaml
from spacy.language import Language
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.nlp import build_pipeline, records_from_documents
from counterclaim.nlp.statement.lexicon import StanceLexicon, stance_lexicon
from counterclaim.nlp.statement.rules.registry import (
    KINDS,
    RuleConfigError,
    build_chains,
    default_config_path,
    registered,
    rule_config,
)
from counterclaim.records import ArticleRecord, Document, document_id
from counterclaim.store import Store

# Written for these tests: a raid, a claim, an accusation, a condemnation and a vow.
TEXT = (
    "Gunmen stormed a police post outside Garissa on Tuesday, killing four officers.\n\n"
    "Al-Shabaab claimed responsibility for the raid in a message on its radio station. "
    "Kenya's interior minister accused the group of planning the raid from Somali soil. "
    "The African Union condemned the attack, and the governor vowed to hunt down the attackers. "
    "A spokesman said the raid was carried out by al-Shabaab fighters."
)


def record(nlp: Language, text: str = TEXT) -> ArticleRecord:
    document = Document(id=document_id(text), name="raid", text=text, raw_hash="0" * 64)
    return next(records_from_documents(nlp, [document]))


def shaped_by(rec: ArticleRecord, rule: str) -> list[tuple[str, str, str | None]]:
    return [(s.speaker_name, s.stance, s.target_name) for s in rec.statements if rule in s.evidence.rules]


def test_registry_lists_each_rule_with_its_keys() -> None:
    rules = registered()
    config = rule_config()
    listed = [name for kind in KINDS for name in config.get(kind, [])]
    assert sorted(listed) == sorted(rules)  # the bundled configuration runs every rule, each once
    lexicon_keys = {f.name for f in fields(StanceLexicon)}
    for name, rule in rules.items():
        assert rule.kind in KINDS and name.startswith(f"{rule.kind}.")
        assert set(rule.keys) <= lexicon_keys, name
        assert rule.summary, f"{name} says in its docstring what it reads"
    assert rules["act.claim"].keys == ("claim_verbs",)
    assert rules["act.named_responsible"].keys == ("hold_verbs", "identify_verbs", "label_verbs")
    assert rules["act.condemnation_noun"].forms == ("condemn_nouns",)
    assert rules["target.behind"].forms == ("responsible_prepositions",)
    assert rules["target.identity"].lemmas == ("copulas",)
    assert rules["speaker.named"].keys == ()  # tried on every subject


def test_trigger_words_are_built_from_the_rules_keys() -> None:
    lex = stance_lexicon()
    chains = build_chains(lex)
    acts = [rule for rule in chains.act.rules if rule.pos != ("NOUN",)]
    assert chains.act.lemmas == frozenset().union(*(lex.words(*rule.lemmas) for rule in acts))
    assert {"point", "lay"} <= chains.act.lemmas  # the verbs of the finger phrases
    forms = lex.attack_nouns | lex.responsible_adjectives | lex.responsible_prepositions | lex.perpetrate_forms
    forms |= lex.instigation_nouns
    assert chains.target.forms == forms
    without_vow = build_chains(lex, disabled=["act.vow"])
    assert "vow" in chains.act.lemmas and "vow" not in without_vow.act.lemmas
    assert [rule.order for rule in chains.target.rules] == list(range(len(chains.target.rules)))


def test_unknown_or_misplaced_rules_are_clear_errors(tmp_path: Path) -> None:
    lex = stance_lexicon()
    with pytest.raises(RuleConfigError, match=r"unknown statement rule 'act\.shrug'"):
        build_chains(lex, disabled=["act.shrug"])
    misplaced = tmp_path / "rules.yaml"
    misplaced.write_text("target:\n  - act.claim\n", encoding="utf-8")
    with pytest.raises(RuleConfigError, match="listed under 'target'"):
        build_chains(lex, misplaced)


def test_switching_a_rule_off_in_config_removes_its_statements(pipeline: Language, tmp_path: Path) -> None:
    before = record(pipeline)
    assert ("African Union", "condemn", None) in shaped_by(before, "act.condemnation")
    assert shaped_by(before, "act.vow")
    # a pipeline YAML that switches the narrated condemnation off in the component's config
    components = yaml.safe_load((Path(__file__).parents[1] / "src/counterclaim/nlp/pipeline.yaml").read_text())
    for entry in components["components"]:
        if entry["factory"] == "cc_statements":
            entry["config"] = {"disabled_rules": ["act.condemnation"]}
    custom = tmp_path / "pipeline.yaml"
    custom.write_text(yaml.safe_dump(components), encoding="utf-8")
    after = record(build_pipeline(pipeline=custom))
    assert not shaped_by(after, "act.condemnation")
    assert "African Union" not in [s.speaker_name for s in after.statements]
    assert shaped_by(after, "act.claim") == shaped_by(before, "act.claim")  # the other rules are untouched
    # a rules YAML that leaves the vow out
    rules = yaml.safe_load(default_config_path().read_text(encoding="utf-8"))
    rules["act"].remove("act.vow")
    own_rules = tmp_path / "rules.yaml"
    own_rules.write_text(yaml.safe_dump(rules), encoding="utf-8")
    for entry in components["components"]:
        if entry["factory"] == "cc_statements":
            entry["config"] = {"rules": str(own_rules)}
    custom.write_text(yaml.safe_dump(components), encoding="utf-8")
    assert not shaped_by(record(build_pipeline(pipeline=custom)), "act.vow")


def test_rule_names_reach_the_evidence_of_a_stored_statement(pipeline: Language, tmp_path: Path) -> None:
    rec = record(pipeline)
    claim = next(s for s in rec.statements if s.stance == "claim")
    assert claim.evidence.rules[0] == "act.claim" and claim.evidence.rules[-1] == "stance.claim"
    blamed = next(s for s in rec.statements if "target.perpetrator" in s.evidence.rules)
    assert blamed.evidence.rules[0] == "act.report" and "name.known" in blamed.evidence.rules
    db = tmp_path / "rules.db"
    store = Store(f"sqlite:///{db}", create=True)
    try:
        store.save_many([rec])
        assert store.load_record(rec.document.id).statements[0].evidence.rules == rec.statements[0].evidence.rules
    finally:
        store.close()
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT stance, evidence_rules FROM statements ORDER BY position").fetchall()
    assert [(stance, json.loads(names)) for stance, names in rows] == [
        (s.stance, s.evidence.rules) for s in rec.statements
    ]


def test_cli_lists_rules_and_switches_them_off(tmp_path: Path) -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0, listing.output
    assert "act.claim" in listing.output and "claim_verbs" in listing.output
    assert "target.behind" in listing.output and "responsible_prepositions (form)" in listing.output
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "raid.txt").write_text(TEXT, encoding="utf-8")
    bad = runner.invoke(app, ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "x"), "--disable-rule", "act.x"])
    assert bad.exit_code == 2 and "unknown statement rule 'act.x'" in bad.output and "Traceback" not in bad.output
    args = ["extract", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--disable-rule", "act.condemnation"]
    done = runner.invoke(app, args)
    assert done.exit_code == 0, done.output
    statements = json.loads((tmp_path / "out" / "raid.json").read_text(encoding="utf-8"))["statements"]
    assert statements and all(s["evidence"]["rules"] for s in statements)
    assert not any("act.condemnation" in s["evidence"]["rules"] for s in statements)

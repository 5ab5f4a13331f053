"""The stance vocabulary of ``lexicons/stance.yaml`` as frozen sets.

Rules test membership token by token, so the lists are turned into sets once
per process instead of being scanned for each token.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from counterclaim.lexicons import load_lexicon


@dataclass(frozen=True)
class FingerPhrase:
    """``VERB (the) OBJECT PREPOSITION X``: "point fingers at X", "lay the blame on X"."""

    verb: str
    object: str
    preposition: str


@dataclass(frozen=True)
class StanceLexicon:
    """Every word list the statement rules read."""

    attack_nouns: frozenset[str]
    other_attack_modifiers: frozenset[str]
    claim_verbs: frozenset[str]
    claim_needs_responsibility: frozenset[str]
    burden_verbs: frozenset[str]
    responsibility_nouns: frozenset[str]
    claim_forms: frozenset[str]
    accuse_verbs: frozenset[str]
    finger_phrases: tuple[FingerPhrase, ...]
    hold_verbs: frozenset[str]
    identify_verbs: frozenset[str]
    doer_nouns: frozenset[str]
    attribute_verbs: frozenset[str]
    conviction_verbs: frozenset[str]
    complicity_verbs: frozenset[str]
    instigation_nouns: frozenset[str]
    verdict_verbs: frozenset[str]
    guilt_words: frozenset[str]
    attack_charges: frozenset[str]
    court_nouns: frozenset[str]
    ruling_verbs: frozenset[str]
    acquittal_verbs: frozenset[str]
    freeing_verbs: frozenset[str]
    acquittal_grounds: frozenset[str]
    responsible_words: frozenset[str]
    confirm_verbs: frozenset[str]
    endorse_verbs: frozenset[str]
    report_verbs: frozenset[str]
    relayed_speech_verbs: frozenset[str]
    label_verbs: frozenset[str]
    quoting_verbs: frozenset[str]
    relaying_verbs: frozenset[str]
    membership_verbs: frozenset[str]
    copulas: frozenset[str]
    haven_nouns: frozenset[str]
    haven_verbs: frozenset[str]
    perpetrate_verbs: frozenset[str]
    perpetrate_forms: frozenset[str]
    assault_verbs: frozenset[str]
    time_prepositions: frozenset[str]
    planning_verbs: frozenset[str]
    responsible_adjectives: frozenset[str]
    responsible_prepositions: frozenset[str]
    manner_nouns: frozenset[str]
    role_verbs: frozenset[str]
    role_nouns: frozenset[str]
    involvement_nouns: frozenset[str]
    exclusion_verbs: frozenset[str]
    inquiry_verbs: frozenset[str]
    verification_verbs: frozenset[str]
    unverified_words: frozenset[str]
    disclaim_objects: frozenset[str]
    dismissal_words: frozenset[str]
    proxy_nouns: frozenset[str]
    pointing_prepositions: frozenset[str]
    deny_verbs: frozenset[str]
    plea_verbs: frozenset[str]
    innocence_words: frozenset[str]
    framed_verbs: frozenset[str]
    deny_objects: frozenset[str]
    owned_denials: frozenset[str]
    accusation_nouns: frozenset[str]
    distance_verbs: frozenset[str]
    tie_nouns: frozenset[str]
    condemn_verbs: frozenset[str]
    vow_verbs: frozenset[str]
    vow_actions: frozenset[str]
    vow_objects: frozenset[str]
    vow_measures: frozenset[str]
    unpunished_words: frozenset[str]
    justify_words: frozenset[str]
    response_actions: frozenset[str]
    condemn_nouns: frozenset[str]
    affront_nouns: frozenset[str]
    affront_prepositions: frozenset[str]
    drawn_verbs: frozenset[str]
    condemn_adjectives: frozenset[str]
    pejorative_nouns: frozenset[str]
    condemning_labels: frozenset[str]
    terror_modifiers: frozenset[str]
    victim_nouns: frozenset[str]
    classifying_speakers: frozenset[str]
    condemn_feelings: frozenset[str]
    solidarity_verbs: frozenset[str]
    solidarity_prepositions: frozenset[str]
    solidarity_nouns: frozenset[str]
    hedge_modals: frozenset[str]
    sourcing_hedges: frozenset[str]
    belief_verbs: frozenset[str]
    question_verbs: frozenset[str]
    affirmative_answers: frozenset[str]
    negative_answers: frozenset[str]
    conditional_marks: frozenset[str]
    negations: frozenset[str]
    negative_pronouns: frozenset[str]
    refusal_verbs: frozenset[str]
    speaker_nouns: frozenset[str]
    inquiry_bodies: frozenset[str]
    inquiry_words: frozenset[str]
    government_words: frozenset[str]
    state_nouns: frozenset[str]
    government_qualifiers: frozenset[str]
    national_words: frozenset[str]
    document_nouns: frozenset[str]
    description_kinds: dict[str, tuple[str, ...]]
    anonymous_perpetrators: frozenset[str]
    group_parts: frozenset[str]
    branch_nouns: frozenset[str]
    condemn_forms: frozenset[str]
    association_words: frozenset[str]
    affiliation_words: frozenset[str]
    speaking_verbs: frozenset[str]
    suspicion_nouns: frozenset[str]
    militant_labels: frozenset[str]
    relational_nouns: frozenset[str]
    nationality_nouns: frozenset[str]
    claim_markers: frozenset[str]
    date_resets: frozenset[str]
    back_reference_titles: frozenset[str]
    name_giving_verbs: frozenset[str]
    habitual_adverbs: frozenset[str]
    unmade_claim_heads: frozenset[str]
    party_nouns: frozenset[str]
    restate_verbs: frozenset[str]
    claim_making_verbs: frozenset[str]
    withdraw_verbs: frozenset[str]
    separate_act_words: frozenset[str]
    release_verbs: frozenset[str]
    footage_nouns: frozenset[str]
    footage_subjects: frozenset[str]
    claim_nouns: frozenset[str]
    origin_verbs: frozenset[str]
    pointing_verbs: frozenset[str]
    hint_verbs: frozenset[str]
    admission_verbs: frozenset[str]
    own_possessives: frozenset[str]
    inspiration_verbs: frozenset[str]
    inspiration_sources: frozenset[str]
    premature_words: frozenset[str]
    undecided_verbs: frozenset[str]
    undecided_questions: frozenset[str]
    penalty_verbs: frozenset[str]
    penalty_objects: frozenset[str]
    censure_verbs: frozenset[str]
    site_nouns: frozenset[str]
    outsider_words: frozenset[str]
    reckoning_verbs: frozenset[str]
    deed_verbs: frozenset[str]
    outlet_nouns: frozenset[str]
    leader_nouns: frozenset[str]
    doubt_verbs: frozenset[str]
    leading_verbs: frozenset[str]
    outlet_prepositions: frozenset[str]
    platforms: frozenset[str]
    time_nouns: frozenset[str]
    self_naming_verbs: frozenset[str]
    disclaiming_verbs: frozenset[str]
    guilt_nouns: frozenset[str]
    self_claiming_verbs: frozenset[str]
    group_name_words: frozenset[str]
    descriptive_modifiers: frozenset[str]
    companion_words: frozenset[str]
    reciprocal_pronouns: frozenset[str]
    obligation_modals: frozenset[str]
    #: The unions :meth:`words` has built, by their keys: rules ask for the same few joins token after token.
    _joined: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def group_descriptors(self) -> frozenset[str]:
        """Words that may follow a group's name and describe it ("jihadist group", "terrorist outfit")."""
        kinds = {word for word, kinds in self.description_kinds.items() if "militant_group" in kinds}
        return self.descriptive_modifiers | kinds

    def words(self, *keys: str) -> frozenset[str]:
        """Every word the lists under ``keys`` hold: a phrase list gives its verbs, a table its keys.

        Rules declare the keys whose words start them, and test a word against
        several lists at once ("involvement_nouns", "role_nouns"); each union is
        built on its first use and kept, so no rule joins sets token by token.
        """
        joined = self._joined.get(keys)
        if joined is None:
            out: set[str] = set()
            for key in keys:
                value = getattr(self, key)
                if key == "finger_phrases":
                    out.update(phrase.verb for phrase in value)
                else:
                    out.update(value)
            joined = self._joined[keys] = frozenset(out)
        return joined


@cache
def stance_lexicon() -> StanceLexicon:
    """The bundled stance lexicon, read once per process."""
    data = load_lexicon("stance")
    sets = {
        key: frozenset(str(w).lower() for w in value)
        for key, value in data.items()
        if isinstance(value, list) and key != "finger_phrases"
    }
    return StanceLexicon(
        **sets,
        finger_phrases=tuple(FingerPhrase(**p) for p in data["finger_phrases"]),
        description_kinds={k: tuple(v) for k, v in data["description_kinds"].items()},
    )

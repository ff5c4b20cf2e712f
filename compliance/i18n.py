"""User-facing words of the program in Dutch and English (rule texts live in the rules)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_T: dict[str, dict[str, str]] = {
    "conflicts": {"nl": "strijdig", "en": "conflicts"},
    "backend_fallback": {
        "nl": "let op: durable-rules kan op Python {version} niet worden geladen ({error}); de directe "
              "evaluator wordt gebruikt, met dezelfde semantiek",
        "en": "notice: durable-rules cannot be loaded on Python {version} ({error}); using the direct "
              "evaluator, which has the same semantics"},
    "complies": {"nl": "in lijn", "en": "complies"},
    "undetermined": {"nl": "onbepaald", "en": "undetermined"},
    "not_applicable": {"nl": "niet van toepassing", "en": "not applicable"},
    "declared": {"nl": "gemeld", "en": "declared"},
    "undeclared": {"nl": "NIET gemeld", "en": "NOT declared"},
    "declared_unknown": {"nl": "melding onbekend", "en": "declaration unknown"},
    "other_dossier": {"nl": "De motie gaat niet over dossier '{dossier}'.",
                      "en": "The motion does not concern dossier '{dossier}'."},
    "not_adopted": {"nl": "De motie is niet aangenomen (uitkomst: {result}).",
                    "en": "The motion was not adopted (result: {result})."},
    "adopted_later": {"nl": "De motie is pas aangenomen op {voted}, na {as_of}.",
                      "en": "The motion was adopted only on {voted}, after {as_of}."},
    "adoption_unknown": {
        "nl": "Of de motie op {as_of} al was aangenomen, is niet te bepalen (stemming: {voted}).",
        "en": "Whether the motion had been adopted by {as_of} cannot be told (vote: {voted})."},
    "no_rule": {"nl": "Dit verzoek is (nog) niet geformaliseerd in rules/; de uitkomst is onbepaald.",
                "en": "This request has not been formalised in rules/; the outcome is undetermined."},
    "undetermined_missing": {"nl": "Niet te bepalen: de positie noemt niet {facts}.",
                             "en": "Cannot be determined: the position does not state {facts}."},
    "undetermined_gap": {
        "nl": "Niet te bepalen: de regel zegt voor deze feiten niet of de positie in lijn is.",
        "en": "Cannot be determined: the rule does not decide for these facts."},
    "not_applicable_rule": {"nl": "De voorwaarde voor toepassing van dit verzoek is niet vervuld.",
                            "en": "The condition for this request to apply is not met."},
    "declaration_position": {"nl": "Gemeld in dit document: het kabinet {statement} ({source}).",
                             "en": "Declared in this document: the cabinet {statement} ({source})."},
    "declaration_motion": {"nl": "Het kabinet heeft gemeld: {statement} ({source}, {date}).",
                           "en": "The cabinet has stated: {statement} ({source}, {date})."},
    "declaration_none": {"nl": "Het kabinet heeft niet gemeld dat het deze motie niet uitvoert.",
                         "en": "The cabinet has not declared that it will not execute this motion."},
    "declaration_uncertain": {
        "nl": "Of de melding van {date} vóór {as_of} lag, is niet te bepalen.",
        "en": "Whether the statement of {date} came before {as_of} cannot be told."},
    "will_execute": {"nl": "zal de motie uitvoeren", "en": "will execute the motion"},
    "will_not_execute": {"nl": "zal de motie niet uitvoeren", "en": "will not execute the motion"},
    "executed": {"nl": "heeft de motie uitgevoerd", "en": "has executed the motion"},
    "partially_executed": {"nl": "heeft de motie deels uitgevoerd",
                           "en": "has partly executed the motion"},
    "condition_true": {"nl": "waar", "en": "true"},
    "condition_false": {"nl": "onwaar", "en": "false"},
    "condition_unknown": {"nl": "onbekend", "en": "unknown"},
    "applies_when": {"nl": "van toepassing als", "en": "applies when"},
    "conflicts_when": {"nl": "strijdig als", "en": "conflicts when"},
    "complies_when": {"nl": "in lijn als", "en": "complies when"},
    "position": {"nl": "Positie", "en": "Position"},
    "motion": {"nl": "Motie", "en": "Motion"},
    "verdict": {"nl": "Oordeel", "en": "Verdict"},
    "clause": {"nl": "verzoek", "en": "clause"},
    "facts_used": {"nl": "gebruikte feiten", "en": "facts used"},
    "absent": {"nl": "niet vermeld", "en": "not stated"},
    "would_comply": {"nl": "zou in lijn zijn na (kleinste wijzigingen)",
                     "en": "would comply after (smallest changes)"},
    "no_change_found": {"nl": "geen kleine wijziging gevonden", "en": "no small change found"},
    "missing": {"nl": "ontbrekende feiten", "en": "missing facts"},
    "note": {"nl": "let op", "en": "note"},
    "summary": {"nl": "{n} bevindingen: {conflicts} strijdig ({undeclared} niet gemeld), "
                      "{undetermined} onbepaald, {complies} in lijn, {na} niet van toepassing",
                "en": "{n} findings: {conflicts} conflict ({undeclared} not declared), "
                      "{undetermined} undetermined, {complies} comply, {na} not applicable"},
    "no_positions": {"nl": "Geen posities gevonden in {paths}.", "en": "No positions found in {paths}."},
    "as_of": {"nl": "peildatum", "en": "as of"},
    "standstill": {"nl": "opschorting", "en": "standstill"},
    "standstill_no_steps": {"nl": "de positie plant geen stap van soort {kinds}",
                            "en": "the position plans no step of kind {kinds}"},
    "standstill_lifted_by": {"nl": "alle afgewachte gebeurtenissen hadden toen plaatsgevonden",
                             "en": "every awaited event had happened by then"},
    "standstill_outstanding": {"nl": "nog niet gebeurd: {events}", "en": "still outstanding: {events}"},
    "standstill_unknown": {"nl": "niet te bepalen of al gebeurd: {events}",
                           "en": "cannot tell whether already happened: {events}"},
    "event_happened": {"nl": "gebeurtenis {event} had plaatsgevonden",
                       "en": "event {event} had happened"},
    "step_open": {"nl": "stap {kind} gepland vóór {event}", "en": "step {kind} planned before {event}"},
    "scenario": {"nl": "scenario", "en": "scenario"},
    "conditional": {"nl": "voorwaardelijk", "en": "conditional"},
    "assumes": {"nl": "aanname", "en": "assumes"},
    "assume_date": {"nl": "{event} op {date}", "en": "{event} on {date}"},
    "assume_not_by": {"nl": "{event} nog niet gebeurd op {date}", "en": "{event} not yet happened by {date}"},
    "source": {"nl": "bron", "en": "source"},
    # drafting
    "draft_proposed": {"nl": "voorgesteld uit de brief op regel {line}, wacht op bevestiging",
                       "en": "proposed from the letter at line {line}, awaits confirmation"},
    "draft_header": {"nl": "Conceptpositie, door `compliance draft` voorgesteld uit {letter}.",
                     "en": "Draft position, proposed by `compliance draft` from {letter}."},
    "draft_header2": {"nl": "Controleer elk feit tegen de brief en zet dan confirmed: true (of verwijder "
                            "het feit).",
                      "en": "Check every fact against the letter, then set confirmed: true (or remove "
                            "the fact)."},
    "draft_no_date": {"nl": "De brief noemt geen datum: vervang de datum hieronder.",
                      "en": "The letter shows no date: replace the date below."},
    "draft_lines": {"nl": "regels {lines}", "en": "lines {lines}"},
    "draft_line": {"nl": "regel", "en": "line"},
    "draft_step": {"nl": "Gepland volgens de brief (regel {line}).",
                   "en": "Planned according to the letter (line {line})."},
    "draft_actor": {"nl": "het kabinet", "en": "the cabinet"},
    "draft_unstated": {"nl": "niet in de brief", "en": "not in the letter"},
    "draft_ambiguous": {"nl": "dubbelzinnig in de brief, kies zelf: {options}",
                        "en": "ambiguous in the letter, choose yourself: {options}"},
    "draft_addressed": {"nl": "de brief spreekt erover (regel {line}) zonder een waarde te geven",
                        "en": "the letter speaks of it (line {line}) without giving a value"},
    "draft_decl_comment": {"nl": "niet opgenomen: motie {motion}, {statement} (regel {line}); onbekende "
                                 "motie, tegenstrijdige of geen uitvoeringsmelding",
                           "en": "not included: motion {motion}, {statement} (line {line}); unknown "
                                 "motion, contradictory or no execution statement"},
    "draft_source_title": {"nl": "Kamerbrief", "en": "Letter to the House"},
    "draft_unconfirmed_note": {"nl": "berust op niet-bevestigde feiten: {facts}",
                               "en": "rests on unconfirmed facts: {facts}"},
    "draft_unconfirmed_error": {"nl": "feit '{fact}' is nog niet bevestigd (confirmed: false)",
                                "en": "fact '{fact}' is not confirmed yet (confirmed: false)"},
    "draft_unconfirmed_fix": {"nl": "controleer het tegen de brief en zet confirmed: true",
                              "en": "check it against the letter and set confirmed: true"},
}


def t(key: str, lang: str, **kw: Any) -> str:
    text = _T[key][lang]
    return text.format(**kw) if kw else text


def translator(table: dict[str, dict[str, str]]) -> Callable[..., str]:
    """A ``t`` for a module's own word table (reports, authoring), falling back to this one:
    wording of one part of the program stays beside it without a second lookup mechanism."""

    def lookup(key: str, lang: str, **kw: Any) -> str:
        if key not in table:
            return t(key, lang, **kw)
        text = table[key][lang]
        return text.format(**kw) if kw else text

    return lookup

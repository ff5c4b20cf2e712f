"""Every user-facing word of the program in Dutch and English, in one table with one
lookup function (rule texts live in the rules).

The table has a block per part of the program: the engine's findings, the report formats,
the authoring tools, the commands. Keys are unique across blocks; append new blocks at the
end. A test checks that every key has both languages.
"""

from __future__ import annotations

from typing import Any

LANGS = ("nl", "en")

_T: dict[str, dict[str, str]] = {
    # findings, reasons, declarations (compliance.evaluate, standstill, backends)
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
    # report formats (compliance.reports, baseline)
    "title": {"nl": "Toets van kabinetsposities aan aangenomen moties",
              "en": "Cabinet positions checked against adopted motions"},
    "md_title": {"nl": "Moties-toets", "en": "Motion compliance"},
    "gate_fail": {"nl": "{n} bevinding(en) bereiken het faalniveau `{level}`",
                  "en": "{n} finding(s) reach the fail-on level `{level}`"},
    "gate_pass": {"nl": "niets bereikt het faalniveau `{level}`",
                  "en": "nothing reaches the fail-on level `{level}`"},
    "count": {"nl": "Aantal", "en": "Count"},
    "conflicts_h": {"nl": "Strijdig", "en": "Conflicts"},
    "undetermined_h": {"nl": "Onbepaald", "en": "Undetermined"},
    "resolved_h": {"nl": "Opgelost ten opzichte van de basis", "en": "Resolved since the baseline"},
    "new": {"nl": "nieuw", "en": "new"},
    "unchanged": {"nl": "ongewijzigd", "en": "unchanged"},
    "resolved": {"nl": "opgelost", "en": "resolved"},
    "fails": {"nl": "faalt", "en": "fails"},
    "why": {"nl": "Waarom", "en": "Why"},
    "request": {"nl": "Verzoek van de motie", "en": "The motion's request"},
    "reasons": {"nl": "Redenen", "en": "Reasons"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "rule": {"nl": "Regel", "en": "Rule"},
    "declaration": {"nl": "Melding", "en": "Declaration"},
    "none_open": {"nl": "Geen strijdige of onbepaalde bevindingen.",
                  "en": "No conflicting or undetermined findings."},
    "matrix": {"nl": "Overzicht: posities × moties", "en": "Matrix: positions × motions"},
    "matrix_caption": {"nl": "Oordeel per positie (rij) en motie (kolom); kies een cel voor de uitleg.",
                       "en": "Verdict per position (row) and motion (column); choose a cell for "
                             "the explanation."},
    "timeline": {"nl": "Tijdlijn", "en": "Timeline"},
    "timeline_none": {"nl": "Geen posities met een datum.", "en": "No positions with a date."},
    "details": {"nl": "Uitleg", "en": "Explanation"},
    "details_hint": {"nl": "Kies een cel in het overzicht om de uitleg te zien.",
                     "en": "Choose a cell in the matrix to see the explanation."},
    "filter_dossier": {"nl": "Dossier", "en": "Dossier"},
    "filter_verdict": {"nl": "Oordeel", "en": "Verdict"},
    "all": {"nl": "alle", "en": "all"},
    "date": {"nl": "Datum", "en": "Date"},
    "interpretation": {"nl": "interpretatie", "en": "interpretation"},
    "as_of_own": {"nl": "de eigen datum van elke positie", "en": "each position's own date"},
    "fact": {"nl": "Feit", "en": "Fact"},
    "value": {"nl": "Waarde", "en": "Value"},
    "file_line": {"nl": "Bestand:regel", "en": "File:line"},
    "where": {"nl": "Vindplaats in het document", "en": "Where in the document"},
    "of_which_undeclared": {"nl": "waarvan niet gemeld", "en": "of which not declared"},
    "close": {"nl": "Sluiten", "en": "Close"},
    "positions": {"nl": "posities", "en": "positions"},
    "motions": {"nl": "moties", "en": "motions"},
    # authoring tools: lint, explain, compare
    # lint
    "overlap": {
        "nl": "regel {rule}: een positie kan zowel aan de strijdigheids- als aan de in-lijn-voorwaarde "
              "voldoen",
        "en": "rule {rule}: a position can satisfy both its conflict and its compliance condition"},
    "overlap_fix": {"nl": "laat complies_when de strijdigheid uitsluiten (voeg 'not: <conflicts_when>' toe)",
                    "en": "make complies_when exclude the conflict (add 'not: <conflicts_when>')"},
    "gap": {"nl": "regel {rule}: een volledig bekende positie voldoet aan geen van beide voorwaarden; het "
                  "oordeel blijft onbepaald terwijl alle feiten bekend zijn",
            "en": "rule {rule}: a fully known position satisfies neither condition; the verdict stays "
                  "undetermined although every fact is known"},
    "gap_fix": {"nl": "verruim complies_when of conflicts_when zodat elke volledig bekende positie "
                      "beslist is",
                "en": "widen complies_when or conflicts_when so that every fully known position is decided"},
    "never_conflicts": {"nl": "regel {rule}: geen enkele positie is ermee strijdig",
                        "en": "rule {rule}: no position can ever conflict with it"},
    "never_complies": {"nl": "regel {rule}: geen enkele positie is ermee in lijn",
                       "en": "rule {rule}: no position can ever comply with it"},
    "dead_fix": {"nl": "controleer de voorwaarden; ze zijn altijd of nooit waar",
                 "en": "check the conditions; they are always or never true"},
    "no_rule_motion": {"nl": "aangenomen motie {motion} heeft geen regels in rules/",
                       "en": "adopted motion {motion} has no rules in rules/"},
    "no_rule_motion_fix": {"nl": "formaliseer haar in rules/<dossier>/{motion}.yaml",
                           "en": "formalise it in rules/<dossier>/{motion}.yaml"},
    "no_rule_clause": {"nl": "interpretatie '{interpretation}' formaliseert verzoek {clause} van "
                             "{motion} niet",
                       "en": "interpretation '{interpretation}' does not formalise clause {clause} of "
                             "{motion}"},
    "no_rule_clause_fix": {"nl": "voeg '- clause: {clause}' toe met zijn voorwaarden",
                           "en": "add '- clause: {clause}' with its conditions"},
    "unadopted": {"nl": "regels voor motie {motion}, die niet is aangenomen (uitkomst: {result})",
                  "en": "rules for motion {motion}, which was not adopted (result: {result})"},
    "unadopted_fix": {"nl": "verwijder de regels of corrigeer de uitkomst in motions/",
                      "en": "remove the rules or correct the result in motions/"},
    "example": {"nl": "voorbeeldpositie", "en": "example position"},
    "lint_summary": {"nl": "{errors} fouten, {warnings} waarschuwingen",
                     "en": "{errors} errors, {warnings} warnings"},
    "error": {"nl": "fout", "en": "error"},
    "warning": {"nl": "waarschuwing", "en": "warning"},
    # explain
    "explain_request": {"nl": "Verzoek", "en": "Request"},
    "explain_interpretation": {"nl": "Interpretatie", "en": "Interpretation"},
    "reasoning": {"nl": "Redenering", "en": "Reasoning"},
    "evidence": {"nl": "Bewijs", "en": "Evidence"},
    "explain_would_comply": {"nl": "Wat in lijn zou zijn (kleinste wijzigingen)",
                     "en": "What would comply (smallest changes)"},
    "none_within": {"nl": "geen met ten hoogste {n} wijzigingen", "en": "none within {n} changes"},
    "why_conflicts": {"nl": "De strijdigheidsvoorwaarde is waar, dus de positie is strijdig met dit "
                            "verzoek.",
                      "en": "The conflict condition is true, so the position conflicts with this request."},
    "why_complies": {"nl": "De strijdigheidsvoorwaarde is onwaar en de in-lijn-voorwaarde waar, dus de "
                           "positie is in lijn met dit verzoek.",
                     "en": "The conflict condition is false and the compliance condition true, so the "
                           "position complies with this request."},
    "why_not_applicable": {"nl": "De toepassingsvoorwaarde is onwaar: het verzoek geldt hier niet.",
                           "en": "The condition for the request to apply is false: it does not apply "
                                 "here."},
    "why_undetermined": {"nl": "De voorwaarden zijn niet beslist; onbekend is niet in lijn. Ontbrekende "
                               "feiten: {facts}.",
                         "en": "The conditions are not decided; unknown is not compliant. Missing facts: "
                               "{facts}."},
    "why_other": {"nl": "{text}", "en": "{text}"},
    "tree_all": {"nl": "alle van", "en": "all of"},
    "tree_any": {"nl": "een van", "en": "any of"},
    "tree_not": {"nl": "niet", "en": "not"},
    "concept": {"nl": "begrip", "en": "concept"},
    "read": {"nl": "gelezen", "en": "read"},
    "defined_at": {"nl": "gedefinieerd in", "en": "defined in"},
    "default_complies": {"nl": "in lijn als: niet strijdig", "en": "complies when: not conflicting"},
    "no_explanation": {"nl": "Geen regel: {text}", "en": "No rule: {text}"},
    "explain_event_happened": {"nl": "{event} heeft plaatsgevonden", "en": "{event} happened"},
    "explain_step_open": {"nl": "{step} gepland vóór {event}", "en": "{step} planned before {event}"},
    # the commands' own words (timeline, motions)
    "has_rules": {"nl": "regels", "en": "rules"},
    "tl_date": {"nl": "datum", "en": "date"},
    "tl_in_force": {"nl": "positie van kracht", "en": "position in force"},
    "tl_conflicts": {"nl": "STRIJDIG", "en": "CONFLICTS"},
    "tl_undetermined": {"nl": "onbepaald", "en": "undetermined"},
    "tl_complies": {"nl": "in lijn", "en": "complies"},
    "tl_not_applicable": {"nl": "n.v.t.", "en": "n/a"},
    # request kinds: deadlines, recurring duties, the life of a motion (compliance.deadlines)
    "deadline": {"nl": "termijn", "en": "deadline"},
    "recurring": {"nl": "terugkerende plicht", "en": "recurring duty"},
    "deadline_reason": {"nl": "termijn {deadline} voor {event} (datum: {date}): {state}",
                        "en": "deadline {deadline} for {event} (date: {date}): {state}"},
    "recurring_reason": {"nl": "elke {every} een {tag} vanaf {start}: {state}",
                         "en": "every {every} a {tag} from {start}: {state}"},
    "due_not_yet_due": {"nl": "nog niet verschuldigd", "en": "not yet due"},
    "due_due": {"nl": "verschuldigd", "en": "due"},
    "due_overdue": {"nl": "te laat of nog niet gedaan", "en": "overdue or met late"},
    "due_unknown": {"nl": "niet te bepalen", "en": "cannot be told"},
    "event_clock": {"nl": "{which} ({kind} {event})", "en": "{which} ({kind} {event})"},
    "replaced_by": {"nl": "De motie is vervangen door {by}; die gewijzigde motie geldt.",
                    "en": "The motion was replaced by {by}; the amended motion applies."},
    "replaces": {"nl": "vervangt motie {motion}", "en": "replaces motion {motion}"},
    "result_unknown": {
        "nl": "Of de motie is aangenomen, is niet bekend (ingediend: {proposed}).",
        "en": "Whether the motion was adopted is not known (proposed: {proposed})."},
    "not_yet_proposed": {"nl": "De motie was op {as_of} nog niet ingediend ({proposed}).",
                         "en": "The motion had not been proposed by {as_of} ({proposed})."},
    "executed_ends": {"nl": "Het kabinet verklaarde de motie uitgevoerd op {date}; de plicht van dit "
                            "dictum is daarmee beëindigd.",
                      "en": "The cabinet declared the motion executed on {date}; this clause's duty "
                            "ended then."},
    "executed_unknown": {"nl": "Of de uitvoeringsverklaring ({date}) voor {as_of} lag, is niet te bepalen.",
                         "en": "Whether the execution statement ({date}) came before {as_of} cannot "
                               "be told."},
    # vocabularies that grow: deprecated facts and values (compliance.authoring.lint)
    "deprecated_fact": {"nl": "de positie noemt feit '{fact}', dat verouderd is",
                        "en": "the position states fact '{fact}', which is deprecated"},
    "deprecated_value": {"nl": "de positie gebruikt waarde '{value}' van '{fact}', die verouderd is",
                         "en": "the position uses value '{value}' of '{fact}', which is deprecated"},
    "deprecated_fix": {"nl": "laat het weg of gebruik wat de woordenlijst nu noemt",
                       "en": "leave it out or use what the vocabulary now lists"},
    "deprecated_use": {"nl": "schrijf '{value}'", "en": "write '{value}'"},
}


def t(key: str, lang: str, **kw: Any) -> str:
    """The text of ``key`` in ``lang`` with ``{placeholders}`` filled in from ``kw``."""
    text = _T[key][lang]
    return text.format(**kw) if kw else text


def all_keys() -> list[str]:
    """Every key of the table (for tests and for tools that list the words)."""
    return list(_T)


def entry(key: str) -> dict[str, str]:
    """A key's texts by language."""
    return dict(_T[key])

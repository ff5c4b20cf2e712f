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
    "other_dossiers": {"nl": "Niet van toepassing, gaan niet over dossier '{dossier}': {motions}",
                       "en": "Not applicable, not about dossier '{dossier}': {motions}"},
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
    "no_cues_fact": {"nl": "feit {fact} heeft geen cues: compliance draft stelt het nooit voor",
                     "en": "fact {fact} has no cues: compliance draft never proposes it"},
    "no_cues_fix": {"nl": "geef cues per waarde (facts.<feit>.cues.values, docs/drafting.md), of "
                          "'addressed' voor een getal of datum",
                    "en": "give cues per value (facts.<fact>.cues.values, docs/drafting.md), or "
                          "'addressed' for a number or date"},
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
    # a period's length in the reasons (the rule file's unit, in the output's language)
    "period_days": {"nl": "{n} dagen", "en": "{n} days"},
    "period_days_1": {"nl": "{n} dag", "en": "{n} day"},
    "period_weeks": {"nl": "{n} weken", "en": "{n} weeks"},
    "period_weeks_1": {"nl": "{n} week", "en": "{n} week"},
    "period_months": {"nl": "{n} maanden", "en": "{n} months"},
    "period_months_1": {"nl": "{n} maand", "en": "{n} month"},
    "period_years": {"nl": "{n} jaar", "en": "{n} years"},
    "period_years_1": {"nl": "{n} jaar", "en": "{n} year"},
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
    # workbench
    "wb_app": {"nl": "Moties-werkbank", "en": "Motions workbench"},
    "wb_skip": {"nl": "Naar de inhoud", "en": "Skip to content"},
    "wb_nav": {"nl": "Hoofdmenu", "en": "Main menu"},
    "wb_overview": {"nl": "Overzicht", "en": "Overview"},
    "wb_overview_h": {"nl": "Posities × moties", "en": "Positions × motions"},
    "wb_overview_intro": {
        "nl": "{n} posities, elk getoetst op de eigen datum.",
        "en": "{n} positions, each checked as of its own date."},
    "wb_new_position": {"nl": "Nieuwe positie", "en": "New position"},
    "wb_api": {"nl": "API", "en": "API"},
    "wb_api_schema": {"nl": "Het OpenAPI-schema:", "en": "The OpenAPI schema:"},
    "wb_api_routes": {"nl": "Routes", "en": "Routes"},
    "wb_api_models": {"nl": "Modellen", "en": "Models"},
    "wb_method": {"nl": "Methode", "en": "Method"},
    "wb_path_h": {"nl": "Pad", "en": "Path"},
    "wb_body": {"nl": "Inhoud", "en": "Body"},
    "wb_description": {"nl": "Beschrijving", "en": "Description"},
    "wb_switch_to": {"nl": "English", "en": "Nederlands"},
    "wb_error": {"nl": "Fout", "en": "Error"},
    "wb_back_overview": {"nl": "Terug naar het overzicht", "en": "Back to the overview"},
    "wb_all": {"nl": "alle", "en": "all"},
    "wb_dossier": {"nl": "Dossier", "en": "Dossier"},
    "wb_verdict": {"nl": "Oordeel", "en": "Verdict"},
    "wb_filter": {"nl": "Filter", "en": "Filter"},
    "wb_kind_conflicts-undeclared": {"nl": "strijdig (NIET gemeld)", "en": "conflicts (NOT declared)"},
    "wb_kind_conflicts-declared": {"nl": "strijdig (gemeld)", "en": "conflicts (declared)"},
    "wb_kind_undetermined": {"nl": "onbepaald", "en": "undetermined"},
    "wb_kind_complies": {"nl": "in lijn", "en": "complies"},
    "wb_kind_not_applicable": {"nl": "niet van toepassing", "en": "not applicable"},
    "wb_matrix_caption": {
        "nl": "Oordeel per positie (rij) en motie (kolom); elke cel leidt naar de uitleg.",
        "en": "Verdict per position (row) and motion (column); each cell leads to its explanation."},
    "wb_date": {"nl": "Datum", "en": "Date"},
    "wb_open_editor": {"nl": "Openen in de editor", "en": "Open in the editor"},
    "wb_no_rows": {"nl": "Geen posities bij dit filter.", "en": "No positions match this filter."},
    "wb_timeline_h": {"nl": "Tijdlijn van dossier {dossier}", "en": "Timeline of dossier {dossier}"},
    "wb_timeline_intro": {
        "nl": "Eén rij per motie; de kleur is het oordeel over de positie die op dat moment gold. "
              "Ruit: aanneming; genummerde lijnen: gebeurtenissen; driehoekjes: posities.",
        "en": "One row per motion; the colour is the verdict on the position in force at the time. "
              "Diamond: adoption; numbered lines: events; triangles: positions."},
    "wb_no_position": {"nl": "geen positie", "en": "no position"},
    "wb_adopted_on": {"nl": "aangenomen op {date}", "en": "adopted on {date}"},
    "wb_adoption": {"nl": "aanneming", "en": "adoption"},
    "wb_position_dates": {"nl": "datum van een positie", "en": "date of a position"},
    "wb_position_on": {"nl": "positie", "en": "position"},
    "wb_submitters": {"nl": "Indieners", "en": "Submitters"},
    "wb_result": {"nl": "Uitkomst", "en": "Result"},
    "wb_result_submitted": {"nl": "ingediend", "en": "submitted"},
    "wb_result_adopted": {"nl": "aangenomen", "en": "adopted"},
    "wb_result_rejected": {"nl": "verworpen", "en": "rejected"},
    "wb_result_withdrawn": {"nl": "ingetrokken", "en": "withdrawn"},
    "wb_result_held": {"nl": "aangehouden", "en": "held"},
    "wb_result_replaced": {"nl": "vervangen", "en": "replaced"},
    "wb_appraisal": {"nl": "Appreciatie", "en": "Appraisal"},
    "wb_file": {"nl": "Bestand", "en": "File"},
    "wb_clauses": {"nl": "Verzoeken", "en": "Clauses"},
    "wb_interpretations": {"nl": "Interpretaties", "en": "Interpretations"},
    "wb_interpretation": {"nl": "Interpretatie", "en": "Interpretation"},
    "wb_default": {"nl": "standaard", "en": "default"},
    "wb_complies_default": {
        "nl": "In lijn als de positie niet strijdig is (en de regel het beslist).",
        "en": "Complies when the position does not conflict (and the rule decides it)."},
    "wb_standstill_text": {
        "nl": "geen stap van soort {steps} voordat is gebeurd: {events}",
        "en": "no step of kind {steps} before these have happened: {events}"},
    "wb_messages": {"nl": "Meldingen van de regel", "en": "The rule's messages"},
    "wb_execution": {
        "nl": "Uitvoering (verklaringen van het kabinet)",
        "en": "Execution (the cabinet's statements)"},
    "wb_no_execution": {"nl": "Geen verklaringen vastgelegd.", "en": "No statements recorded."},
    "wb_sources": {"nl": "Bronnen", "en": "Sources"},
    "wb_cond_all": {"nl": "alle volgende:", "en": "all of:"},
    "wb_cond_any": {"nl": "ten minste één van:", "en": "any of:"},
    "wb_cond_not": {"nl": "niet:", "en": "not:"},
    "wb_cond_always": {"nl": "altijd", "en": "always"},
    "wb_cond_known": {"nl": "{fact} is vermeld — {meaning}", "en": "{fact} is stated — {meaning}"},
    "wb_cond_concept": {"nl": "begrip {name}: {meaning}", "en": "concept {name}: {meaning}"},
    "wb_op_equals": {"nl": "is", "en": "is"},
    "wb_op_one_of": {"nl": "is een van", "en": "is one of"},
    "wb_op_contains": {"nl": "bevat", "en": "contains"},
    "wb_op_contains_any": {"nl": "bevat een van", "en": "contains any of"},
    "wb_op_contains_all": {"nl": "bevat alle", "en": "contains all of"},
    "wb_op_subset_of": {"nl": "valt binnen", "en": "is within"},
    "wb_op_lt": {"nl": "is vóór / kleiner dan", "en": "is before / less than"},
    "wb_op_le": {"nl": "is uiterlijk / ten hoogste", "en": "is on or before / at most"},
    "wb_op_gt": {"nl": "is na / groter dan", "en": "is after / greater than"},
    "wb_op_ge": {"nl": "is vanaf / ten minste", "en": "is on or after / at least"},
    "wb_op_known": {"nl": "is vermeld", "en": "is stated"},
    "wb_explanation": {"nl": "Uitleg", "en": "Explanation"},
    "wb_unsaved": {"nl": "niet opgeslagen", "en": "not saved"},
    "wb_motion_page": {"nl": "De motie", "en": "The motion"},
    "wb_request": {"nl": "Verzoek van de motie", "en": "The motion's request"},
    "wb_why": {"nl": "Waarom", "en": "Why"},
    "wb_read": {"nl": "gelezen", "en": "read"},
    "wb_concept": {"nl": "begrip", "en": "concept"},
    "wb_fact": {"nl": "Feit", "en": "Fact"},
    "wb_value": {"nl": "Waarde", "en": "Value"},
    "wb_file_line": {"nl": "Bestand:regel", "en": "File:line"},
    "wb_where": {"nl": "Vindplaats (citaat)", "en": "Where (quote)"},
    "wb_rule": {"nl": "Regel", "en": "Rule"},
    "wb_note": {"nl": "Notitie", "en": "Note"},
    "wb_editor": {"nl": "Positie-editor", "en": "Position editor"},
    "wb_errors_h": {
        "nl": "De positie kan zo niet worden opgeslagen",
        "en": "The position cannot be saved like this"},
    "wb_document": {"nl": "Document", "en": "Document"},
    "wb_id": {"nl": "Id", "en": "Id"},
    "wb_actor": {"nl": "Actor (wie)", "en": "Actor (who)"},
    "wb_certainty": {"nl": "Zekerheid", "en": "Certainty"},
    "wb_certainty_verified": {"nl": "nagegaan", "en": "verified"},
    "wb_certainty_inferred": {"nl": "afgeleid", "en": "inferred"},
    "wb_summary": {"nl": "Samenvatting", "en": "Summary"},
    "wb_source": {"nl": "Bron", "en": "Source"},
    "wb_source_title": {"nl": "Titel", "en": "Title"},
    "wb_kamerstuk_dossier": {"nl": "Kamerstuk: dossier", "en": "Kamerstuk: dossier"},
    "wb_kamerstuk_number": {"nl": "Kamerstuk: nummer", "en": "Kamerstuk: number"},
    "wb_source_where": {"nl": "Vindplaats in het document", "en": "Where in the document"},
    "wb_source_file": {
        "nl": "Lokaal bestand (pad in de werkruimte)",
        "en": "Local file (path in the workspace)"},
    "wb_facts": {"nl": "Feiten", "en": "Facts"},
    "wb_facts_intro": {
        "nl": "Vul alleen in wat het document zegt; wat het openlaat blijft 'niet vermeld' (en dus "
              "onbekend).",
        "en": "Fill in only what the document says; what it leaves open stays 'not stated' (and so "
              "unknown)."},
    "wb_group_text": {"nl": "De voorliggende tekst", "en": "The text on the table"},
    "wb_group_cabinet": {"nl": "Wat het kabinet doet", "en": "What the cabinet will do"},
    "wb_group_process": {"nl": "Waar de procedure staat", "en": "Where the procedure stands"},
    "wb_type_bool": {"nl": "ja/nee", "en": "yes/no"},
    "wb_type_enum": {"nl": "keuze", "en": "choice"},
    "wb_type_set": {"nl": "verzameling", "en": "set"},
    "wb_type_number": {"nl": "getal", "en": "number"},
    "wb_type_date": {"nl": "datum", "en": "date"},
    "wb_type_text": {"nl": "tekst", "en": "text"},
    "wb_yes": {"nl": "ja", "en": "yes"},
    "wb_no": {"nl": "nee", "en": "no"},
    "wb_not_stated": {"nl": "niet vermeld", "en": "not stated"},
    "wb_as_base": {"nl": "zoals de basis", "en": "as the base"},
    "wb_unknown_value": {"nl": "onbekende waarde", "en": "unknown value"},
    "wb_declarations": {"nl": "Meldingen over uitvoering", "en": "Declarations on execution"},
    "wb_declaration": {"nl": "Melding", "en": "Declaration"},
    "wb_statement": {"nl": "Verklaring", "en": "Statement"},
    "wb_remove": {"nl": "verwijderen", "en": "remove"},
    "wb_add_declaration": {"nl": "Melding toevoegen", "en": "Add a declaration"},
    "wb_planned_steps": {"nl": "Geplande stappen", "en": "Planned steps"},
    "wb_step": {"nl": "Stap", "en": "Step"},
    "wb_step_kind": {"nl": "Soort", "en": "Kind"},
    "wb_forum": {"nl": "Forum", "en": "Forum"},
    "wb_add_step": {"nl": "Stap toevoegen", "en": "Add a step"},
    "wb_scenarios": {"nl": "Scenario's (voorwaardelijke positie)", "en": "Scenarios (conditional position)"},
    "wb_scenarios_intro": {
        "nl": "Elk scenario is de basis met deze wijzigingen; het slechtste bereikbare oordeel telt.",
        "en": "Each scenario is the base with these changes; the worst reachable verdict counts."},
    "wb_name": {"nl": "Naam", "en": "Name"},
    "wb_scenario_facts": {
        "nl": "Feiten die in dit scenario anders zijn",
        "en": "Facts that differ in this scenario"},
    "wb_add_scenario": {"nl": "Scenario toevoegen", "en": "Add a scenario"},
    "wb_save_h": {"nl": "Opslaan", "en": "Save"},
    "wb_save_into": {
        "nl": "Opslaan in {file} (commentaar en volgorde blijven behouden).",
        "en": "Save into {file} (comments and key order are kept)."},
    "wb_filename": {"nl": "Bestandsnaam (in {folder})", "en": "File name (in {folder})"},
    "wb_save": {"nl": "Opslaan", "en": "Save"},
    "wb_saved": {
        "nl": "Opgeslagen: {file}. De oordelen hieronder zijn die van het opgeslagen bestand.",
        "en": "Saved: {file}. The verdicts below are those of the saved file."},
    "wb_duplicate_id": {
        "nl": "id '{id}' is al in gebruik in {file}; opgeslagen zou 'compliance check' de werkruimte "
              "weigeren",
        "en": "id '{id}' is already used by {file}; saved, 'compliance check' would refuse the workspace"},
    "wb_duplicate_id_fix": {"nl": "geef deze positie een eigen id",
                            "en": "give this position an id of its own"},
    "wb_name_refused": {
        "nl": "{name}: een nieuwe bestandsnaam bestaat uit letters (a-z, A-Z), cijfers, '_', '-' en '.', "
              "begint met een letter of cijfer en eindigt op .yaml (geen spaties, regeleinden, '%' of "
              "tekens voor de schrijfrichting)",
        "en": "{name}: a new file name is made of letters (a-z, A-Z), digits, '_', '-' and '.', starts "
              "with a letter or digit and ends in .yaml (no spaces, line breaks, '%' or writing-direction "
              "characters)"},
    "wb_name_too_long": {
        "nl": "{name}: de bestandsnaam is {n} bytes lang; het bestandssysteem staat er hoogstens {most} toe",
        "en": "{name}: the file name is {n} bytes long; the file system allows at most {most}"},
    "wb_problems_h": {
        "nl": "Problemen in de werkruimte: deze bestanden blijven buiten beschouwing tot ze zijn hersteld",
        "en": "Problems in the workspace: these files are left out until they are put right"},
    "wb_pasted": {
        "nl": "Positie geladen uit de geplakte tekst (nog niet opgeslagen).",
        "en": "Position loaded from the pasted text (not saved yet)."},
    "wb_paste_h": {"nl": "Positie laden uit YAML-tekst", "en": "Load a position from YAML text"},
    "wb_paste_label": {"nl": "Plak de YAML van een positie", "en": "Paste a position's YAML"},
    "wb_paste_load": {"nl": "Laden in de editor", "en": "Load into the editor"},
    "wb_open_h": {"nl": "Een bestaande positie openen", "en": "Open an existing position"},
    "wb_verdicts_h": {"nl": "Oordelen (live, niet opgeslagen)", "en": "Verdicts (live, not saved)"},
    "wb_as_of": {"nl": "Peildatum", "en": "As of"},
    "wb_as_of_own": {"nl": "datum van de positie", "en": "the position's date"},
    "wb_recheck": {"nl": "Opnieuw toetsen", "en": "Check again"},
    "wb_verdicts_as_of": {"nl": "Getoetst per {date}.", "en": "Checked as of {date}."},
    "wb_draft_invalid": {"nl": "De positie is nog niet geldig:", "en": "The position is not valid yet:"},
    "wb_reasons": {"nl": "Redenen", "en": "Reasons"},
    "wb_would_comply": {"nl": "Wat in lijn zou zijn", "en": "What would comply"},
    "wb_apply": {"nl": "Toepassen", "en": "Apply"},
    "wb_explain": {"nl": "Uitleg (boom van voorwaarden)", "en": "Explanation (tree of conditions)"},
    "wb_date_hint": {"nl": "JJJJ-MM-DD", "en": "YYYY-MM-DD"},
    "wb_partial_date_hint": {"nl": "JJJJ-MM-DD, JJJJ-MM of JJJJ", "en": "YYYY-MM-DD, YYYY-MM or YYYY"},
    # drafting
    "draft_proposed": {"nl": "voorgesteld uit de brief op regel {line}, wacht op bevestiging",
                       "en": "proposed from the letter at line {line}, awaits confirmation"},
    "draft_header": {"nl": "Conceptpositie, door `compliance draft` voorgesteld uit {letter}.",
                     "en": "Draft position, proposed by `compliance draft` from {letter}."},
    "draft_header2": {"nl": "Controleer elk feit tegen de brief en zet dan confirmed: true (of verwijder "
                            "het feit).",
                      "en": "Check every fact against the letter, then set confirmed: true (or remove "
                            "the fact)."},
    "draft_no_date": {"nl": "De brief noemt geen datum: schrijf de datum van de brief bij 'date' "
                            "hieronder; zonder datum wordt het standpunt niet gecontroleerd.",
                      "en": "The letter shows no date: write the letter's date at 'date' below; "
                            "without a date the position is not checked."},
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
    # workbench: drafting from a letter
    "wb_letter_in_h": {"nl": "Positie opstellen uit een brief", "en": "Draft a position from a letter"},
    "wb_letter_in_intro": {
        "nl": "Plak of upload een kabinetsbrief (tekst, HTML of PDF). Het concept stelt per feit een "
              "waarde voor met de passage waarop het berust; elk voorgesteld feit is onbevestigd tot u "
              "het aanvinkt.",
        "en": "Paste or upload a cabinet letter (text, HTML or PDF). The draft proposes a value per fact "
              "with the passage it rests on; every proposed fact is unconfirmed until you tick it."},
    "wb_letter_label": {"nl": "Tekst van de brief", "en": "The letter's text"},
    "wb_letter_file": {"nl": "Of een bestand (tekst, HTML, PDF)", "en": "Or a file (text, HTML, PDF)"},
    "wb_letter_name": {"nl": "Naam van de brief", "en": "The letter's name"},
    "wb_letter_draft": {"nl": "Concept opstellen", "en": "Draft the position"},
    "wb_letter_replaces": {"nl": "Het concept vervangt wat nu in de editor staat (niets wordt opgeslagen).",
                           "en": "The draft replaces what the editor holds now (nothing is saved)."},
    "wb_letter_empty": {"nl": "de brief is leeg: plak de tekst of kies een bestand",
                        "en": "the letter is empty: paste its text or choose a file"},
    "wb_drafted": {
        "nl": "Concept opgesteld uit {letter}: {n} feiten voorgesteld, nog niet bevestigd. Lees elk feit "
              "na bij de gemarkeerde passage in de brief, pas het zo nodig aan en vink 'bevestigd' aan.",
        "en": "Drafted from {letter}: {n} facts proposed, not confirmed yet. Check each fact against its "
              "marked passage in the letter, change it where needed and tick 'confirmed'."},
    "wb_letter_h": {"nl": "Brief", "en": "Letter"},
    "wb_letter_counts": {
        "nl": "Feiten: {proposals} voorgesteld, {ambiguities} dubbelzinnig, {unstated} niet genoemd. "
              "Uitspraken over moties: {declarations}; geplande stappen: {steps}.",
        "en": "Facts: {proposals} proposed, {ambiguities} ambiguous, {unstated} not stated. "
              "Statements on motions: {declarations}; planned steps: {steps}."},
    "wb_letter_cut": {"nl": "De brief is langer; alleen het begin wordt getoond.",
                      "en": "The letter is longer; only its beginning is shown."},
    "wb_confirm_all": {"nl": "Alle voorgestelde feiten bevestigen", "en": "Confirm every proposed fact"},
    "wb_confirmed": {"nl": "bevestigd", "en": "confirmed"},
    "wb_passage": {"nl": "passage in de brief", "en": "passage in the letter"},
    "wb_line": {"nl": "regel", "en": "line"},
    "wb_rests_unconfirmed": {"nl": "Berust op niet-bevestigde feiten", "en": "Rests on unconfirmed facts"},
    "wb_unconfirmed_tag": {"nl": "niet bevestigd", "en": "unconfirmed"},
    "wb_letter_found": {"nl": "Verder in de brief (controleer de rijen in de editor)",
                        "en": "Also in the letter (check the rows in the editor)"},
    "wb_said_will_execute": {"nl": "wordt uitgevoerd", "en": "will be executed"},
    "wb_said_will_not_execute": {"nl": "wordt niet uitgevoerd", "en": "will not be executed"},
    "wb_said_gives_effect": {"nl": "wordt uitvoering aan gegeven", "en": "is given effect"},
    "wb_said_will_inform": {"nl": "de Kamer wordt geïnformeerd (alleen als commentaar)",
                            "en": "the House will be informed (a comment only)"},
    "wb_found_step": {"nl": "geplande stap", "en": "planned step"},
    "wb_found_ambiguous": {"nl": "twee waarden genoemd, niet gekozen:", "en": "two values cued, not chosen:"},
    "wb_found_addressed": {"nl": "genoemd zonder waarde", "en": "spoken of without a value"},
    # subjects and the gates of issue 24 (compliance/evaluate/gates.py)
    "not_about_subject": {"nl": "Deze positie gaat niet over {subjects} (zij gaat over {addressed}).",
                          "en": "This position is not about {subjects} (it addresses {addressed})."},
    "subjects_unknown": {"nl": "Of deze positie over {subjects} gaat, is niet te zeggen: zij noemt geen "
                               "onderwerpen en stelt geen feit; schrijf 'subjects:' of de feiten erbij.",
                         "en": "Whether this position is about {subjects} cannot be told: it declares no "
                               "subjects and states no fact; write 'subjects:' or the facts."},
    "word_or": {"nl": "of", "en": "or"},
    "word_and": {"nl": "en", "en": "and"},
    "subject": {"nl": "onderwerp", "en": "subject"},
    # duties of conduct (compliance/evaluate/duties.py, `compliance duties`)
    "duty_elsewhere": {"nl": "Een plicht over het handelen van het kabinet (termijn of terugkerende "
                             "plicht): deze positie vervult haar niet en stelt geen feit dat het dictum "
                             "leest; per {as_of}: {state} (zie compliance duties).",
                       "en": "A duty of the cabinet's conduct (a deadline or a recurring duty): this "
                             "position neither fulfils it nor states a fact the clause reads; as of "
                             "{as_of}: {state} (see compliance duties)."},
    "duty_word_not_yet_due": {"nl": "nog niet verschuldigd", "en": "not yet due"},
    "duty_word_met": {"nl": "vervuld", "en": "met"},
    "duty_word_overdue": {"nl": "te laat", "en": "overdue"},
    "duty_word_unknown": {"nl": "onbekend", "en": "unknown"},
    "duty_word_ended": {"nl": "beëindigd", "en": "ended"},
    "duty_state_not_yet_due": {"nl": "Nog niet verschuldigd (termijn: {due}).",
                               "en": "Not yet due (due: {due})."},
    "duty_state_met": {"nl": "Vervuld door {by} (termijn: {due}).", "en": "Met by {by} (due: {due})."},
    "duty_state_overdue": {"nl": "Te laat (termijn: {due}); bekend: {by}.",
                           "en": "Overdue (due: {due}); known: {by}."},
    "duty_state_unknown": {"nl": "Niet te bepalen (termijn: {due}); beslist door: {decides}.",
                           "en": "Cannot be told (due: {due}); decided by: {decides}."},
    "duty_state_ended": {"nl": "Beëindigd door {by} (periode: {due}).",
                         "en": "Ended by {by} (period: {due})."},
    "duty_effort_note": {"nl": "Een inspanningsplicht: een gemiste uitkomst is geen strijdigheid.",
                         "en": "An effort duty: a missed outcome is not a conflict."},
    "duty_if_adopted": {"nl": "Of de motie is aangenomen, is niet bekend; zo ja: {text}",
                        "en": "Whether the motion was adopted is not known; if so: {text}"},
    "duty": {"nl": "plicht", "en": "duty"},
    "duty_vote_unknown": {"nl": "als de motie is aangenomen", "en": "if the motion was adopted"},
    "duty_none": {"nl": "Geen plichten over het handelen van het kabinet.", "en": "No duties of conduct."},
    "duty_evidence": {"nl": "bewijs", "en": "evidence"},
    "duty_decides": {"nl": "beslist door", "en": "decided by"},
    "duty_counts": {"nl": "{n} plicht(en): {overdue} te laat, {unknown} onbekend, {not_yet_due} nog niet "
                          "verschuldigd, {met} vervuld, {ended} beëindigd",
                    "en": "{n} duties: {overdue} overdue, {unknown} unknown, {not_yet_due} not yet due, "
                          "{met} met, {ended} ended"},
    "duty_title": {"nl": "Plichten over het handelen van het kabinet en hun stand",
                   "en": "Duties of the cabinet's conduct and their state"},
    "duty_state": {"nl": "stand", "en": "state"},
    "duty_due": {"nl": "termijn", "en": "due"},
    "duty_reason": {"nl": "toelichting", "en": "explanation"},
    "duty_gate_fail": {"nl": "{n} plicht(en) te laat (--fail-on overdue-duty): {duties}",
                       "en": "{n} overdue duty(ies) (--fail-on overdue-duty): {duties}"},
    "effort_result_missed": {"nl": "inspanningsplicht: de uitkomst is gemist, maar de gevraagde inspanning "
                                   "telt, dus geen strijdigheid",
                             "en": "effort duty: the outcome was missed, but the effort asked is what "
                                   "counts, so no conflict"},
    "effort_result_met": {"nl": "inspanningsplicht: de uitkomst is (nog) niet gemist",
                          "en": "effort duty: the outcome is not (yet) missed"},
    "effort_result_unknown": {"nl": "inspanningsplicht: of de uitkomst is gemist, is niet te zeggen",
                              "en": "effort duty: whether the outcome was missed cannot be told"},
    "effort": {"nl": "inspanning", "en": "effort"},
    "lint_no_subject": {"nl": "{rule} gaat over geen enkel onderwerp van het dossier: het geldt voor "
                              "elke positie, waar die ook over gaat",
                        "en": "{rule} concerns no subject of the dossier: it applies to every position, "
                              "whatever it is about"},
    "lint_no_subject_fix": {"nl": "schrijf 'subjects: [...]' bij het dictum (een of meer van: {subjects})",
                            "en": "write 'subjects: [...]' on the clause (one or more of: {subjects})"},
    "lint_subject_not_read": {"nl": "{rule} noemt onderwerpen {declared}, maar leest feiten over {read}: "
                                    "een positie die die feiten stelt, zou er niet aan getoetst worden",
                              "en": "{rule} declares subjects {declared} but reads facts about {read}: a "
                                    "position stating those facts would not be judged on it"},
    "lint_subject_not_read_fix": {"nl": "voeg de onderwerpen van de gelezen feiten toe, of laat 'subjects' "
                                        "weg (dan worden ze afgeleid)",
                                  "en": "add the subjects of the facts it reads, or leave 'subjects' out "
                                        "(they are then derived)"},
    "tl_duties": {"nl": "plichten", "en": "duties"},
    "duty_not_by": {"nl": "{event} niet gebeurd op {date}", "en": "{event} not happened by {date}"},
    "carried_from": {"nl": "overgenomen uit {position}, {date}, regel {line}",
                     "en": "carried from {position}, {date}, line {line}"},
    "standing": {"nl": "staande positie", "en": "standing position"},
    "draft_subjects_derived": {"nl": "onderwerpen (afgeleid uit de feiten hieronder): {subjects}",
                               "en": "subjects (derived from the facts below): {subjects}"},
    "draft_subjects_more": {"nl": "onderwerpen voorgesteld: de brief spreekt ook over onderwerpen "
                                  "waarvoor hij geen waarde geeft; controleer ze",
                            "en": "subjects proposed: the letter also speaks of subjects it gives "
                                  "no value for; check them"},
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

"""User-facing words of the authoring tools (explain, lint, test, analyze) in Dutch and
English; kept beside compliance/i18n.py so the core strings stay one small table."""

from __future__ import annotations

from compliance import i18n

_T: dict[str, dict[str, str]] = {
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
    "request": {"nl": "Verzoek", "en": "Request"},
    "interpretation": {"nl": "Interpretatie", "en": "Interpretation"},
    "reasoning": {"nl": "Redenering", "en": "Reasoning"},
    "evidence": {"nl": "Bewijs", "en": "Evidence"},
    "would_comply": {"nl": "Wat in lijn zou zijn (kleinste wijzigingen)",
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
    "all": {"nl": "alle van", "en": "all of"},
    "any": {"nl": "een van", "en": "any of"},
    "not": {"nl": "niet", "en": "not"},
    "concept": {"nl": "begrip", "en": "concept"},
    "read": {"nl": "gelezen", "en": "read"},
    "defined_at": {"nl": "gedefinieerd in", "en": "defined in"},
    "default_complies": {"nl": "in lijn als: niet strijdig", "en": "complies when: not conflicting"},
    "no_explanation": {"nl": "Geen regel: {text}", "en": "No rule: {text}"},
}


t = i18n.translator(_T)

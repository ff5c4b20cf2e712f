"""Words of a dictum for the rule drafter (draft_rule.py): lemmas, stems, short quotes."""

from __future__ import annotations

import re

import simplemma

MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
     "november", "december"], 1)}
NUMBER_WORDS = {w: i for i, w in enumerate(
    ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"])}
NUMBER_WORDS["één"] = 1
_NEGATORS = {"niet", "geen", "nooit", "zonder", "not", "no", "never", "without"}
_STOP = frozenset("""de het een en of van in op te om voor met aan tot bij door over uit naar als dat
    die dit deze zijn haar hun is wordt worden kan kunnen moet moeten zal zullen heeft hebben regering
    kabinet kamer verzoekt roept verder ook nog wel er hier daar waarbij waarin welke the a an of
    to in on for with and or that this is are be by as from at it its cabinet government house te
    zich alle wat hoe niet geen houden geven nemen maken stellen zetten komen gaan laten blijven
    krijgen doen mogelijk nodig zodat opdat veel meer minder zeer daarbij waarbij daarvoor hiervoor
    tegen lang langer
    dan toe""".split())  # noqa: SIM905


def _norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("[", "").replace("]", "")).strip()


# --- facts ------------------------------------------------------------------------------

def _join_particles(text: str) -> str:
    # "in te stemmen" -> "instemmen": the cues name the verb, a dictum splits it
    return re.sub(r"\b(in|tegen|voor|uit|op|aan|af|mee|bij|toe|vast|na)\s+te\s+(\w+)", r"\1\2", text,
                  flags=re.I)


def lemmas(text: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
    # simplemma marks a separable verb's particle ("afgesloten" -> "af_sluiten"): one word for matching
    out = (simplemma.lemmatize(w, lang="nl").lower().replace("_", "") for w in words
           if w not in _STOP and len(w) > 2)
    return [w for w in out if w not in _STOP]


def _related(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 5 and (long_.startswith(short) or long_.endswith(short)):
        return True
    # one stem, two endings ("verplichting" / "verplichten", "versleuteling" / "versleuteld"):
    # a shared beginning of at least seven letters that leaves only a short ending each
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 7 and len(a) - n <= 4 and len(b) - n <= 4


def _one_line(text: str) -> str:
    """Text safe inside a `#` comment: control and format characters dropped, every run of
    whitespace (newlines, U+0085, U+2028 included: YAML breaks lines there) one space."""
    import unicodedata

    return " ".join("".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text).split())


def _comment_line(line: str) -> str:
    body = line.lstrip("#")
    indent = body[: len(body) - len(body.lstrip(" "))]
    return "#" * (len(line) - len(body)) + indent + _one_line(body)


def _short(text: str, n: int = 90) -> str:
    text = text.strip(" ,;.")
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"

"""Dutch (and English) word forms that stand for one another when a cue is matched.

A word's *keys* are the word itself (normalised as cues and letters are compared), its
lemma as simplemma gives it (``verwijderd`` -> ``verwijderen``, ``teksten`` -> ``tekst``,
``voorgesteld`` -> ``voorstellen``: a separable verb's ``voor_stellen`` joined) and, for a
noun in ``-ing`` whose verb is a known word, that verb (``verwijdering`` -> ``verwijderen``,
``schrapping`` -> ``schrappen``). Two words match when their keys meet, so a cue written
once matches the inflections and the verb's noun. simplemma's dictionaries ship in its
package; nothing is downloaded. Lemmas are looked up once per distinct word (cached).
"""

from __future__ import annotations

from functools import lru_cache

from compliance.model.cues import normalise

MIN_NOUN = 7  # "-ing" nouns shorter than this ("ding", "ring") are not verbs' nouns


@lru_cache(maxsize=1)
def _lemmatizer() -> tuple[object, object]:
    from simplemma import is_known, lemmatize

    return lemmatize, is_known


@lru_cache(maxsize=131072)
def keys(word: str) -> frozenset[str]:
    """The normalised forms ``word`` (as written, accents kept) stands for, itself included."""
    lemmatize, is_known = _lemmatizer()
    w = word.replace("\u00ad", "").casefold()
    own = normalise(w)
    out = {own}
    if len(w) < 3 or not w.isalpha():
        return frozenset(out)
    lemma = lemmatize(w, lang="nl")  # type: ignore[operator]
    out.add(normalise(lemma.replace("_", "")))
    if lemma == w and w.startswith("ge") and w[-1] in "dt" and len(w) >= MIN_NOUN:
        # a weak participle the dictionary lacks ("geïnformeerd"): ge + stem + d/t, its
        # infinitive the stem, a long vowel undoubled before its last consonant, + "en"
        stem = w[2:-1]
        stem = {"ï": "i", "ë": "e"}.get(stem[0], stem[0]) + stem[1:]  # "ge-ïnformeerd": no hiatus left
        if len(stem) > 3 and stem[-3] == stem[-2] and stem[-2] in "aeou":
            stem = stem[:-2] + stem[-1]
        if is_known(stem + "en", lang="nl"):  # type: ignore[operator]
            out.add(normalise(stem + "en"))
    if w.endswith("ing") and len(w) >= MIN_NOUN:
        verb = w[:-3] + "en"
        if is_known(verb, lang="nl"):  # type: ignore[operator]
            out.add(normalise(verb))
            out.add(normalise(lemmatize(verb, lang="nl").replace("_", "")))  # type: ignore[operator]
    return frozenset(out)


def related(a: str, b: str) -> bool:
    """Whether the words ``a`` and ``b`` (as written) match as cue and letter word."""
    return not keys(a).isdisjoint(keys(b))

"""What a sentence of a letter is: who speaks in it, which text it is about, what kind of sentence.

A fact of the cabinet's stance comes only from the cabinet's own sentences; a fact of the
text only from sentences about the text on the table now. So each sentence gets:

- ``voice``: the first actor it names - the cabinet ("het kabinet", "Nederland", "wij",
  "ik"), an *author* of texts (the Commission, the presidency), or *another* actor (member
  states, the House, the European Parliament, a regulator). "volgens X" and "X stelt dat /
  wil / heeft voorgesteld" make the sentence *reported*: someone else's view or wish.
- ``history``: it recalls an earlier or other text or decision ("eerder", "vorige",
  "destijds", a simple past like "presenteerde", a date more than four months before the
  letter unless it says "huidige", "nieuwe", "herziene", ...).
- ``removal``: something leaves the text ("schrappen", "verwijderen", "vervallen", and their
  nouns and participles through the lemmas): a cue for the thing's presence does not hold
  there; only cues written for its removal do.
- ``proposal``: someone proposes a change ("voorstel om", "voorgesteld", "stelt voor").

Word lists only, no parsing: what they cannot tell apart stays unsaid (a lost proposal),
never a flipped one.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date

from compliance.drafting.letter import Letter, _words

CABINET = _words("""kabinet kabinetten nederland nl regering wij we ik ons onze mijn cabinet government
    netherlands i our""")
AUTHORS = _words("commissie voorzitterschap voorzitter commission presidency")
OTHERS = _words("""lidstaten lidstaat landen parlement europarlement kamer kamerleden fractie fracties
    duitsland frankrijk belgie polen spanje italie oostenrijk zweden denemarken hongarije ierland
    tsjechie portugal griekenland finland estland letland litouwen slowakije slovenie kroatie
    roemenie bulgarije cyprus malta luxemburg mijnraad sodm staatstoezicht nam tno gts gasunie
    gemeenten provincie regio leden kamerlid motie moties enquetecommissie ombudsman onderzoekers
    bewonersorganisaties organisaties europol states parliament house members""")
# those a measure is for, not who speaks ("bewoners krijgen een vaste vergoeding"): their own
# wish or view is reported like anyone's, a sentence about them is not another actor's
PARTIES = _words("""bewoners inwoners gedupeerden eigenaren huiseigenaren woningeigenaren groningers
    ondernemers aanvragers residents owners""")
# words after an actor that make the sentence his view or wish, not a statement of the text
REPORTING = _words("""stelt stellen meent menen zegt zeggen vindt vinden verwacht verwachten wil willen
    wenst wensen pleit pleiten benadrukt benadrukken vraagt vragen verzoekt verzoeken suggereert
    voorgesteld voorstellen adviseert adviseren adviseerde adviseerden gevraagd gepleit aangegeven
    verzocht vroeg vroegen wees wijst waarschuwt waarschuwde drong drongen aangedrongen liet lieten
    constateren constateert aanbevolen vrezen vreest hopen hoopt denken denkt eist eisen
    wilde wilden suggereren opperen betogen beweren aandringen
    says say wants want proposed propose proposes argues argue advises""")
REPORT_WINDOW = 4
REPORT_OPENING = 6  # the words of a sentence's opening in which an unnamed subject's verb stands
WANTING = _words("""wil willen wilde wilden wenst wensen vraagt vragen verzoekt verzoeken pleit pleiten eist
    eisen vreest vrezen hoopt hopen wants want asks ask""")
# a view at a sentence's opening: "X vindt dat", "X meent dat" (not "in bijlage 2 vindt u")
OPINION = _words("vindt vinden meent menen stelt stellen zegt zeggen betoogt betogen")
ACCORDING = _words("volgens according")
COMPARING = _words("evenals zoals net")  # "net als andere lidstaten kan Nederland ..."
HISTORY = _words("""eerder eerdere vorige vorig voorgaande voorheen destijds toenmalige toenmalig
    aanvankelijk presenteerde presenteerden stelde stelden legde legden verspreidde verspreidden
    publiceerde besloot kwam bracht stemde stemden onthield onthielden steunde steunden voorzag
    streefde oorspronkelijke oorspronkelijk previously earlier
    previous former presented voted abstained""")
# a past tense alone is no history ("op 1 oktober 2024 werd het veld gesloten"); a pluperfect
# aim is ("het voorzitterschap had gehoopt een akkoord te bereiken"): what was aimed at then
PLUPERFECT = frozenset({"had", "hadden"})
AIM = frozenset({"gehoopt", "oogmerk", "beoogd", "bedoeling", "gepland", "voornemen", "hoped", "intended",
                 "planned", "aimed"})
# an earlier cabinet or text named as the actor ("het vorige kabinet heeft de motie uitgevoerd")
FORMER = _words("vorige vorig toenmalige toenmalig eerdere voorgaande previous former")
CURRENT = _words("""huidige nieuwe nieuw herziene herzien voorliggende voorliggend recente actuele current
    new revised""")
# lemmas: participles and nouns too
REMOVAL = _words("schrappen verwijderen vervallen halen weglaten verdwijnen delete remove drop")
HISTORY_DAYS = 120
# the cabinet's own stance ("het kabinet is bereid detectiebevelen te aanvaarden"): not a
# statement of what the text holds
STANCE = _words("""bereid instemmen steunen accepteren aanvaarden willen wensen pleiten inzetten zien vinden
    achten streven verzetten voorwaarde voorwaarden eisen eis willing agree support accept want
    condition conditions""")
# a sentence opening with one of these carries on the one before it ("Voorts moeten versleutelde
# diensten buiten de detectieplicht blijven" after the cabinet's conditions): its voice
CONTINUING = _words("voorts verder daarnaast bovendien tevens eveneens evenzo ook furthermore moreover also")


@dataclass(frozen=True)
class SentenceScope:
    voice: str  # "cabinet", "author", "other", "party" (bewoners, eigenaren, ...) or "none"
    reported: bool
    stance: bool  # the cabinet says what it wants, accepts or will do
    history: bool
    removal: bool
    proposal: bool


def _has(letter: Letter, k: int, words: frozenset[str]) -> bool:
    """Whether word ``k`` is one of ``words`` or a form of one (looked up once per letter)."""
    return k in positions(letter, words)


def positions(letter: Letter, words: frozenset[str]) -> frozenset[int]:
    """The positions of the words that are, or stand for, one of ``words``."""
    key = ("positions", words)
    got: frozenset[int] | None = letter.scopes.get(key)
    if got is None:
        lemmas = letter.lemma_index()
        found: set[int] = set()
        for w in words:
            found.update(letter.index.get(w, ()))
            found.update(lemmas.get(w, ()))
        got = letter.scopes[key] = frozenset(found)
    return got


def sentence_scope(letter: Letter, sid: int, letter_date: str | None) -> SentenceScope:
    key = (sid, letter_date)
    got = letter.scopes.get(key)
    if got is None:
        got = letter.scopes[key] = _scope(letter, sid, letter_date)
    return got


ACTORS = CABINET | AUTHORS | OTHERS | PARTIES


def _in(letter: Letter, words: frozenset[str], a: int, b: int) -> bool:
    """Whether a word of a..b-1 is, or stands for, one of ``words`` (a bisection)."""
    found = sorted_positions(letter, words)
    i = bisect.bisect_left(found, a)
    return i < len(found) and found[i] < b


def sorted_positions(letter: Letter, words: frozenset[str]) -> list[int]:
    key = ("sorted", words)
    got: list[int] | None = letter.scopes.get(key)
    if got is None:
        got = letter.scopes[key] = sorted(positions(letter, words))
    return got


_PASSIVE = frozenset({"is", "zijn", "wordt", "worden", "werd", "werden", "was", "were"})
CONTRAST = frozenset({"maar", "doch", "but"})
_NOT_CONTRAST = frozenset({"dat", "ook", "wel", "niet", "alleen", "slechts", "that", "also", "only"})


def _contrast(letter: Letter, sid: int) -> int | None:
    """The "maar" after a comma that opens a clause of its own in the sentence ("Het Parlement
    houdt aan die wens vast, maar de voorliggende tekst kent ..."), if any."""
    key = ("contrast", sid)
    if key in letter.scopes:
        got: int | None = letter.scopes[key]
        return got
    a, b = letter.sentences[sid]
    norm = letter.norm
    got = None
    for k in range(a + 1, b - 1):
        if norm[k] in CONTRAST and norm[k + 1] not in _NOT_CONTRAST \
                and "," in letter.text[letter.end[k - 1]:letter.start[k]]:
            got = k
            break
    letter.scopes[key] = got
    return got


def match_scope(letter: Letter, sid: int, k: int, letter_date: str | None) -> SentenceScope:
    """The scope of sentence ``sid`` for its word ``k``: the sentence's, or when ``k`` lies in
    a contrasting clause ("..., maar de tekst kent geen ...") that clause's own: who speaks
    before the "maar" does not speak after it."""
    c = _contrast(letter, sid)
    if c is None or k <= c:
        return sentence_scope(letter, sid, letter_date)
    key = ("contrast", sid, letter_date)
    got = letter.scopes.get(key)
    if got is None:
        got = letter.scopes[key] = _scope(letter, sid, letter_date, c + 1)
    return got


def _scope(letter: Letter, sid: int, letter_date: str | None, start: int | None = None) -> SentenceScope:
    a, b = letter.sentences[sid]
    if start is not None:
        a = start
    norm = letter.norm
    here = set(norm[a:b])
    voice, at = "none", -1
    reported = False
    if not ACTORS.isdisjoint(here):
        for k in range(a, b):
            w = norm[k]
            if w in ACCORDING and any(norm[j] in ACTORS - CABINET for j in range(k + 1, min(b, k + 4))):
                reported = True
            if w in ACTORS:
                if not COMPARING.isdisjoint(norm[max(a, k - 3):k]):
                    continue  # "net als andere lidstaten", "zoals de Commissie": a comparison
                if _governed(letter, k, a):
                    continue  # "gebracht bij de NAM", "de regeling waarin de NAM ...": not who speaks
                voice = "cabinet" if w in CABINET else "author" if w in AUTHORS else \
                    "party" if w in PARTIES else "other"
                at = k
                break
    opening = min(b, a + REPORT_OPENING, at if at > a else b)
    if (_in(letter, WANTING, a, opening) or any(
            norm[k] in OPINION and k + 1 < b and norm[k + 1] == "dat" for k in range(a, opening))) and (
            voice == "none" or norm[a] in _ARTICLES):
        # "De Groninger Bodem Beweging wil een vaste vergoeding", "De Bodem Beweging vindt dat
        # het kabinet ...": someone not named as an actor wants, asks or holds it at the
        # sentence's start, before any actor; not the cabinet's nor the text's
        voice, reported = "other", True
    elif voice in ("author", "other", "party") and at >= 0 and not (at > a and norm[at - 1] in _PASSIVE):
        # "is SodM gevraagd opnieuw te adviseren": asked, in the passive, not asking
        reported = reported or _in(letter, REPORTING, at + 1, min(b, at + 1 + REPORT_WINDOW))
    history = not HISTORY.isdisjoint(here) and any(
        norm[k] in HISTORY and not _sooner(letter, k, b) for k in range(a, b))
    history = history or (not PLUPERFECT.isdisjoint(here) and not AIM.isdisjoint(here))
    current = not CURRENT.isdisjoint(here)
    if not history and not current and letter_date:
        history = old_date(letter, a, b, letter_date)
    removal = _in(letter, REMOVAL, a, b)
    proposal = bool(here & _PROPOSING) and any(
        (norm[k] in ("voorstel", "voorstellen") and "om" in norm[k + 1:min(b, k + 6)])
        or norm[k] == "voorgesteld" or (norm[k] in ("stelt", "stellen", "stelde") and "voor" in norm[k + 1:b])
        for k in range(a, b))
    # "X wil de detectiebevelen schrappen": a wish to remove is a proposal, not a removal
    proposal = proposal or (removal and _in(letter, WANTING, a, b))
    stance = voice == "cabinet" and _in(letter, STANCE, a, b)
    if voice == "none" and sid and start is None and norm[a] in CONTINUING and letter.continues(sid - 1):
        before = sentence_scope(letter, sid - 1, letter_date)
        pa, pb = letter.sentences[sid - 1]
        # "Instemming is voor het kabinet slechts mogelijk als ...": the cabinet's stance though
        # it is not the subject
        if (before.voice == "cabinet" and before.stance) or (
                before.voice == "none" and _in(letter, CABINET, pa, pb) and _in(letter, STANCE, pa, pb)):
            voice, stance = "cabinet", True  # the cabinet's conditions, carried on
    return SentenceScope(voice, reported, stance, history, removal, proposal)


_GOVERNING = _words("""bij met door aan tegen namens voor tot over naast zonder
    onafhankelijk by with from of against""")
_RELATIVE = _words("""waar waarin waarbij waarmee waardoor waarop die welke dat zodat omdat doordat terwijl
    hoewel wanneer indien mits tenzij als zolang which that who whom because so if""")
_ARTICLES = _words("de het een the")


def _governed(letter: Letter, k: int, a: int) -> bool:
    """Whether the actor at ``k`` is a preposition's object ("bij de NAM") or stands in a
    relative clause ("de regeling waarin de NAM ...") rather than being a subject."""
    norm, clause = letter.norm, letter.clause
    j = k - 1
    while j >= a and norm[j] in _ARTICLES:
        j -= 1
    if j >= a and norm[j] in _GOVERNING:
        return True
    if clause[k] != clause[a]:
        first = next((i for i in range(k, a - 1, -1) if clause[i] != clause[k]), a - 1) + 1
        return norm[first] in _RELATIVE
    return False


def _sooner(letter: Letter, k: int, b: int) -> bool:
    """"eerder" meaning sooner ("het eerder vullen van de gasopslagen", "eerder dan gepland"),
    not earlier in time: before an infinitive or "dan"."""
    if letter.norm[k] != "eerder" or k + 1 >= b:
        return False
    nxt = letter.norm[k + 1]
    return nxt == "dan" or (nxt.endswith("en") and letter.keys_at(k + 1) <= {nxt})


_PROPOSING = _words("voorstel voorstellen voorgesteld stelt stellen stelde")


def old_date(letter: Letter, a: int, b: int, letter_date: str) -> bool:
    """A date in the sentence more than HISTORY_DAYS before the letter's."""
    try:
        own = date.fromisoformat(letter_date)
    except ValueError:
        return False
    norm = letter.norm
    for k in range(a + 1, b):
        # "de tijdelijke verordening uit 2021": a document of an earlier year
        if norm[k - 1] in ("uit", "in", "from") and len(norm[k]) == 4 and norm[k].isdigit() \
                and int(norm[k]) < own.year and (k + 1 >= b or not norm[k + 1].isdigit()):
            return True
    for d in letter.dates_in(a, b):
        if d.year is None:
            continue
        off = letter.offset(d.line, d.column)
        if re.search(r"(?i)\b(sinds|per|v[oó][oó]r|since|before)\s+$", letter.text[max(0, off - 8):off]):
            continue  # "sinds 19 april 2024 gesloten", "per 1 juli 2019 beëindigd": a state that holds
        try:
            when = date(d.year, d.month, d.day or 1)
        except ValueError:
            continue
        if (own - when).days > HISTORY_DAYS:
            return True
    return False


# an indirect question: "hebben gevraagd of het kabinet bereid is ...", "de vraag wanneer ...",
# "wil weten hoe ...": what follows is asked, not stated
ASKING = _words("vragen vraag afvragen weten ask asks asked wonder question")
_WHETHER = frozenset({"of", "wanneer", "hoe", "waarom", "welke", "welk", "whether", "when", "how", "why",
                      "which"})


ASK_REACH = 5


def asked_from(letter: Letter, sid: int) -> int | None:
    """The position of the asking word of an indirect question in the sentence ("gevraagd
    of ..."), after which nothing is stated; None when there is none."""
    key = ("asked", sid)
    if key in letter.scopes:
        got: int | None = letter.scopes[key]
        return got
    a, b = letter.sentences[sid]
    norm = letter.norm
    got = None
    found = sorted_positions(letter, ASKING)
    for k in found[bisect.bisect_left(found, a):]:
        if k >= b:
            break
        # "vroegen in het debat of ...": the wh-word a few words on, in the asking clause
        if (k + 1 < b and norm[k + 1] in _WHETHER) or any(
                norm[j] in ("of", "whether") for j in range(k + 1, min(b, k + 1 + ASK_REACH))):
            got = k
            break
    letter.scopes[key] = got
    return got


_ADDRESSED = _words("ingezonden minister staatssecretaris minister-president submitted")


def questions(letter: Letter) -> set[int]:
    """The sentences of written questions: a question ("...?"), and in answers to written
    questions everything from "Vraag N" to the next "Antwoord N" (the asker's words)."""
    got: set[int] | None = letter.scopes.get("questions")
    if got is None:
        got = set()
        norm = letter.norm
        asking = False
        for sid, (a, b) in enumerate(letter.sentences):
            if b <= a:
                continue
            first = norm[a]
            colon = letter.text[letter.end[a]:letter.end[a] + 1] == ":"
            numbered = b - a > 1 and (norm[a + 1].isdigit() or colon)
            if first in ("vraag", "question") and (numbered or b - a == 1):
                asking = True
            elif first in ("vragen", "questions") and b - a > 1 and norm[a + 1] in ("van", "from", "by") \
                    and _ADDRESSED.intersection(norm[a:b]):
                # "Vragen van het lid X aan de Minister over ... (ingezonden ...)"; not "vragen
                # van gelijke strekking zijn samengenomen"
                asking = True
            elif first in ("antwoord", "answer") and (
                    numbered or b - a == 1 or any(w.isdigit() or w in ("vraag", "question")
                                                  for w in norm[a + 1:min(b, a + 4)])):
                asking = False  # "Antwoord 2", "Antwoord op vraag 2", "Antwoord:"
            tail = letter.text[letter.end[b - 1]:letter.end[b - 1] + 1]
            if asking or tail == "?":
                got.add(sid)
        letter.scopes["questions"] = got
    return got

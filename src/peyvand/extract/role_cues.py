"""The cue words a language gives the record extractors around a country word: roles
(``event_roles.tsv``: agent, patient, place…, the language's word order and the words that
join verbs), anaphors and vague words (``agreement_triggers.tsv``) and the scope of "since"
(``modality.tsv``), read once per language into one `Cues`."""

from __future__ import annotations

from dataclasses import dataclass, field

from peyvand.extract.cue_index import TURKIC
from peyvand.lang import LanguageData
from peyvand.text.normalize import normalize


@dataclass(slots=True)
class Cues:
    """Role cues of one language (``event_roles.tsv``) and scopes of ``modality.tsv``."""

    before: dict[str, set[str]] = field(default_factory=dict)
    after: dict[str, set[str]] = field(default_factory=dict)
    suffix: list[tuple[str, str]] = field(default_factory=list)
    lead: list[tuple[str, str]] = field(default_factory=list)  # anywhere in the 5 words before
    order: str = "svo"  # "sov": the doer is the first country of the clause; "vso": verb first
    joins: frozenset[str] = frozenset()  # a verb after one of them shares the verb before's doer
    anaphors: frozenset[str] = frozenset()  # agreement_triggers.tsv, kind anaphor
    vague: frozenset[str] = frozenset()  # agreement_triggers.tsv, kind vague
    since: dict[str, tuple[str, int]] = field(default_factory=dict)  # modality.tsv, since

    def preceded(
        self, view: str, floor: int, start: int, words: frozenset[str], reach: int = 2
    ) -> bool:
        """Whether one of ``words`` is among the ``reach`` words before view offset ``start``."""
        last = view[max(floor, start - 60) : start].split()[-3:]
        return any(w in words for w in (*last[-reach:], " ".join(last[-2:]), " ".join(last)))


def read_cues(data: LanguageData, lang: str) -> Cues:
    """The cues of ``lang``'s data files, normalized as the view is."""
    cues = Cues()
    turkic = lang in TURKIC
    if data.has(lang, "agreement_triggers.tsv"):
        rows = data.rows(lang, "agreement_triggers.tsv")
        for kind in ("anaphor", "vague"):
            listed = frozenset(
                normalize(row[1], turkic=turkic).text.strip()
                for row in rows
                if len(row) > 1 and row[0] == kind
            )
            setattr(cues, "anaphors" if kind == "anaphor" else kind, listed)
    if data.has(lang, "modality.tsv"):
        for row in data.rows(lang, "modality.tsv"):
            if len(row) > 2 and row[0] == "since":
                scope, _, reach = row[2].partition(":")
                words = normalize(row[1], turkic=turkic).text.strip()
                cues.since[words] = (scope, int(reach) if reach.isdigit() else 1)
    if data.has(lang, "event_roles.tsv"):
        for row in data.rows(lang, "event_roles.tsv"):
            if len(row) < 3:
                continue
            role, where = row[0], row[2]
            words = normalize(row[1].lstrip("*"), turkic=turkic).text.strip()
            if role == "order":
                cues.order = words
            elif role == "join":
                cues.joins |= {words}
            elif where == "before":
                cues.before.setdefault(words, set()).add(role)
            elif where == "after":
                cues.after.setdefault(words, set()).add(role)
            elif where == "suffix":
                cues.suffix.append((words, role))
            elif where == "lead":
                cues.lead.append((words, role))
    return cues

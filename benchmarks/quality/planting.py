"""Build evaluation pages: a real clean article, then defects planted the ways scrapers plant them.

Every planted defect marks the line it lands on with its family and the method that planted it,
so the figures can be broken down by method. The methods follow DESIGN.md and the issues (what
real scraped pages carry), never the rules' code: the evaluation must not be tuned to the rules.

A page is ``title``, then header lines (repeated title, bylines, metadata), then the article's
paragraphs (or all of them on one line), then appended blocks. Labels are 1-based line numbers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Callable, Sequence

from benchmarks.quality import vocab
from benchmarks.quality.corpus import EMOJI_KINDS, EmojiPool, Record, paragraphs

__all__ = ["FAMILIES", "PlantedPage", "Sources", "Planter", "negative_page"]

#: The families the planter plants, in report order.
FAMILIES: tuple[str, ...] = ("EMJ", "OFT", "BYL", "VWC", "CHR")

_EMOJI_KIND_WEIGHTS = {"single": 40, "selector": 15, "zwj": 15, "skin-tone": 12, "flag": 10, "keycap": 8}
_SENTENCE_ENDS = {"zh": "。！？；", "en": ".!?"}


@dataclass(frozen=True)
class PlantedPage:
    """A page's text and, per 1-based line, the planted families with the methods that planted them.

    ``scored`` lists the families whose findings count on this page (``None``: all planted
    families); real web text keeps its own tails and bylines, so it is scored for EMJ only.
    """

    id: str
    text: str
    labels: dict[int, dict[str, tuple[str, ...]]]
    kind: str = "planted"
    scored: frozenset[str] | None = None

    def families_at(self, line: int) -> set[str]:
        return set(self.labels.get(line, {}))


@dataclass
class _Line:
    text: str
    marks: dict[str, set[str]] = field(default_factory=dict)

    def mark(self, family: str, method: str) -> "_Line":
        self.marks.setdefault(family, set()).add(method)
        return self


@dataclass
class _Draft:
    lang: str
    title: _Line
    head: list[_Line] = field(default_factory=list)
    body: list[_Line] = field(default_factory=list)
    tail: list[_Line] = field(default_factory=list)
    bylines: set[str] = field(default_factory=set)  # names already in a byline on this page

    def lines(self) -> list[_Line]:
        return [self.title, *self.head, *self.body, *self.tail]


@dataclass(frozen=True)
class Sources:
    """What the planter draws from: other articles and headlines per language, and emoji."""

    articles: dict[str, Sequence[Record]]
    headlines: dict[str, Sequence[str]]
    emoji: EmojiPool


class Planter:
    """Plants defects into articles; deterministic for a given ``random.Random``."""

    def __init__(self, rng: random.Random, sources: Sources, clean_share: float = 0.2, one_line_share: float = 0.15) -> None:
        self.rng = rng
        self.sources = sources
        self.clean_share = clean_share
        self.one_line_share = one_line_share

    # -- the page -------------------------------------------------------------------------------

    def page(self, article: Record) -> PlantedPage:
        """One page from one article: some pages stay clean, the others get one to five families."""
        rng = self.rng
        lang = "zh" if article.lang.startswith("zh") else "en"
        draft = _Draft(lang, _Line(article.title.strip()), body=[_Line(p) for p in paragraphs(article.text)])
        families: list[str] = []
        if rng.random() >= self.clean_share:
            families = [family for family in FAMILIES if rng.random() < 0.5] or [rng.choice(FAMILIES)]
        planters: dict[str, Callable[[_Draft], None]] = {
            "BYL": self._bylines,
            "VWC": self._counters,
            "CHR": self._chrome,
            "OFT": self._appended,
        }
        for family in ("BYL", "VWC", "CHR", "OFT"):
            if family in families:
                planters[family](draft)
        if len(draft.body) > 1 and rng.random() < self.one_line_share:
            draft.body = [_join(draft.body, " ")]
        if "EMJ" in families:
            self._emoji(draft)
        return _finish(f"{article.id}#planted", draft.lines(), "planted" if families else "clean")

    # -- BYL ------------------------------------------------------------------------------------

    def _bylines(self, draft: _Draft) -> None:
        rng, lang = self.rng, draft.lang
        methods = ["title-prefix", "title-suffix", "same-line", "own-line-twice", "adjacent-lines"]
        weights = [30, 8, 25, 17, 20]
        chosen = set(rng.choices(methods, weights, k=2 if rng.random() < 0.3 else 1))
        space = rng.choice([" ", " ", "  ", "\u3000"]) if lang == "zh" else rng.choice([" ", "  "])
        # Each method gets its own name: two methods sharing one would repeat it once more.
        if "same-line" in chosen and draft.body:
            byline = self.byline(draft)
            first = draft.body[0]
            first.text = f"{byline}{space}{byline}{space}{first.text}"
            first.mark("BYL", "same-line")
        if "own-line-twice" in chosen:
            byline = self.byline(draft)
            draft.head.append(_Line(f"{byline}{space}{byline}").mark("BYL", "own-line-twice"))
        if "adjacent-lines" in chosen:
            # The first byline is the page's own; the repeat is the defect.
            byline = self.byline(draft)
            draft.head += [_Line(byline), _Line(byline).mark("BYL", "adjacent-lines")]
        site = rng.choice(vocab.SITE_NAMES[lang])
        if "title-prefix" in chosen:
            prefix = rng.choice(vocab.TITLE_PREFIXES[lang]).format(site=site)
            draft.head.insert(0, _Line(prefix + draft.title.text).mark("BYL", "title-prefix"))
        elif "title-suffix" in chosen:
            suffix = rng.choice(vocab.TITLE_SUFFIXES[lang]).format(site=site)
            draft.head.insert(0, _Line(draft.title.text + suffix).mark("BYL", "title-suffix"))

    def byline(self, draft: _Draft) -> str:
        """A single byline (a source or author line) naming someone not yet named on the page."""
        template, kind = self.rng.choice(vocab.BYLINE_FORMATS[draft.lang])
        names = [name for name in vocab.BYLINE_NAMES[kind][draft.lang] if name not in draft.bylines]
        name = self.rng.choice(names or vocab.BYLINE_NAMES[kind][draft.lang])
        draft.bylines.add(name)
        return template.format(name=name)

    # -- VWC ------------------------------------------------------------------------------------

    def _counters(self, draft: _Draft) -> None:
        rng, lang = self.rng, draft.lang
        method = rng.choices(["meta-line", "paragraph-head", "paragraph-tail", "inside-line"], [35, 20, 20, 25])[0]
        counter = self.counter(lang)
        if method == "meta-line" or not draft.body:
            parts = [counter]
            shape = rng.random()
            if shape < 0.4:
                parts.insert(0, self._date_field(lang))
            elif shape < 0.6:
                parts.append(self.byline(draft))
            draft.head.append(_Line("  ".join(parts) if rng.random() < 0.5 else " ".join(parts)).mark("VWC", "meta-line"))
        elif method == "paragraph-head":
            first = draft.body[0]
            first.text = f"{counter} {first.text}"
            first.mark("VWC", method)
        elif method == "paragraph-tail":
            line = draft.body[-1] if rng.random() < 0.6 else rng.choice(draft.body)
            line.text = f"{line.text} {counter}"
            line.mark("VWC", method)
        else:
            line = rng.choice(draft.body)
            line.text = _insert_at_boundary(rng, line.text, counter, lang)
            line.mark("VWC", method)

    def counter(self, lang: str) -> str:
        """An inline view counter in one of the shapes sites print."""
        rng = self.rng
        number = rng.randint(10, 999) if rng.random() < 0.3 else rng.randint(1000, 99999)
        return rng.choice(vocab.COUNTER_FORMATS[lang]).format(
            n=number,
            c=f"{number:,}",
            w=f"{rng.randint(11, 999) / 10:g}万",
            k=f"{rng.randint(11, 999) / 10:g}K",
        )

    def _date(self, lang: str, with_time: bool = False) -> str:
        rng = self.rng
        year, month, day = rng.randint(2005, 2025), rng.randint(1, 12), rng.randint(1, 28)
        if lang == "zh":
            date = rng.choice([f"{year}-{month:02d}-{day:02d}", f"{year}年{month}月{day}日"])
        else:
            date = rng.choice([f"{year}-{month:02d}-{day:02d}", f"{day} {_MONTHS[month - 1]} {year}"])
        if with_time:
            date += f" {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
        return date

    def _date_field(self, lang: str) -> str:
        """A filled date field, as pages print it next to counters and bylines."""
        date = self._date(lang, with_time=self.rng.random() < 0.5)
        return self.rng.choice(vocab.DATE_FIELDS[lang]).format(d=date)

    # -- CHR ------------------------------------------------------------------------------------

    def _chrome(self, draft: _Draft) -> None:
        rng, lang = self.rng, draft.lang
        methods = rng.sample(["phrase-line", "phrase-tail", "phrase-inside", "empty-field"], k=rng.choice([1, 1, 2]))
        for method in methods:
            if method == "empty-field":
                self._empty_field(draft)
                continue
            phrase = _Line(rng.choice(vocab.UI_PHRASES[lang]))
            if rng.random() < 0.25:
                phrase.text = self._break_with_emoji(phrase.text)
                phrase.mark("EMJ", "in-chrome-phrase")
            if method == "phrase-line" or not draft.body:
                index = len(draft.body) if rng.random() < 0.6 else rng.randint(1, max(1, len(draft.body)))
                draft.body.insert(index, phrase.mark("CHR", "phrase-line"))
                continue
            if method == "phrase-tail":
                target = draft.body[-1]
                joiner = rng.choice(["", " "]) if lang == "zh" else " "
                target.text = f"{target.text}{joiner}{phrase.text}"
            else:
                target = rng.choice(draft.body)
                target.text = _insert_at_boundary(rng, target.text, phrase.text, lang)
            for family, marks in phrase.marks.items():
                for mark in marks:
                    target.mark(family, mark)
            target.mark("CHR", method)

    def _empty_field(self, draft: _Draft) -> None:
        rng, lang = self.rng, draft.lang
        empty = rng.choice(vocab.EMPTY_FIELDS[lang])
        shape = rng.random()
        line = _Line(empty).mark("CHR", "empty-field")
        if shape < 0.35:
            line.text = f"{empty} {self.counter(lang)}"
            line.mark("VWC", "meta-line")
        elif shape < 0.55:
            line.text = f"{empty} {self._date_field(lang)}"
        elif shape < 0.7:
            line.text = f"{self._date_field(lang)} {empty}"
        draft.head.append(line)

    def _break_with_emoji(self, phrase: str) -> str:
        """The phrase with one emoji inside it, as injected noise breaks ``返回😘搜狐``."""
        cut = self.rng.randint(1, len(phrase) - 1)
        return phrase[:cut] + self.rng.choice(self.sources.emoji.faces) + phrase[cut:]

    # -- OFT ------------------------------------------------------------------------------------

    def _appended(self, draft: _Draft) -> None:
        rng = self.rng
        methods = ["article-lines", "article-one-line", "name-list", "place-groups", "headlines"]
        count = rng.choices([1, 2, 3], [70, 22, 8])[0]
        for method in rng.sample(methods, k=count):
            if method.startswith("article"):
                draft.tail += self._other_article(draft, one_line=method == "article-one-line")
            elif method == "name-list":
                draft.tail += self._name_list(draft.lang)
            elif method == "place-groups":
                draft.tail += self._place_groups(draft.lang)
            else:
                draft.tail += self._headlines(draft)

    def _other_article(self, draft: _Draft, one_line: bool) -> list[_Line]:
        """A whole unrelated article, the least similar of three random picks."""
        rng, lang = self.rng, draft.lang
        own = _bigrams(" ".join(line.text for line in draft.body))
        pool = self.sources.articles[lang]
        candidates = [pool[rng.randrange(len(pool))] for _ in range(3)]
        other = min(candidates, key=lambda record: _overlap(own, _bigrams(record.text)))
        method = "article-one-line" if one_line else "article-lines"
        texts = paragraphs(other.text)[: rng.randint(1, 8)] or [other.title]
        if rng.random() < 0.4 and other.title.strip():
            texts.insert(0, other.title.strip())
        lines = [_Line(text).mark("OFT", method) for text in texts]
        if one_line:
            lines = [_join(lines, " ")]
        if rng.random() < 0.3:
            last = lines[-1]
            last.text = f"{last.text}{'' if lang == 'zh' else ' '}{rng.choice(vocab.UI_PHRASES[lang])}"
            last.mark("CHR", "phrase-in-appended")
        return lines

    def _name_list(self, lang: str) -> list[_Line]:
        """Places or people, one per line."""
        rng = self.rng
        size = rng.randint(5, 15)
        if rng.random() < 0.5:
            names = rng.sample(vocab.PLACES[lang], k=min(size, len(vocab.PLACES[lang])))
        else:
            names = list(dict.fromkeys(self._person(lang) for _ in range(size)))
        return [_Line(name).mark("OFT", "name-list") for name in names]

    def _person(self, lang: str) -> str:
        surname, given = self.rng.choice(vocab.SURNAMES[lang]), self.rng.choice(vocab.GIVEN_NAMES[lang])
        return surname + given if lang == "zh" else f"{given} {surname}"

    def _place_groups(self, lang: str) -> list[_Line]:
        """Administrative lists, a province or region per line with its districts."""
        rng = self.rng
        lines = []
        if lang == "zh":
            for province, city, districts in rng.sample(vocab.PLACE_GROUPS, k=rng.randint(3, 10)):
                listed = "、".join(districts)
                lines.append(rng.choice([f"{province}:{city}:({listed})", f"{city}:({listed})", f"{city}：{listed}"]))
        else:
            places = list(vocab.PLACES["en"])
            for _ in range(rng.randint(3, 8)):
                group = rng.sample(places, k=rng.randint(3, 7))
                lines.append(rng.choice([", ".join(group), f"{group[0]}: " + ", ".join(group[1:]), " | ".join(group)]))
        return [_Line(text).mark("OFT", "place-groups") for text in lines]

    def _headlines(self, draft: _Draft) -> list[_Line]:
        """Headlines of other articles, with or without a header line, counts or dates."""
        rng, lang = self.rng, draft.lang
        pool = self.sources.headlines[lang]
        drawn = (rng.choice(pool) for _ in range(rng.randint(5, 20)))
        titles = [title for title in dict.fromkeys(drawn) if title != draft.title.text]
        with_header = rng.random() < 0.6
        extra = rng.choices(["counts", "dates", "plain"], [45, 15, 40])[0]
        method = "headlines" + ("+header" if with_header else "") + ("" if extra == "plain" else f"+{extra}")
        lines = [_Line(rng.choice(vocab.HEADLINE_HEADERS[lang])).mark("OFT", method)] if with_header else []
        for title in titles:
            if extra == "dates":
                lines.append(_Line(f"{title} {self._date(lang)}").mark("OFT", method))
                continue
            lines.append(_Line(title).mark("OFT", method))
            if extra == "counts":
                lines.append(_Line(str(rng.randint(100, 99999))).mark("OFT", method).mark("VWC", "bare-count-line"))
        return lines

    # -- EMJ ------------------------------------------------------------------------------------

    def _emoji(self, draft: _Draft) -> None:
        rng = self.rng
        lines = [line for line in draft.body if line.text]
        if not lines:
            return
        method = rng.choices(["cadence", "cadence-some-paragraphs", "random", "few-in-words"], [35, 20, 25, 20])[0]
        palette = self._palette()
        if method == "few-in-words":
            for _ in range(rng.randint(1, 3)):
                line = rng.choice(lines)
                inside = [i for i in range(1, len(line.text)) if line.text[i - 1].isalnum() and line.text[i].isalnum()]
                if inside:
                    position = rng.choice(inside)
                    line.text = line.text[:position] + palette() + line.text[position:]
                    line.mark("EMJ", method)
            return
        if method == "random":
            total = sum(len(line.text) for line in lines)
            count = max(2, int(total / rng.uniform(30, 120)))
            weights = [len(line.text) for line in lines]
            plan: dict[int, set[int]] = {}
            for _ in range(count):
                index = rng.choices(range(len(lines)), weights)[0]
                plan.setdefault(index, set()).add(rng.randint(1, len(lines[index].text)))
            for index, positions in plan.items():
                _insert_many(lines[index], sorted(positions), palette, method)
            return
        low = rng.randint(20, 30)
        high = low + rng.randint(5, 10)
        targets = lines if method == "cadence" else rng.sample(lines, k=rng.randint(1, len(lines)))
        for line in targets:
            positions, position = [], rng.randint(1, high)
            while position < len(line.text):
                positions.append(position)
                position += rng.randint(low, high)
            _insert_many(line, positions, palette, method)

    def _palette(self) -> Callable[[], str]:
        """Where a page's emoji come from: a handful of faces, or every kind of sequence."""
        rng, pool = self.rng, self.sources.emoji
        if rng.random() < 0.45:
            faces = rng.sample(pool.faces, k=min(len(pool.faces), rng.randint(4, 15)))
            return lambda: rng.choice(faces)
        kinds = list(EMOJI_KINDS)
        weights = [_EMOJI_KIND_WEIGHTS[kind] for kind in kinds]
        return lambda: rng.choice(pool.by_kind[rng.choices(kinds, weights)[0]])


def negative_page(record: Record, kind: str, scored: frozenset[str] | None) -> PlantedPage:
    """A real page planted with nothing: title line and text as they are."""
    text = f"{record.title}\n{record.text}" if record.title else record.text
    return PlantedPage(f"{record.id}#{kind}", text, {}, kind, scored)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def _finish(page_id: str, lines: list[_Line], kind: str) -> PlantedPage:
    labels = {
        number: {family: tuple(sorted(methods)) for family, methods in sorted(line.marks.items())}
        for number, line in enumerate(lines, 1)
        if line.marks
    }
    return PlantedPage(page_id, "\n".join(line.text for line in lines), labels, kind)


def _join(lines: list[_Line], joiner: str) -> _Line:
    joined = _Line(joiner.join(line.text for line in lines))
    for line in lines:
        for family, methods in line.marks.items():
            for method in methods:
                joined.mark(family, method)
    return joined


def _insert_many(line: _Line, positions: list[int], make: Callable[[], str], method: str) -> None:
    if not positions:
        return
    text = line.text
    for position in sorted(set(positions), reverse=True):
        text = text[:position] + make() + text[position:]
    line.text = text
    line.mark("EMJ", method)


def _insert_at_boundary(rng: random.Random, text: str, insert: str, lang: str) -> str:
    """``insert`` after a sentence end inside ``text`` (Chinese without spaces), else at the end."""
    ends = _SENTENCE_ENDS[lang]
    if lang == "zh":
        cuts = [i + 1 for i, char in enumerate(text[:-1]) if char in ends]
    else:
        cuts = [i + 1 for i, char in enumerate(text[:-1]) if char in ends and text[i + 1] == " "]
    if not cuts:
        return text + (insert if lang == "zh" else " " + insert)
    cut = rng.choice(cuts)
    if lang == "zh":
        return text[:cut] + insert + text[cut:]
    return text[:cut] + " " + insert + " " + text[cut:].lstrip(" ")


def _bigrams(text: str) -> set[str]:
    compact = "".join(text.split()).lower()
    return {compact[i:i + 2] for i in range(len(compact) - 1)}


def _overlap(one: set[str], other: set[str]) -> float:
    if not one or not other:
        return 0.0
    return len(one & other) / min(len(one), len(other))

"""Finding mojibake (MKP005): a whole-page scan for the characters it is made of, then the
careful checks only on the lines that hold them.

Most pages hold no mojibake, and the careful checks (ftfy's verdict on every run of Latin
symbols, re-encoding every run of Han characters as GBK) cost far more than one scan of the
page. The scan finds characters that every kind of mojibake must contain, so skipping a line
without them never loses a finding:

* ftfy calls a run bad only when it holds a C1 control or a pair of characters from its lists
  (accented letters, Latin-1 symbols, currency, maths, box drawing, Greek and Cyrillic
  letters); every such pattern holds at least one character of :data:`_LATIN_SUSPECTS`. The
  quotation marks, dashes, ellipsis and middle dot of ordinary Chinese and English text are
  not among them.
* UTF-8 Han characters read as GBK (three bytes ``E4-E9 80-BF 80-BF`` each) always put a GBK
  character with lead byte ``E4-E9`` and trail byte ``80-BF`` right before one with lead byte
  ``81-BF`` and trail byte ``E4-E9``, once three characters or more were garbled.
* Lost bytes are U+FFFD or ``锟斤拷``; broken decodings leave private-use characters.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import Iterator

from plugins._lazy import RegexFirst, lazy_re, lazy_regex

__all__ = ["Mojibake", "mojibake"]

#: ``(start, end, fixed, how)``; ``fixed`` is None when the text is lost.
Mojibake = tuple[int, int, "str | None", str]

_LATIN_SUSPECTS = (
    "\u0080-\u009f\u00a1-\u00ac\u00ae-\u00b3\u00b5\u00b6\u00b8-\u045f\u0490\u0491\u201a\u2020\u2021\u2030"
    "\u2044\u20a7\u20ac\u2116\u2202-\u2265\u2310\u2500-\u25ca\ufb01\ufb02\ufffd"
)
_LOST_SUSPECTS = "\ufffd\u951f"  # U+FFFD, and the first character of 锟斤拷
_PRIVATE_USE = "\ue000-\uf8ff"
#: Fewest garbled Han characters for which the GBK pair above is certain.
_GBK_PAIR_MIN = 3


#: The characters of the GBK pair, as class bodies: the first has lead byte ``E4-E9`` and trail
#: byte ``80-BF``, the second lead byte ``81-BF`` and trail byte ``E4-E9``. Written out, because
#: working them out from the codec (and loading it) cost more than the rest of a clean page's
#: scan; tests/rules/test_markup.py works them out and compares.
_GBK_FIRST = (
    "妗妞妤妫妯妲妾姊姒姗-姘姝姣姹娅-娆娈-娉娌娑娓娣娲娴娼婀婊婕婢婧婵宀宄宓宕宥宸寤寮寰搴杈杌杓杞杩棣棰椁椋椐椤椴椹楂"
    "楗楝楠楣楦楫楱楸-楹榀榄榇-榉榘榛榧榫榭榻槌槎洄洇洌洎洙-洚洧洫洮洳洵洹浃浈浍浏浒浔浜浞浠浣浯浼涑涓-涔涞涠淇渚澧澶"
    "澹濂濉濞濠-濡濮-濯瀚-瀛瀣瀵瀹灏灞琚-琛瑁瑕瑗瑙瑜瑭瑷瑾璀-璁璇璋璎璐璜璞璧-璩璺瓒甯纭纰纾绀-绂绉绋-绌绐绔绗绛"
    "绠-绡绨绫绮-绯绱-绲绶绺-绻绾缁-缃缇-缈缍褰蹇鋩-錉鍊-鍩鍫鎬-鏉鏋-鏍鐎-鐮鑰-钄钑钖钘铇铏铓-铔铚铦铻锜锠"
    "閫-闋韪-韬骞"
)
_GBK_SECOND = (
    "¤т-ч′-″℃╀-╅や-らヤ-ラㄤ-ㄩ㈠-㈤介伴佃佷-佺佽侀借備-傞充典兼冧-冪冭-冮冲剁剧勪-勯卞叉变句告呬-呰"
    "呴哄哥嗕嗗-嗛囦-囪囬圭块垫垮堕堜-堝堟堢-堣堥変-夌夎夐夸奸婁-婅婇婚嬩-嬮存宠寸屼-屾岀岃-岄峰崇嶄-嶉庝庡-庤"
    "庨归忎忓-忕忚-忛惧惰愪愬-愰戒戜-戞戠戣戦扮抽拌挎捐掍掑掓-掕掗插搁撮撲-撴撶撹撻斾-旀旂旇-旈昏曚曞-曢朵村板查"
    "栦-栨栫-栭椾楀-楁楃-楅樹-樼樿-橀欎-欓歌氫-氭氱氳氶洪涗-涚涜涢滀滃-滆滈濅-濈濊-濋炬炰炲炴-炶為烘烽煎"
    "熶-熸熺-熼版犱-犳犵犺-犻瑰电甸界疯硅磋稿绘翠肩胯舵艰芥茬茶荤藉虫虹蜂规讳诲跨跺蹭轰辨-辩辫逛遍锋镐间靛颁风鸿鹃"
    "︽-﹂＄ｄ-ｉ￠"
)

_SUSPECT = f"{_LATIN_SUSPECTS}{_LOST_SUSPECTS}{_PRIVATE_USE}"
#: A character between the lowest and the highest first of a pair: without one (English pages)
#: there is no pair, and the scan for suspects alone compiles in a third of the time of the one
#: for both. ``regex`` compiles a range without listing its characters and finds it as fast.
_MAY_PAIR = lazy_regex(f"[{_GBK_FIRST[0]}-{_GBK_FIRST[-1]}]")
#: The suspects alone: ``re`` takes 1.7 ms to compile their class and ``regex`` 0.5, but scans
#: 50 ns a character slower; the first 10,000 characters of a process go to ``regex``.
_SUSPECTS = RegexFirst(f"[{_SUSPECT}]", 10_000)
#: A suspect, or the GBK pair (the class comes first so that the scan skips ordinary characters in C).
#: No suspect is a first of a pair, so a character that is not a first is a suspect: one class of
#: firsts, not two (each class of characters beyond Latin-1 takes ``re`` a few tenths of a ms to compile).
_SUSPECTS_OR_PAIRS = lazy_re(f"[{_SUSPECT}{_GBK_FIRST}](?:(?<![{_GBK_FIRST}])|[{_GBK_SECOND}])")


def suspects_and_pairs(text: str) -> tuple[list[int], list[int]]:
    """Where a Latin, lost or private-use suspect stands, and where the GBK pair does (both sorted)."""
    if not _MAY_PAIR().search(text):
        return [match.start() for match in _SUSPECTS(len(text)).finditer(text)], []
    suspects: list[int] = []
    pairs: list[int] = []
    for match in _SUSPECTS_OR_PAIRS().finditer(text):
        (pairs if match.end() - match.start() == 2 else suspects).append(match.start())
    return suspects, pairs


@functools.cache
def _patterns() -> dict[str, "re.Pattern[str]"]:
    import regex  # the careful checks need Unicode scripts; compiled on the first suspect

    # A run that may hold Latin-1/Windows-1252 mojibake: the text between ASCII spaces and
    # Han characters (or kana, hangul), holding a character such mojibake is made of.
    outside = r"[^ \t\r\n\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]*"
    return {
        "run_start": regex.compile(outside, regex.V1 | regex.REVERSE),
        "run_end": regex.compile(outside, regex.V1),
        "run_marker": regex.compile(r"[\u0080-\u024f\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"),
        # Runs of Han characters (and full-width forms) that may be UTF-8 bytes read as GBK.
        "han": regex.compile(r"[\p{Han}\u3000-\u303f\uff01-\uff5e]{3,}", regex.V1),
        "han_start": regex.compile(r"[\p{Han}\u3000-\u303f\uff01-\uff5e]*", regex.V1 | regex.REVERSE),
        "han_end": regex.compile(r"[\p{Han}\u3000-\u303f\uff01-\uff5e]*", regex.V1),
        "lost": regex.compile(r"\ufffd+|(?:锟斤拷)+"),
        # Private-use characters inside a word: bytes mapped to nowhere by a wrong decoding.
        "private": regex.compile(r"(?<=[\p{L}\p{N}?？])[\uE000-\uF8FF]+(?=[\p{L}\p{N}?？])", regex.V1),
        "utf8_han": regex.compile(rb"(?:[\xe4-\xe9][\x80-\xbf]{2})+"),
    }


def mojibake(text: str, line_starts: tuple[int, ...], min_gbk_chars: int) -> Iterator[Mojibake]:
    """Every mojibake finding of the page, line by line (sorted within a line), then lost
    text, then private-use characters. ``line_starts`` are the page's line offsets."""
    if text.isascii():
        return
    suspects, pairs = suspects_and_pairs(text)
    if not suspects and not pairs and min_gbk_chars >= _GBK_PAIR_MIN:
        return
    patterns = _patterns()
    found: dict[int, list[Mojibake]] = {}
    if min_gbk_chars < _GBK_PAIR_MIN:  # the GBK pair is certain only from three characters on
        han_runs = [(start, end) for start, end in zip(line_starts, [*line_starts[1:], len(text)])]
    else:
        han_runs = list(_runs(patterns["han_start"], patterns["han_end"], text, pairs))
    findings = [*_latin(patterns, text, suspects), *(f for start, end in han_runs for f in _gbk(patterns, text, start, end, min_gbk_chars))]
    for finding in findings:
        found.setdefault(bisect.bisect_right(line_starts, finding[0]) - 1, []).append(finding)
    for index in sorted(found):
        yield from sorted(found[index])
    if any(text[point] in _LOST_SUSPECTS for point in suspects):
        for match in patterns["lost"].finditer(text):
            how = "'锟斤拷' (replacement characters encoded twice)" if match.group()[0] == "锟" else "replacement characters"
            yield match.start(), match.end(), None, how
    if any("\ue000" <= text[point] <= "\uf8ff" for point in suspects):
        for match in patterns["private"].finditer(text):
            yield match.start(), match.end(), None, "private"


def _runs(backward: "re.Pattern[str]", forward: "re.Pattern[str]", text: str, points: list[int]) -> Iterator[tuple[int, int]]:
    """Each run (of what the two patterns match, backward and forward) that holds one of the
    ``points`` (sorted), once."""
    checked = 0
    for point in points:
        if point < checked:
            continue  # in the run just given
        end = forward.match(text, point).end()
        if end == point:
            continue  # the character there is in no run
        checked = end
        yield backward.match(text, 0, point).start(), end


def _latin(patterns: dict[str, "re.Pattern[str]"], text: str, suspects: list[int]) -> Iterator[Mojibake]:
    """Latin-1/Windows-1252 mojibake runs that ftfy repairs, among the runs around ``suspects``."""
    for start, end in _runs(patterns["run_start"], patterns["run_end"], text, suspects):
        run = text[start:end]
        if not patterns["run_marker"].search(run):
            continue
        import ftfy  # imported on the first suspect run only: it costs a tenth of a second at start-up
        import ftfy.badness

        if not ftfy.badness.is_bad(run):
            continue
        fixed = ftfy.fix_encoding(run)
        if fixed == run:
            continue
        head = 0
        while head < min(len(run), len(fixed)) and run[head] == fixed[head]:
            head += 1
        tail = 0  # keep at least one character of the repair, so the finding shows what it reads
        while tail < min(len(run), len(fixed)) - head - 1 and run[-1 - tail] == fixed[-1 - tail]:
            tail += 1
        yield start + head, end - tail, fixed[head : len(fixed) - tail], "UTF-8 read as Latin-1"


def _gbk(patterns: dict[str, "re.Pattern[str]"], text: str, start: int, end: int, min_chars: int) -> Iterator[Mojibake]:
    """Runs of Han characters whose GBK bytes are valid UTF-8 for ``min_chars`` Han characters."""
    for match in patterns["han"].finditer(text, start, end):
        run = match.group()
        try:
            raw = run.encode("gbk")
        except UnicodeEncodeError:
            continue
        # Byte offset where each character of the run starts (GBK: 1 or 2 bytes a character).
        offsets: list[int] = []
        position = 0
        for char in run:
            offsets.append(position)
            position += 1 if char.isascii() else 2
        for found in patterns["utf8_han"].finditer(raw):
            decoded = found.group().decode("utf-8", errors="replace")
            if len(decoded) < min_chars or not all("\u4e00" <= c <= "\u9fff" for c in decoded):
                continue
            try:
                decoded.encode("gb2312")  # what it decodes to is common text, not more noise
            except UnicodeEncodeError:
                continue
            first = bisect.bisect_right(offsets, found.start()) - 1
            last = bisect.bisect_left(offsets, found.end()) - 1
            yield match.start() + first, match.start() + last + 1, decoded, "UTF-8 read as GBK"

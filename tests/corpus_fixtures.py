"""A tiny corpus in the layout of ``../shared/corpus`` (news articles, web text with emoji, a
content farm, Unicode's emoji list), for tools that read one: the quality evaluation, the benchmark."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.quality.corpus import Record

ZH_ARTICLES = [
    Record("zh-1", "zh", "小城新建图书馆正式开放", "本市新建的图书馆今天正式向市民开放，馆内藏书超过二十万册。\n"
           "图书馆设有少儿阅览区和自习室，周末也照常开放。\n市民王女士说，以后带孩子看书方便多了。"),
    Record("zh-2", "zh", "春季农忙时节农机进田", "眼下正是春耕时节，各地农民抓住晴好天气下田劳作。\n"
           "今年当地新添了三百台播种机，效率比去年提高不少。\n农技人员也深入田间，指导农户科学施肥。"),
    Record("zh-3", "zh", "地铁新线路开通运营", "连接城东和城西的地铁新线今天开通运营，全长二十八公里。\n"
           "新线设车站十九座，高峰时段每四分钟一班。\n沿线居民表示出行时间缩短了一半。"),
    Record("zh-4", "zh", "湖区候鸟数量创新高", "今年冬季来到湖区越冬的候鸟超过十万只，数量创下新高。\n"
           "保护区工作人员每天巡护，记录鸟类活动情况。"),
]
EN_ARTICLES = [
    Record("en-1", "en", "Town opens new library", "The town opened its new library on Monday, with more than "
           "200,000 books on its shelves.\nIt has a children's corner and quiet study rooms. It stays open at weekends.\n"
           "Residents said the building had been long awaited."),
    Record("en-2", "en", "Farmers race to plant before rain", "Farmers across the county worked through the weekend "
           "to plant before the forecast rain.\nMany have new seed drills this year. Output per hour has risen sharply.\n"
           "Advisers visited fields to explain the new fertiliser rules."),
    Record("en-3", "en", "Harbour bridge reopens", "The harbour bridge reopened to traffic after six months of repairs.\n"
           "Engineers replaced the deck and repainted the towers. Tolls will stay the same.\nCommuters welcomed the news."),
]

# A tiny emoji test file in the Unicode format: one sequence of every kind, plus two faces.
EMOJI_TEST = """# group: Smileys & Emotion
# subgroup: face-smiling
1F600 ; fully-qualified # \U0001F600 E1.0 grinning face
1F60A ; fully-qualified # \U0001F60A E0.6 smiling face with smiling eyes
# subgroup: heart
2764 FE0F ; fully-qualified # \u2764\ufe0f E0.6 red heart
2764 ; unqualified # \u2764 E0.6 red heart
# subgroup: family
1F468 200D 1F469 200D 1F467 ; fully-qualified # \U0001F468\u200d\U0001F469\u200d\U0001F467 E2.0 family
# subgroup: hand-fingers-open
1F44B 1F3FD ; fully-qualified # \U0001F44B\U0001F3FD E1.0 waving hand: medium skin tone
# subgroup: country-flag
1F1EF 1F1F5 ; fully-qualified # \U0001F1EF\U0001F1F5 E0.6 flag: Japan
# subgroup: keycap
0023 FE0F 20E3 ; fully-qualified # #\ufe0f\u20e3 E0.6 keycap: #
"""


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return path


def tiny_corpus(root: Path) -> Path:
    corpus = root / "corpus"
    corpus.mkdir()
    as_rows = lambda records: [{"id": r.id, "source": "test", "lang": r.lang, "title": r.title, "text": r.text} for r in records]
    write_jsonl(corpus / "zh-news.jsonl", as_rows(ZH_ARTICLES))
    write_jsonl(corpus / "en-news.jsonl", as_rows(EN_ARTICLES))
    write_jsonl(corpus / "zh-web.jsonl", [
        {"id": "w1", "source": "test", "lang": "zh", "title": "电影观后感", "text": "看完最后一幕泪目啊😭\n强烈推荐👍"},
        {"id": "w2", "source": "test", "lang": "zh", "title": "没有表情的文章", "text": "这是一段普通的文字。"},
    ])
    (corpus / "emoji-test.txt").write_text(EMOJI_TEST, encoding="utf-8")
    write_jsonl(corpus / "farm.jsonl", [{"id": "f1", "text": "正文。\n推荐阅读\n别的新闻\n3456"}])
    return corpus

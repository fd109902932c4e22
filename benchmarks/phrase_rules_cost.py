"""What 200 site-phrase rules cost: the same pages checked with and without them, in one run.

    python benchmarks/phrase_rules_cost.py CORPUS_DIR [--pages 1500] [--rules 200]

Pages are built from the corpus's clean articles (Chinese and English); the phrase rules are
made of phrases of the kind sites add ("返回XX首页", "Subscribe to our XX newsletter"), a few of
which are planted so matches are found and reported too. Prints both times and the slowdown.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from lint.api import Linter
from lint.engine import check_page
from lint.page import Page

SITES = ["新浪", "网易", "腾讯", "搜狐", "凤凰网", "人民网", "新华网", "央视网", "澎湃", "界面"]
CHINESE = ["返回{}首页", "打开{}客户端", "下载{}APP", "关注{}公众号", "{}独家稿件", "{}版权所有", "更多精彩请访问{}", "{}新闻客户端", "来自{}的推荐", "{}热门话题"]
ENGLISH = ["Subscribe to the {} newsletter", "Download the {} app", "Follow {} on social media", "More from {}", "{} Premium members only"]
WORLD = ["Daily", "Herald", "Tribune", "Post", "Observer", "Chronicle", "Gazette", "Times", "Courier", "Ledger"]


def phrase_rules(count: int) -> list[dict]:
    """``count`` existence rules of one or two phrases each, site-chrome style."""
    phrases = [template.format(site) for template in CHINESE for site in SITES]
    phrases += [template.format(name) for template in ENGLISH for name in WORLD]
    return [
        {"kind": "existence", "code": f"USR{index + 1:03d}", "name": f"site-phrase-{index + 1}", "family": "CHR",
         "message": "site phrase '{match}'", "phrases": [phrases[index % len(phrases)] + ("" if index < len(phrases) else "!")],
         "fix": "delete-match"}
        for index in range(count)
    ]


def load_pages(corpus: Path, count: int, planted: list[str]) -> list[Page]:
    texts: list[str] = []
    for name in ("zh-news.jsonl", "en-news.jsonl"):
        with open(corpus / name, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                texts.append(f"{record.get('title', '')}\n{record['text']}\n")
    rng = random.Random(7)
    chosen = rng.sample(texts, min(count, len(texts)))
    pages = []
    for index, text in enumerate(chosen):
        if index % 10 == 0:
            text += rng.choice(planted) + "\n"
        pages.append(text)
    return pages


def timed_run(linter: Linter, texts: list[str]) -> tuple[float, int]:
    settings = linter.resolver.for_directory(Path.cwd())
    active = linter.ruleset(settings).active_for("page.txt")
    start = time.perf_counter()
    findings = sum(len(check_page(Page(text, "page.txt"), active).findings) for text in texts)
    return time.perf_counter() - start, findings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--rules", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not (args.corpus / "zh-news.jsonl").is_file():
        print(f"error: {args.corpus}: no zh-news.jsonl here", file=sys.stderr)
        return 2
    rules = phrase_rules(args.rules)
    texts = load_pages(args.corpus, args.pages, [rule["phrases"][0] for rule in rules[:20]])
    plain = Linter.create({})
    with_rules = Linter.create({"rules": rules})
    timed_run(plain, texts[:50])  # warm both: imports, compiled patterns
    timed_run(with_rules, texts[:50])
    base_times, extra_times = [], []
    for _ in range(args.rounds):  # interleaved rounds, best of each: the machine may be shared
        base, base_findings = timed_run(plain, texts)
        extra, extra_findings = timed_run(with_rules, texts)
        base_times.append(base)
        extra_times.append(extra)
    base, extra = min(base_times), min(extra_times)
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    print(f"pages: {len(texts)} ({megabytes:.1f} MB), phrase rules: {len(rules)}")
    print(f"default rules:               {base:6.2f} s  ({base_findings} findings)")
    print(f"default + {len(rules)} phrase rules: {extra:6.2f} s  ({extra_findings} findings)")
    print(f"slowdown: {100 * (extra / base - 1):+.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())

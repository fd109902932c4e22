"""Rules as data: site phrases and patterns in config, rule files, rule packs, local plugins."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from lint.api import LintError, Linter, lint_paths, lint_text

ARTICLE = "这是一篇很长的新闻正文，讲述了城市公园改造完成的情况，市民纷纷前来游玩，场面十分热闹。"
SITE_RULE = {
    "kind": "existence",
    "code": "USR001",
    "name": "sina-back-link",
    "family": "CHR",
    "message": "site link text: {match}",
    "phrases": ["返回新浪首页"],
    "fix": "delete-match",
}


def _lint(text: str, *rules: dict, **settings) -> list:
    return lint_text(text, config={"select": ["USR"], "rules": list(rules), **settings})


def test_phrase_found_at_its_line_and_column():
    page = f"公园改造完成\n{ARTICLE}\n全文完。返回新浪首页\n"
    [finding] = _lint(page, SITE_RULE)
    assert (finding.line, finding.column, finding.end_column) == (3, 5, 11)
    assert (finding.code, finding.name, finding.message) == ("USR001", "sina-back-link", "site link text: 返回新浪首页")


def test_phrase_broken_by_injected_emoji_is_found_at_its_original_columns():
    page = f"公园改造完成\n{ARTICLE}\n全文完。返回😘新浪🤔首页\n"
    [finding] = _lint(page, SITE_RULE)
    assert (finding.line, finding.column, finding.end_column) == (3, 5, 13)
    assert finding.message == "site link text: 返回😘新浪🤔首页"


def test_latin_phrases_match_whole_words_and_can_ignore_case():
    rule = {**SITE_RULE, "phrases": ["Read more"], "ignore-case": True}
    page = "Title\nFresh bread moreover. READ MORE\n"
    assert [f.column for f in _lint(page, rule)] == [1 + page.splitlines()[1].index("READ MORE")]
    assert _lint("Bread mores\n", rule) == []


def test_patterns_and_scopes():
    footer = {**SITE_RULE, "phrases": [], "patterns": [r"本文来源于\p{Han}{2,10}"], "scope": "tail", "code": "USR002", "name": "source-footer"}
    page = f"本文来源于网络的说法不对\n{ARTICLE}\n本文来源于城市交通报\n"
    assert [(f.line, f.column) for f in _lint(page, footer)] == [(3, 1)]
    header = {**footer, "scope": "header"}
    assert [(f.line, f.column) for f in _lint(page, header)] == [(1, 1)]


def test_repetition_occurrence_and_line_kinds():
    dateline = {"kind": "repetition", "code": "USR010", "name": "repeated-dateline",
                "patterns": [r"新华社\p{Han}{2}\d{1,2}月\d{1,2}日电"], "message": "dateline repeated: {match}"}
    page = "新华社南京3月1日电 新华社南京3月1日电 正文\n"
    [finding] = _lint(page, dateline)
    assert (finding.line, finding.column, finding.message) == (1, 12, "dateline repeated: 新华社南京3月1日电")

    hashtags = {"kind": "occurrence", "code": "USR011", "name": "hashtags", "patterns": [r"#\w+#"], "max": 2,
                "message": "{match} is one of {count}"}
    found = _lint("#a# #b# #c# #d#\n", hashtags)
    assert [(f.column, f.message) for f in found] == [(9, "#c# is one of 4"), (13, "#d# is one of 4")]

    counts = {"kind": "line", "code": "USR012", "name": "bare-count", "patterns": [r"\d{1,7}"],
              "previous": r"\p{Han}", "previous-max-length": 30, "fix": "delete-line"}
    page = "相关推荐\n夜市小吃摊位如何申请\n2381\n2024\n"
    assert [(f.line, f.column, f.end_column) for f in _lint(page, counts)] == [(3, 1, 5)]


def test_user_rules_are_selected_ignored_and_fixed_like_builtin_ones(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    page = f"公园改造完成\n{ARTICLE}\n全文完。返回新浪首页\n"
    config = {"rules": [SITE_RULE]}
    assert [f.code for f in lint_text(page, config={**config, "select": ["sina-back-link"]})] == ["USR001"]
    assert [f.code for f in lint_text(page, config={**config, "select": ["CHR"]})] == ["USR001"]  # its family
    assert lint_text(page, config={**config, "select": ["CHR"], "ignore": ["USR001"]}) == []
    assert lint_text(page, config={**config, "select": ["USR"], "per-file-ignores": {"*.txt": ["USR001"]}}, path="a.txt") == []
    from lint import fix_text

    fixed = fix_text(page, config={**config, "select": ["USR"]})
    assert fixed.text == f"公园改造完成\n{ARTICLE}\n全文完。\n"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({**SITE_RULE, "kind": "exists"}, "rules[0] (sina-back-link): unknown kind 'exists'"),
        ({**SITE_RULE, "code": "usr1"}, "code 'usr1' is not three capitals and three digits"),
        ({**SITE_RULE, "name": "Sina Back"}, "name 'Sina Back' is not kebab-case"),
        ({**SITE_RULE, "phrases": [], "patterns": ["(unclosed"]}, "bad regex '(unclosed'"),
        ({**SITE_RULE, "phrases": []}, "needs phrases or patterns"),
        ({**SITE_RULE, "message": "{where}"}, "message: bad placeholder"),
        ({**SITE_RULE, "scope": "footer"}, "scope 'footer' is not one of page, header, body, tail"),
        ({**SITE_RULE, "fix": "remove"}, "fix 'remove' is not one of delete-match, delete-line"),
        ({**SITE_RULE, "files": ["[bad"]}, "files: bad glob '[bad'"),
        ({**SITE_RULE, "max": 3}, "unknown key 'max' for kind 'existence'"),
        ({**SITE_RULE, "code": "BYL001"}, "BYL001 is already a rule of plugin byline"),
    ],
)
def test_malformed_rules_are_clear_errors_naming_the_file_and_the_rule(tmp_path: Path, rule: dict, message: str):
    import tomllib  # noqa: F401  (the config is written as TOML below)

    config = tmp_path / "scrapelint.toml"
    lines = ["[[rules]]"]
    for key, value in rule.items():
        lines.append(f"{key} = {_toml(value)}")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LintError) as raised:
        Linter.create(config).rules()
    assert str(config.resolve()) in str(raised.value)
    assert message in str(raised.value)


def _toml(value) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, str):
        return "'" + value + "'"
    return str(value).lower() if isinstance(value, bool) else str(value)


def test_rules_file_and_pack_are_loaded_from_config(tmp_path: Path):
    (tmp_path / "site-rules.toml").write_text(
        "[[rules]]\nkind = 'existence'\ncode = 'USR020'\nname = 'newsletter'\nphrases = ['Subscribe to our newsletter']\n",
        encoding="utf-8",
    )
    (tmp_path / "scrapelint.toml").write_text('rules-files = ["site-rules.toml"]\nrule-packs = ["news-portals"]\n', encoding="utf-8")
    (tmp_path / "page.txt").write_text(f"Title\n{ARTICLE}\nSubscribe to our newsletter\n责任编辑：张三\n", encoding="utf-8")
    report = lint_paths([tmp_path], select=["USR", "CHR1"])
    assert [(f.line, f.code) for f in report] == [(3, "USR020"), (4, "CHR102")]
    (tmp_path / "scrapelint.toml").write_text('rule-packs = ["no-such-pack"]\n', encoding="utf-8")
    with pytest.raises(LintError, match="unknown pack 'no-such-pack'"):
        lint_paths([tmp_path])


def test_user_rules_pickle_for_worker_processes():
    linter = Linter.create({"rules": [SITE_RULE, {**SITE_RULE, "code": "USR002", "name": "other", "phrases": ["查看更多"]}]})
    rules = [rule for rule in linter.rules() if rule.origin == "user"]
    copies = pickle.loads(pickle.dumps(rules))
    from lint.page import Page

    page = Page(f"标题\n{ARTICLE}\n返回新浪首页 查看更多\n")
    assert [[v.start for v in rule.check(page, {})] for rule in copies] == [[v.start for v in rule.check(page, {})] for rule in rules]


LOCAL_PLUGIN = '''
from lint import hookimpl
from lint.model import Rule, Violation

def _check(page, options):
    start = page.text.find("小编")
    if start >= 0:
        yield Violation(start, start + 2, "editor's aside")

@hookimpl
def scrapelint_rules():
    return [Rule("LOC001", "editor-aside", "s", "e", "小编觉得", "", _check)]
'''


def test_local_plugin_folder_from_config_and_command_line(tmp_path: Path, run_cli):
    plugins = tmp_path / "site_plugins"
    plugins.mkdir()
    (plugins / "asides.py").write_text(LOCAL_PLUGIN, encoding="utf-8")
    (plugins / "broken.py").write_text("import no_such_module\n", encoding="utf-8")
    (tmp_path / "page.txt").write_text("标题\n小编觉得这部电影很好看。\n", encoding="utf-8")
    by_option = run_cli("check", "--select", "LOC", "--rules-dir", "site_plugins", "page.txt")
    assert "page.txt:2:1: LOC001 editor's aside" in by_option.stdout
    assert by_option.returncode == 2  # the broken module is reported, the run still checks
    assert "plugin broken: failed to import" in by_option.stderr
    (plugins / "broken.py").unlink()
    (tmp_path / "scrapelint.toml").write_text('plugins-dir = ["site_plugins"]\n', encoding="utf-8")
    by_config = run_cli("check", "--select", "LOC", "page.txt")
    assert by_config.returncode == 1 and "LOC001" in by_config.stdout
    listed = run_cli("plugins")
    assert any(line.split()[:3] == ["asides", "local", "local"] for line in listed.stdout.splitlines())


def test_rules_command_marks_user_rules_and_explains_them(tmp_path: Path, run_cli):
    (tmp_path / "scrapelint.toml").write_text(
        "[[rules]]\nkind = 'existence'\ncode = 'USR001'\nname = 'sina-back-link'\nfamily = 'CHR'\nphrases = ['返回新浪首页']\nfix = 'delete-match'\n",
        encoding="utf-8",
    )
    listing = run_cli("rules")
    row = next(line for line in listing.stdout.splitlines() if line.startswith("USR001"))
    assert row.split()[:4] == ["USR001", "sina-back-link", "CHR", "yes"] and row.endswith("(user)")
    explained = run_cli("rule", "sina-back-link")
    assert "Reports each match anywhere in the page of: phrase '返回新浪首页'." in explained.stdout
    assert "Fix (safe): delete the match." in explained.stdout

"""``scrapelint check --fix / --diff / --unsafe-fixes / --fix-only``, run for real in a subprocess.

Most tests use our own rules (``fixtest_plugin``, installed with an entry point on
``PYTHONPATH``), so they test the fix engine whatever the built-in rules decide. The last
section runs the built-in rules on pages we wrote and on the seed page.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import time
from pathlib import Path

import pytest

from conftest import SEED, scrapelint_executable
from lint.decode import Decoded, decode_bytes
from lint.writeback import TEMP_SUFFIX, WriteBackError, check_round_trip, snapshot, write_back

TESTS = Path(__file__).resolve().parent

ZH_ARTICLE = (
    "本市今年新建的十二座社区图书馆已全部开放，周末平均每馆接待读者四百余人次。\n"
    "市文化局表示，明年将继续在老旧小区增设阅览点，并延长夜间开放时间。\n"
    "不少家长说，孩子放学后有了安静的去处，附近的书店也因此多了客人。\n"
)
EN_ARTICLE = (
    "The river path reopened on Saturday after a month of repairs to the old footbridge.\n"
    "Engineers replaced the rotten planks and added a handrail on the steeper side.\n"
    "Cyclists are asked to dismount on the bridge itself, the council said.\n"
)
EMOJI = ["👨‍👩‍👧‍👦", "👍🏽", "🇨🇳", "#️⃣", "❤️", "😀", "🧑🏻‍💻", "1️⃣"]


def plant(text: str, every: int = 11) -> str:
    """Emoji inside the text every ``every`` characters, no spaces added, never at a line break."""
    out = []
    for index, char in enumerate(text):
        out.append(char)
        if (index + 1) % every == 0 and char != "\n" and text[index + 1 : index + 2] not in ("\n", ""):
            out.append(EMOJI[index % len(EMOJI)])
    return "".join(out)


@pytest.fixture
def test_rules(tmp_path: Path) -> dict[str, str]:
    """Environment that makes our test rules an installed plugin (entry point ``fixtest``)."""
    site = tmp_path / "_site"
    site.mkdir()
    shutil.copy(TESTS / "fixtest_plugin.py", site / "fixtest_plugin.py")
    info = site / "scrapelint_fixtest-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: scrapelint-fixtest\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[scrapelint]\nfixtest = fixtest_plugin\n", encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join(filter(None, [str(site), os.environ.get("PYTHONPATH", "")]))}


# --- --fix ------------------------------------------------------------------------------------

def test_fix_restores_an_emoji_only_page_exactly_and_says_how_many(run_cli, write_page, test_rules):
    planted = plant(ZH_ARTICLE) + "\n" + plant(EN_ARTICLE)
    page = write_page("pages/article.txt", planted)
    count = sum(planted.count(unit) for unit in EMOJI)
    done = run_cli("check", "--select", "TST001", "--fix", "pages", env=test_rules)
    assert done.returncode == 0, done.stderr
    assert page.read_bytes() == (ZH_ARTICLE + "\n" + EN_ARTICLE).encode("utf-8")
    assert f"fixed {count}" in done.stdout

    before = page.stat().st_mtime_ns
    again = run_cli("check", "--select", "TST001", "--fix", "pages", env=test_rules)
    assert again.returncode == 0 and "fixed" not in again.stdout
    assert page.stat().st_mtime_ns == before  # nothing to fix: the file is not even rewritten


def test_remaining_findings_are_reported_and_unsafe_fixes_need_the_flag(run_cli, write_page, test_rules):
    text = "正文第一段，【广告】内容照常。\n第二段。\n相关阅读\n另一条新闻的标题\n2055\n"
    page = write_page("page.txt", text)
    safe = run_cli("check", "--select", "TST002,TST003,TST004", "--fix", "page.txt", env=test_rules)
    assert safe.returncode == 1
    # the ad marker and the bare number line are fixed; the tail (unsafe) is reported
    assert page.read_text(encoding="utf-8") == "正文第一段，内容照常。\n第二段。\n相关阅读\n另一条新闻的标题\n"
    assert "page.txt:3:1: TST003 off-topic tail" in safe.stdout
    assert "fixed 2" in safe.stdout

    unsafe = run_cli("check", "--select", "TST002,TST003,TST004", "--fix", "--unsafe-fixes", "page.txt", env=test_rules)
    assert unsafe.returncode == 0, unsafe.stdout + unsafe.stderr
    assert page.read_text(encoding="utf-8") == "正文第一段，内容照常。\n第二段。\n"
    assert "fixed 1" in unsafe.stdout


def test_fix_only_fixes_without_reporting_what_remains(run_cli, write_page, test_rules):
    page = write_page("page.txt", "正文😀。\n相关阅读\n别的\n")
    done = run_cli("check", "--select", "TST001,TST003", "--fix-only", "page.txt", env=test_rules)
    assert done.returncode == 0, done.stderr
    assert "TST003" not in done.stdout
    assert done.stdout.strip() == "Fixed 1 finding in 1 file."
    assert page.read_text(encoding="utf-8") == "正文。\n相关阅读\n别的\n"


# --- --diff -------------------------------------------------------------------------------------

def test_diff_prints_a_patch_writes_nothing_and_exits_1(run_cli, write_page, test_rules, tmp_path):
    text = "第一行正常。\n第二行有😀表情。\n第三行。\n"
    page = write_page("page.txt", text)
    done = run_cli("check", "--select", "TST001", "--diff", "page.txt", env=test_rules)
    assert done.returncode == 1, done.stderr
    assert page.read_text(encoding="utf-8") == text
    assert done.stdout.splitlines() == [
        "--- a/page.txt",
        "+++ b/page.txt",
        "@@ -1,3 +1,3 @@",
        " 第一行正常。",
        "-第二行有😀表情。",
        "+第二行有表情。",
        " 第三行。",
    ]
    assert "Would fix 1 finding in 1 file." in done.stderr
    if shutil.which("patch"):
        (tmp_path / "fix.patch").write_text(done.stdout, encoding="utf-8")
        subprocess.run(["patch", "-p1", "-i", "fix.patch"], cwd=tmp_path, check=True, capture_output=True)
        assert page.read_text(encoding="utf-8") == "第一行正常。\n第二行有表情。\n第三行。\n"

    clean = run_cli("check", "--select", "TST001", "--diff", "page.txt", env=test_rules)
    assert clean.returncode == 0 and clean.stdout == ""


def test_diff_marks_a_missing_final_newline(run_cli, write_page, test_rules):
    write_page("page.txt", "只有一行😀")
    done = run_cli("check", "--select", "TST001", "--diff", "page.txt", env=test_rules)
    assert done.returncode == 1
    assert done.stdout.splitlines()[-4:] == [
        "-只有一行😀", "\\ No newline at end of file", "+只有一行", "\\ No newline at end of file",
    ]


# --- encodings, newlines, permissions -------------------------------------------------------------

GB_PAGE = (
    "国家统计局今天发布数据，前三季度全国居民人均可支配收入同比名义增长百分之五点二。\r\n"
    "分城乡看，城镇居民人均可支配收入增长百分之四点五，农村居民增长百分之六点六。\r\n"
    "统计局新闻发言人表示，居民收入增长与经济增长基本同步，消费信心稳步恢复。\r\n"
)


def test_gb18030_crlf_page_comes_back_in_gb18030_and_crlf(run_cli, tmp_path, test_rules):
    page = tmp_path / "gb.txt"
    page.write_bytes((GB_PAGE.replace("前三季度", "前三【广告】季度") + "2055\r\n").encode("gb18030"))
    assert decode_bytes(page.read_bytes()).encoding == "gb18030"
    done = run_cli("check", "--select", "TST002,TST004", "--fix", "gb.txt", env=test_rules)
    assert done.returncode == 0, done.stdout + done.stderr
    assert page.read_bytes() == GB_PAGE.encode("gb18030")


@pytest.mark.parametrize(
    ("encoding", "bom", "newline"),
    [("utf-8", b"\xef\xbb\xbf", "\r\n"), ("utf-8", b"", "\r"), ("utf-16-le", b"\xff\xfe", "\n"), ("utf-8", b"", "\n")],
)
def test_bom_encoding_and_newline_style_are_kept(run_cli, tmp_path, test_rules, encoding, bom, newline):
    article = EN_ARTICLE.replace("\n", newline)
    planted = plant(article, 17).replace(f"footbridge.{newline}", f"footbridge.{newline}2055{newline}")
    page = tmp_path / "page.txt"
    page.write_bytes(bom + planted.encode(encoding))
    done = run_cli("check", "--select", "TST001,TST004", "--fix", "page.txt", env=test_rules)
    assert done.returncode == 0, done.stdout + done.stderr
    assert page.read_bytes() == bom + article.encode(encoding)


def test_permissions_are_kept(run_cli, write_page, test_rules):
    page = write_page("page.txt", "好😀的\n")
    page.chmod(0o640)
    run_cli("check", "--select", "TST001", "--fix", "page.txt", env=test_rules)
    assert page.read_text(encoding="utf-8") == "好的\n"
    assert stat.S_IMODE(page.stat().st_mode) == 0o640


def test_a_read_only_page_is_left_alone_with_a_one_line_error(run_cli, write_page, test_rules):
    page = write_page("page.txt", "好😀的\n")
    page.chmod(0o444)
    done = run_cli("check", "--select", "TST001", "--fix", "page.txt", env=test_rules)
    assert done.returncode == 2
    assert done.stderr.strip() == "page.txt: error: not fixed: the file is read-only"
    assert "Traceback" not in done.stderr
    assert page.read_text(encoding="utf-8") == "好😀的\n"
    assert "page.txt:1:2: TST001" in done.stdout  # still reported, where it is in the unchanged file


def test_a_symlinked_page_is_fixed_through_the_link(run_cli, tmp_path, write_page, test_rules):
    target = write_page("real/page.txt", "好😀的\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    done = run_cli("check", "--select", "TST001", "--fix", "link.txt", env=test_rules)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "好的\n"


# --- write-back, directly ---------------------------------------------------------------------------

def test_write_back_refuses_when_the_file_changed_since_it_was_read(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("旧的😀内容\n".encode())
    data = page.read_bytes()
    before = snapshot(page, data)
    decoded = decode_bytes(data)
    page.write_bytes("别人刚改过的内容\n".encode())
    with pytest.raises(WriteBackError, match="changed on disk"):
        write_back(page, "旧的内容\n", decoded, before)
    assert page.read_bytes() == "别人刚改过的内容\n".encode()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_write_back_refuses_text_the_encoding_cannot_hold(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes("中文".encode("gb18030"))
    decoded = Decoded("中文", "gbk")
    with pytest.raises(WriteBackError, match="cannot encode"):
        write_back(page, "中文😀", decoded, snapshot(page, page.read_bytes()))
    assert page.read_bytes() == "中文".encode("gb18030")


def test_a_decoding_that_is_not_lossless_is_refused():
    assert "not lossless" in check_round_trip(Decoded("x", "cp1252", b"", lossless=False), b"x")
    assert check_round_trip(Decoded("é", "utf-8"), "é".encode()) is None


# --- interrupted runs -------------------------------------------------------------------------------

def _planted_folder(folder: Path, count: int) -> tuple[dict[Path, bytes], dict[Path, bytes]]:
    """``count`` pages with planted emoji: each page's bytes before and after --fix."""
    folder.mkdir()
    old, new = {}, {}
    for index in range(count):
        article = (ZH_ARTICLE if index % 2 else EN_ARTICLE) * 3 + f"第{index}篇。\n"
        name = folder / f"page{index:04d}.txt"
        old[name] = plant(article, 7 + index % 5).encode("utf-8")
        new[name] = article.encode("utf-8")
        name.write_bytes(old[name])
    return old, new


def _states(old: dict[Path, bytes], new: dict[Path, bytes]) -> list[str]:
    """Each page, in name order: "old", "new", or "torn" if it is neither."""
    return [{old[name]: "old", new[name]: "new"}.get(name.read_bytes(), "torn") for name in sorted(old)]


def test_killing_fix_midway_leaves_every_page_old_or_new(tmp_path, test_rules):
    folder = tmp_path / "pages"
    old, new = _planted_folder(folder, 2000)
    environment = {**os.environ, "NO_COLOR": "1", **test_rules}
    command = [*scrapelint_executable(), "check", "--select", "TST001", "--fix", "pages"]
    names = sorted(old)
    for round_number, wait_for in enumerate((200, 700, 1300)):
        proc = subprocess.Popen(command, cwd=tmp_path, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while names[wait_for].read_bytes() != new[names[wait_for]] and time.monotonic() < deadline:
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        states = _states(old, new)
        assert "torn" not in states, f"round {round_number}: a page is neither old nor new"
        # workers fix their chunks side by side: pages before the one waited for may still be old
        assert states[wait_for] == "new" and states.count("old") > 0, (round_number, states.count("new"))
        leftovers = [p for p in folder.iterdir() if p.name not in {n.name for n in names}]
        assert all(p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX) for p in leftovers)
    finish = subprocess.run(command, cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=600)
    assert finish.returncode == 0, finish.stderr
    assert all(name.read_bytes() == new[name] for name in names)


def test_ctrl_c_finishes_the_files_in_hand_and_exits_130(tmp_path, test_rules):
    """Workers finish their chunks before the run stops: no page is half-fixed, no worker is left."""
    folder = tmp_path / "pages"
    old, new = _planted_folder(folder, 2000)
    names = sorted(old)
    environment = {**os.environ, "NO_COLOR": "1", **test_rules}
    command = [*scrapelint_executable(), "check", "--select", "TST001", "--fix", "-j", "2", "pages"]
    proc = subprocess.Popen(command, cwd=tmp_path, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while names[300].read_bytes() != new[names[300]] and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert stderr == "scrapelint: interrupted; files fixed so far stay fixed, the others are as they were\n"
    states = _states(old, new)
    assert "torn" not in states and states.count("old") > 0  # each page whole, and the run did stop
    assert sorted(path.name for path in folder.iterdir()) == [name.name for name in names]  # no temporary file


# --- the built-in rules, end to end -----------------------------------------------------------------

def _findings(run_cli, *args: str) -> list[dict]:
    import json

    done = run_cli("check", "--output-format", "json", "--exit-zero", *args)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize("article", [ZH_ARTICLE, EN_ARTICLE, ZH_ARTICLE + "\n" + EN_ARTICLE])
def test_builtin_emoji_rule_restores_a_planted_page_exactly(run_cli, write_page, article):
    page = write_page("page.txt", plant(article, 11))
    done = run_cli("check", "--fix", "page.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    assert page.read_text(encoding="utf-8") == article


def test_builtin_byline_rule_leaves_exactly_one_byline(run_cli, write_page):
    page = write_page("page.txt", "稳就业政策持续发力\n文 | 新华社 文 | 新华社 本报北京电，今年前三季度城镇新增就业一千万人以上，就业形势总体稳定。\n")
    done = run_cli("check", "--select", "BYL", "--fix", "page.txt")
    assert done.returncode == 0, done.stdout + done.stderr
    fixed = page.read_text(encoding="utf-8")
    assert fixed.count("文 | 新华社") == 1
    assert fixed == "稳就业政策持续发力\n文 | 新华社 本报北京电，今年前三季度城镇新增就业一千万人以上，就业形势总体稳定。\n"


def test_builtin_rules_fix_the_seed_page_safe_families_then_offtopic_with_unsafe(run_cli, tmp_path, seed_text):
    page = tmp_path / "seed.txt"
    page.write_bytes(SEED.read_bytes())  # the bytes as they are (seed_text: skipped where the page is absent)
    families = {rule.split()[2] for rule in run_cli("rules").stdout.splitlines()[1:]}
    assert {"EMJ", "BYL", "VWC", "CHR", "OFT"} <= families, f"built-in families present: {sorted(families)}"
    before = {finding["code"][:3] for finding in _findings(run_cli, "seed.txt")}
    assert {"EMJ", "BYL", "OFT"} <= before

    run_cli("check", "--fix", "seed.txt")
    left = [finding for finding in _findings(run_cli, "seed.txt") if finding["code"][:3] in {"EMJ", "BYL", "VWC", "CHR"}]
    assert left == []
    assert any(finding["code"].startswith("OFT") for finding in _findings(run_cli, "seed.txt"))

    run_cli("check", "--fix", "--unsafe-fixes", "seed.txt")
    assert _findings(run_cli, "seed.txt") == []
    fixed = page.read_text(encoding="utf-8")
    assert fixed.startswith("千亿绑定OpenAI,英伟达图什么?\n")
    assert "文 | 财华社 9月22日" in fixed and "推荐阅读" not in fixed

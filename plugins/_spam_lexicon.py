"""The built-in SPM lexicon: words of the gambling, lottery, adult and grey-market trades.

Data only; :mod:`plugins._spam_terms` compiles it. The lists are a starting point, written from
general knowledge of the trade, not taken from any page. Users add their own brand names with
the ``extra-terms`` option of SPM001 (or an ``existence`` rule with ``family = "SPM"``).

Three strengths, because most of these words are also ordinary news vocabulary:

* ``BRANDS`` are names that only spam uses (an illegal casino's site name, a private-lottery
  game); one is enough, wherever it stands.
* ``PRODUCTS`` + ``ACCESS`` make a spam-shaped keyword: a short name, a gambling product and a
  word that asks the reader to go somewhere (``X体育app下载``, ``X娱乐官网``, ``X国际登录``).
  ``新浪体育`` or ``复星国际`` alone never matches; ``X体育官网`` does.
* ``WEAK`` words (``博彩``, ``彩票``, ``casino``) are how a journalist writes about the trade.
  They never make a finding by themselves; they tell a line of gambling keywords from a list of
  districts, and ``REPORTING`` words tell an article *about* gambling from one spam was put in.
"""

from __future__ import annotations

__all__ = ["BRANDS", "BOOKMAKERS", "PRODUCTS", "ACCESS", "NAMED_PRODUCTS", "NOT_FOLLOWED_BY", "LEGIT_NAMES", "NUMBERED_GAMES", "LOTTERY_SERVICES", "WEAK", "REPORTING", "URL_INTRODUCERS"]

#: Category -> names that are spam wherever they stand (matched case-insensitively).
BRANDS: dict[str, tuple[str, ...]] = {
    "gambling": (
        # the vocabulary of illegal online casinos
        "现金网", "真人视讯", "真人百家乐", "首存送", "洗码", "网上赌场", "在线赌场", "网投平台", "菠菜网",
        "十大正规博彩", "十大正规体育", "正规体育平台", "正规博彩", "博彩平台",
        # site names that exist to be spammed (the widely advertised ones)
        "太阳城集团", "新葡京娱乐", "葡京娱乐", "金沙娱乐", "金沙线路", "金沙网站", "金沙网址",
        "金沙官网", "金沙赌场", "金沙贵宾会", "威尼斯人娱乐", "威尼斯人官网", "澳门银河娱乐场",
        "华体会", "欧宝体育", "开云体育", "乐鱼体育", "米乐体育", "九游会", "九游娱乐", "雷竞技",
        "亚博体育", "博鱼体育", "半岛体育", "星空体育", "江南体育", "天博体育", "爱游戏体育",
        "bob体育", "ob体育", "必威体育", "必威betway", "尊龙凯时", "凯发娱乐", "沙巴体育", "金博宝",
        "万博体育", "manbetx", "乐天堂", "伟德国际", "明升体育", "乐虎国际", "bt365", "365bet", "yabo",
        "bbin", "ag真人", "ag视讯", "ky棋牌", "开元棋牌",
        # English casino spam
        "online casino", "casino online", "slot gacor", "judi online", "situs judi", "togel",
        "agen judi", "bandar judi", "no deposit bonus", "free spins",
    ),
    "lottery": (
        # private-lottery games sold by illegal sites, and the "prediction" trade around them
        "时时彩", "分分彩", "幸运飞艇", "极速飞艇", "秒速飞艇", "极速赛车", "秒速赛车", "北京赛车",
        "pk10", "pk拾", "幸运28", "加拿大28", "澳洲幸运", "sg飞艇", "sg赛车",
        "澳门六合彩", "六合彩资料", "一码一肖", "平特一肖", "精准一肖", "心水论坛", "管家婆彩",
        "跑狗图", "彩票计划", "人工计划", "计划软件", "挂机软件", "彩票平台", "购彩平台",
    ),
    "adult": (
        "裸聊", "楼凤", "成人影院", "午夜影院", "午夜福利", "伦理片", "av女优", "无码视频",
        "porn videos", "xxx videos", "sex cams", "hot singles",
    ),
    "grey-market": (
        "代开发票", "私家侦探", "婚外情调查", "婚外情取证", "信用卡套现", "花呗套现", "刷粉", "刷单平台",
        "抖音号出售", "抖音账号购买", "买抖音号", "快手号出售", "微信号出售", "办假证", "高仿手表",
        "replica watches", "payday loan", "buy followers",
    ),
}

#: Bookmakers that are legal where they trade: English news quotes their odds. They count as
#: spam only where a Latin name is glued into Chinese text or an access word follows.
BOOKMAKERS: tuple[str, ...] = (
    "bet365", "betway", "1xbet", "188bet", "12bet", "fun88", "w88", "dafabet", "sbobet", "威廉希尔",
)

#: Words that send the reader to a site: the end of every gambling SEO keyword.
ACCESS: tuple[str, ...] = (
    "官方网站", "官方网址", "官方下载", "官方入口", "官方平台", "官网入口", "官网登录", "官网下载", "官网", "官方",
    "网址", "网站", "网页版", "登录器", "登录", "登陆", "登入", "注册", "下载", "手机版", "客户端", "入口",
    "开户", "代理", "线路", "中文版", "首页", "app", "平台",
)
_SIGN_UP = ("网址", "登录器", "登录", "登陆", "登入", "注册", "开户", "线路", "手机版", "客户端", "入口", "官网入口")

#: Gambling products -> the access words that make ``name + product + access`` a spam keyword.
#: ``新浪体育`` stays a sports desk and ``复星国际`` a company; ``X体育app下载`` and
#: ``X国际登录`` are how gambling sites are searched for. Words that are also ordinary
#: (``娱乐平台``, ``国际平台``, ``电竞平台``) are left out for the products they follow.
PRODUCTS: dict[str, tuple[str, ...]] = {
    "体育": ACCESS,
    "棋牌": ACCESS,
    "真人": ACCESS,
    "贵宾会": ACCESS,
    "博彩": ACCESS,
    "赌场": ACCESS,
    "彩票": tuple(word for word in ACCESS if word != "官方"),  # 彩票官方: the lottery's own office
    "娱乐": (*_SIGN_UP, "官网", "官方下载", "代理", "app下载"),
    "国际": tuple(word for word in (*_SIGN_UP, "app下载") if word != "线路"),  # 国际线路: air routes
    "电竞": (*_SIGN_UP, "app下载"),
}

#: Brands -> characters that may not follow them, where the brand is also the start of a word
#: (``现金网点``: a bank's cash outlets).
NOT_FOLLOWED_BY: dict[str, str] = {"现金网": "点络"}

#: Names before a product that are not spam: sports desks and apps of the press, public bodies
#: (``新浪体育app``, ``国家体育总局官网``, ``中国体育彩票官网``).
LEGIT_NAMES: tuple[str, ...] = (
    "腾讯", "新浪", "网易", "搜狐", "央视", "咪咕", "虎扑", "懂球帝", "直播吧", "凤凰", "人民", "新华", "中国", "国家",
    "全民", "大众", "群众", "校园", "青少年", "竞技", "优酷", "爱奇艺", "抖音", "快手", "百度", "体坛", "广东", "北京",
    "上海", "东方", "五星", "cctv", "espn", "pp",
)

#: Products that make a spam name with any short name before them (``<两个字>贵宾会``), unless one
#: of the given characters follows (``贵宾会员``, ``贵宾会所``, ``贵宾会议室``).
NAMED_PRODUCTS: dict[str, str] = {"贵宾会": "员所议客见谈厅室楼卡区"}

#: Private-lottery games named by a word and a number (``澳洲10彩``, ``幸运28``); they count
#: only with a lottery service after them (``澳洲5玩法``), since ``澳洲5月`` is a date.
NUMBERED_GAMES: tuple[str, ...] = ("澳洲", "幸运", "极速", "加拿大", "腾讯分分")

#: What an illegal lottery site offers around a game: results, "plans", predictions, trends.
LOTTERY_SERVICES: tuple[str, ...] = (
    "开奖结果", "开奖记录", "开奖直播", "开奖网", "开奖", "历史结果", "历史开奖", "在线预测", "预测", "计划",
    "走势图", "走势", "玩法", "规则", "软件", "助手", "数据", "结果", "一天多少期", "网", "榜单",
)

#: Category -> trade words a journalist also writes; never a finding alone.
WEAK: dict[str, tuple[str, ...]] = {
    "gambling": (
        "博彩", "赌场", "赌博", "百家乐", "老虎机", "轮盘", "骰宝", "德州扑克", "棋牌", "电子游戏", "娱乐平台",
        "威尼斯人", "葡京", "太阳城", "申博", "皇冠", "体育平台", "返佣", "返水", "彩金", "注册送", "电玩城", "娱乐城",
        "电子游艺", "捕鱼", "真人娱乐",
        "casino", "betting", "poker", "slots", "jackpot", "roulette", "blackjack", "bookmaker",
    ),
    "lottery": ("彩票", "开奖", "双色球", "大乐透", "六合彩", "赛车", "飞艇", "特码", "lottery"),
    "adult": ("色情", "成人", "援交", "一本道", "porn", "escort"),
    "grey-market": ("侦探", "发票", "套现", "代孕"),
}

#: Category -> words of an article *about* the trade (a report on a crackdown, on regulation,
#: on a lottery draw). Where they stand outside spam, the page's subject is the trade itself.
REPORTING: dict[str, tuple[str, ...]] = {
    "gambling": (
        "赌博", "博彩", "涉赌", "网赌", "赌资", "赌球", "赌客", "赌徒", "开设赌场", "庄家", "跑分", "洗钱", "诈骗",
        "赔率", "盘口", "让球", "竞彩", "gambling", "betting", "bookmaker", "wager", "casino", "odds",
    ),
    "lottery": ("彩票", "福彩", "体彩", "彩民", "双色球", "大乐透", "私彩", "竞彩", "lottery"),
    "adult": ("色情", "扫黄", "淫秽", "pornography"),
    "grey-market": ("违法", "犯罪", "查处", "打击", "诈骗", "黑产", "fraud"),
}

#: Words after which a web address belongs to the sentence ("请登录www.example.cn查询").
URL_INTRODUCERS: tuple[str, ...] = (
    "登录", "登陆", "访问", "浏览", "进入", "关注", "打开", "网址", "网站", "官网", "主页", "网页", "详见", "参见",
    "见", "点击", "搜索", "域名", "链接", "地址", "邮箱", "据", "向", "在", "于", "对", "经", "通过", "由", "和", "与", "为", "是",
    "at", "visit", "see", "via", "on", "from", "to",
)

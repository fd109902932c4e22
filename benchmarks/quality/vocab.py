"""Words the planter puts into pages: bylines, site names, UI phrases, counters, name lists.

Written by us for the evaluation (not taken from any corpus or from the rules): they imitate what
scrapers and content farms leave in saved pages, in Chinese and English, with more variety than
the examples in the issues so the figures say how well the rules generalise.
"""

from __future__ import annotations

__all__ = [
    "BYLINE_FORMATS",
    "BYLINE_NAMES",
    "SITE_NAMES",
    "TITLE_PREFIXES",
    "TITLE_SUFFIXES",
    "COUNTER_FORMATS",
    "UI_PHRASES",
    "EMPTY_FIELDS",
    "DATE_FIELDS",
    "HEADLINE_HEADERS",
    "PLACE_GROUPS",
    "PLACES",
    "SURNAMES",
    "GIVEN_NAMES",
]

# Byline formats per language, each for a source (an outlet) or a person.
BYLINE_FORMATS: dict[str, tuple[tuple[str, str], ...]] = {
    "zh": (("文 | {name}", "source"), ("文|{name}", "source"), ("来源：{name}", "source"), ("来源:{name}", "source"),
           ("本文来源：{name}", "source"), ("文 | {name}", "person"), ("作者：{name}", "person"),
           ("作者:{name}", "person"), ("记者 {name}", "person"), ("编辑：{name}", "person"),
           ("责任编辑：{name}", "person")),
    "en": (("By {name}", "person"), ("BY {name}", "person"), ("Author: {name}", "person"),
           ("Written by {name}", "person"), ("Reporting by {name}", "person"), ("Source: {name}", "source"),
           ("By {name}", "source")),
}

BYLINE_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "source": {
        "zh": ("华夏财经社", "东方快讯", "环球视点", "晨报综合", "金融观察", "科技前沿网", "中部日报", "南方视野",
               "财经速递", "新城晚报"),
        "en": ("Wire Desk", "Global Press Agency", "The Morning Ledger", "Metro Wire", "Newsroom Team"),
    },
    "person": {
        "zh": ("周明远", "李晓岚", "陈思宇", "王建国", "林海峰", "赵一鸣", "孙悦", "何静怡", "郭子豪"),
        "en": ("Jane Doe", "John Carter", "Maria Lopez", "Tom Hughes", "Priya Shah", "Daniel Moore",
               "Emily Clarke", "Alex Turner"),
    },
}

SITE_NAMES: dict[str, tuple[str, ...]] = {
    "zh": ("趣闻天下网", "百姓资讯网", "环球热点站", "今日快报网", "乐看新闻", "瓜田电子官网", "速读资讯",
           "热榜头条网", "大众信息港"),
    "en": ("NewsDaily", "The Daily Feed", "WorldWire", "HeadlineHub", "Pulse News", "TopStory Online"),
}

# How a site puts its name before a repeated title; "{site}" is replaced.
TITLE_PREFIXES: dict[str, tuple[str, ...]] = {
    "zh": ("{site}最新热点:", "{site}最新热点：", "{site}:", "{site}：", "{site} - ", "【{site}】",
           "{site}快讯|", "{site}今日推荐:"),
    "en": ("{site} latest: ", "{site}: ", "{site} | ", "{site} - ", "[{site}] "),
}

# Less common: the repeated title followed by the site name.
TITLE_SUFFIXES: dict[str, tuple[str, ...]] = {
    "zh": ("_{site}", " - {site}", "|{site}"),
    "en": (" - {site}", " | {site}"),
}

# Inline counters: "{n}" an integer, "{c}" an integer with thousands commas, "{w}" a 万 amount,
# "{k}" a K amount.
COUNTER_FORMATS: dict[str, tuple[str, ...]] = {
    "zh": ("浏览次数:{n}", "浏览次数：{n}", "阅读量：{w}", "阅读量:{n}", "点击：{n}次", "点击量：{n}",
           "浏览：{n}次", "阅读：{n}", "人气：{n}", "阅读 {n}", "{n}次浏览", "{w}阅读", "浏览量 {n}"),
    "en": ("{c} views", "Views: {c}", "{k} views", "Read {c} times", "{c} reads", "Viewed {c} times"),
}

# Site UI text scrapers keep: back/expand/more/share/read-more.
UI_PHRASES: dict[str, tuple[str, ...]] = {
    "zh": ("返回搜狐,查看更多", "返回搜狐，查看更多", "展开全文", "点击查看更多", "查看更多", "阅读全文",
           "点击展开全文", "查看原文", "分享到："),
    "en": ("Read more", "Continue reading", "Share this article", "Click here to read more",
           "Continue reading the main story", "Share this:", "Read the full story"),
}

# Metadata fields left empty by the scraper (the value was in markup that got stripped).
EMPTY_FIELDS: dict[str, tuple[str, ...]] = {
    "zh": ("更新时间:", "更新时间：", "来源：", "来源:", "作者：", "发布时间：", "责任编辑：", "编辑："),
    "en": ("Updated:", "Source:", "Author:", "Published:", "Last updated:"),
}

# Filled metadata fields that sit next to an empty one or a counter; "{d}" a date.
DATE_FIELDS: dict[str, tuple[str, ...]] = {
    "zh": ("发布时间：{d}", "{d}", "时间：{d}", "更新时间: {d}"),
    "en": ("Published: {d}", "{d}", "Updated {d}"),
}

HEADLINE_HEADERS: dict[str, tuple[str, ...]] = {
    "zh": ("推荐阅读", "相关阅读", "相关新闻", "热门推荐", "猜你喜欢", "延伸阅读", "更多精彩", "热点推荐："),
    "en": ("Related stories", "More from NewsDaily", "Most read", "You may also like", "Related articles",
           "More on this story", "Top stories"),
}

# Province, city and districts: the shape of the administrative lists content farms append.
PLACE_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("江苏省", "南京市", ("玄武区", "秦淮区", "建邺区", "鼓楼区", "浦口区", "栖霞区", "雨花台区", "江宁区", "六合区", "溧水区", "高淳区")),
    ("浙江省", "杭州市", ("上城区", "拱墅区", "西湖区", "滨江区", "萧山区", "余杭区", "临平区", "钱塘区", "富阳区", "临安区", "桐庐县", "淳安县")),
    ("广东省", "广州市", ("荔湾区", "越秀区", "海珠区", "天河区", "白云区", "黄埔区", "番禺区", "花都区", "南沙区", "从化区", "增城区")),
    ("四川省", "成都市", ("锦江区", "青羊区", "金牛区", "武侯区", "成华区", "龙泉驿区", "青白江区", "新都区", "温江区", "双流区", "郫都区")),
    ("湖北省", "武汉市", ("江岸区", "江汉区", "硚口区", "汉阳区", "武昌区", "青山区", "洪山区", "东西湖区", "汉南区", "蔡甸区", "江夏区")),
    ("山东省", "济南市", ("历下区", "市中区", "槐荫区", "天桥区", "历城区", "长清区", "章丘区", "济阳区", "莱芜区", "钢城区", "平阴县")),
    ("河南省", "郑州市", ("中原区", "二七区", "管城回族区", "金水区", "上街区", "惠济区", "中牟县", "巩义市", "荥阳市", "新密市", "新郑市")),
    ("福建省", "厦门市", ("思明区", "海沧区", "湖里区", "集美区", "同安区", "翔安区")),
    ("陕西省", "西安市", ("新城区", "碑林区", "莲湖区", "灞桥区", "未央区", "雁塔区", "阎良区", "临潼区", "长安区", "高陵区", "鄠邑区")),
    ("辽宁省", "沈阳市", ("和平区", "沈河区", "大东区", "皇姑区", "铁西区", "苏家屯区", "浑南区", "沈北新区", "于洪区", "辽中区")),
)

PLACES: dict[str, tuple[str, ...]] = {
    "zh": ("北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省",
           "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省",
           "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "石家庄市", "太原市", "沈阳市", "长春市",
           "哈尔滨市", "南京市", "杭州市", "合肥市", "福州市", "南昌市", "济南市", "郑州市", "武汉市", "长沙市",
           "广州市", "海口市", "成都市", "贵阳市", "昆明市", "西安市", "兰州市", "西宁市", "苏州市", "无锡市"),
    "en": ("Manchester", "Birmingham", "Leeds", "Glasgow", "Liverpool", "Bristol", "Sheffield", "Edinburgh",
           "Cardiff", "Belfast", "Leicester", "Nottingham", "Newcastle", "Southampton", "Brighton", "Plymouth",
           "Aberdeen", "Swansea", "Oxford", "Cambridge", "York", "Norwich", "Exeter", "Dundee", "Bath",
           "Boston", "Denver", "Seattle", "Austin", "Portland", "Phoenix", "Atlanta", "Chicago", "Houston"),
}

SURNAMES: dict[str, tuple[str, ...]] = {
    "zh": ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林"),
    "en": ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas", "Roberts", "Walker",
           "Wright", "Thompson", "White", "Hall", "Green", "Clarke", "Baker", "Harris"),
}

GIVEN_NAMES: dict[str, tuple[str, ...]] = {
    "zh": ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超",
           "秀英", "桂兰", "建华", "志强", "海燕", "晓东", "文静", "国平"),
    "en": ("James", "Oliver", "Harry", "George", "Jack", "Emily", "Olivia", "Sophie", "Grace", "Lucy",
           "Ruth", "Peter", "Helen", "Simon", "Laura", "Mark", "Anna", "David"),
}

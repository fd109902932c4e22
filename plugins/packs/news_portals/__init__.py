"""The ``news-portals`` rule pack: chrome phrases of large Chinese news portals (see scrapelint-rules.toml)."""

"""Rule packs shipped with scrapelint: rules as data, enabled by name with ``rule-packs``."""

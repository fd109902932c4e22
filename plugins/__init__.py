"""scrapelint's built-in rule plugins, one module per family.

The core never imports this package: each module is registered under the ``scrapelint``
entry-point group in ``pyproject.toml``, exactly as a third-party plugin would be.
"""

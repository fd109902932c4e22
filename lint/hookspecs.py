"""The hooks a scrapelint plugin implements: the whole plugin API, typed and documented.

A plugin is a module (or object) registered under the entry-point group ``scrapelint``::

    [project.entry-points.scrapelint]
    my_site = "my_site_rules"

and implements any of these hooks with ``@lint.hookimpl``. Built-in rules are plugins found
through the very same group, so there is nothing a built-in rule can do that yours cannot.
"""

from __future__ import annotations

from typing import Sequence

import pluggy

from lint.model import Family, Rule

__all__ = ["hookspec", "hookimpl", "scrapelint_families", "scrapelint_rules"]

PROJECT = "scrapelint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def scrapelint_families() -> Sequence[Family]:
    """Declare rule families (a three-letter code prefix, a name, a report colour).

    A family is data, not a list baked into the core: a plugin may bring new ones. Rules whose
    prefix no plugin declares still run and are shown under their bare prefix.
    """


@hookspec
def scrapelint_rules() -> Sequence[Rule]:
    """Contribute rules.

    Each :class:`~lint.model.Rule` carries its code (family prefix + three digits), a
    kebab-case name, default severity, whether it can fix, an explanation with a bad and a good
    example, its options (thresholds users may set under ``[tool.scrapelint.options.NAME]``),
    and ``check(page, options)``, which yields :class:`~lint.model.Violation` objects. A rule
    never prints, reads files or keeps state between pages.
    """

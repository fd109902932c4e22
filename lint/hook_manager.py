"""pluggy's plugin manager, with a quicker look at a plugin module's names.

Registering a plugin makes pluggy look at every name the plugin has, each through
``inspect.getattr_static``. A rule module has a few hooks among a hundred helpers, constants and
imports, and a run over one file paid ~7 ms to look at the built-in modules' 700 names. Here a
module's names are read from its ``__dict__`` first: only what pluggy could take as a hook (a
function carrying our marker, a method, a static or class method) is handed on to pluggy's own
test, so what is found is the same.
"""

from __future__ import annotations

from types import FunctionType, MethodType, ModuleType

import pluggy

from lint.hookspecs import PROJECT

__all__ = ["HookManager"]

_MARK = PROJECT + "_impl"  # the attribute pluggy's HookimplMarker sets on a hook function
_MAY_HOLD_A_HOOK = (FunctionType, MethodType, staticmethod, classmethod)


class HookManager(pluggy.PluginManager):
    """A ``pluggy.PluginManager`` for the ``scrapelint`` project."""

    def __init__(self) -> None:
        super().__init__(PROJECT)

    def parse_hookimpl_opts(self, plugin: object, name: str) -> pluggy.HookimplOpts | None:
        if isinstance(plugin, ModuleType):
            value = vars(plugin).get(name)
            if not isinstance(value, _MAY_HOLD_A_HOOK):
                return None
            if isinstance(value, FunctionType) and _MARK not in value.__dict__:
                return None  # a helper function
        return super().parse_hookimpl_opts(plugin, name)

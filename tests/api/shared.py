"""Load the helpers of tests/api (the small knowledge base, the loopback server) from the
export and web tests, which are separate top-level test packages."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent


def helper(name: str) -> ModuleType:
    """``tests/api/<name>.py`` as a module (loaded once)."""
    key = f"armstrace_test_helpers.{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, HERE / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]

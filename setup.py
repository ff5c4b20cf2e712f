"""The one part of the build that pyproject.toml cannot say: the C compatibility shim
that lets durable-rules' extension load on Pythons that removed C-API functions it
calls (compliance/backends/pycompat.py, docs/pycompat.md). It needs the same C compiler
as durable-rules itself. ``optional``: where it cannot be built the install still
succeeds and, on a Python that needs it, the durable backend falls back with its notice."""

from setuptools import Extension, setup

setup(ext_modules=[Extension("compliance.backends._capi_shim", ["compliance/backends/_capi_shim.c"],
                             optional=True)])

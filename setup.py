"""Packaging glue that pyproject.toml cannot express: ship the top-level ``facts/`` as ``bot/facts``.

Curators edit ``facts/`` at the top of the repository; a wheel or sdist carries the same files as
package data of ``bot.facts``, which ``bot.config.shipped_facts_dir`` finds through
``importlib.resources``. Everything else is declared in pyproject.toml.
"""

from setuptools import find_namespace_packages, setup

setup(
    packages=[*find_namespace_packages(include=["bot", "bot.*"]), "bot.facts"],
    package_dir={"bot.facts": "facts"},
)

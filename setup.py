"""Build hook: ship the top-level rules/*.toml inside the package (attrib/data/rules/).

Metadata lives in pyproject.toml; this file only copies the rule data into
the wheel so that a non-editable install (pip install ., the GitHub Action)
has the same rules as a source checkout.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithRules(build_py):
    """build_py that also copies rules/*.toml into attrib/data/rules."""

    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "attrib" / "data" / "rules"
        target.mkdir(parents=True, exist_ok=True)
        for path in sorted(Path(__file__).resolve().parent.joinpath("rules").glob("*.toml")):
            shutil.copy2(path, target / path.name)


setup(cmdclass={"build_py": BuildPyWithRules})

"""motion-compliance: checks the Dutch cabinet's positions against adopted motions.

Library use::

    from pathlib import Path
    import compliance

    report = compliance.run_check(Path("."), lang="en")
    for finding in report.findings:
        print(finding.motion, finding.clause, finding.verdict)
"""

from compliance.api import check, load_positions, load_workspace, run_check
from compliance.errors import InputError, InputErrors
from compliance.model.output import Finding, MotionVerdict, Report
from compliance.version import __version__

__all__ = [
           "Finding",
           "InputError",
           "InputErrors",
           "MotionVerdict",
           "Report",
           "__version__",
           "check",
           "load_positions",
           "load_workspace",
           "run_check",
]

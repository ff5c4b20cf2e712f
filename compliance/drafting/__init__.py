"""Drafting a position from a cabinet letter (``compliance draft``).

Library API (stable; the workbench calls it)::

    draft = draft_letter(text, workspace, dossier, letter_name="letter.txt")
    yaml_text = render_position(draft, fmt="yaml", lang="nl")
"""

from compliance.drafting.draft import Draft, draft_letter
from compliance.drafting.render import position_data, render_position

__all__ = ["Draft", "draft_letter", "position_data", "render_position"]

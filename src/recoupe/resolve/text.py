"""Name normalisation shared by resolution steps (re-exported from the shared lexicon module)."""

from recoupe.lexicon import fold, translit_key

__all__ = ["fold", "translit_key"]

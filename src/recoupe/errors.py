"""The small family of errors recoupe raises; a user-caused one prints as one line."""

from __future__ import annotations


class RecoupeError(Exception):
    """Base class: the message is one line saying what, where and what to do."""


class IngestError(RecoupeError):
    """A source that cannot be read into a document; the build logs it and goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(RecoupeError):
    """The store cannot be opened or is not a recoupe store."""


class DataFileError(RecoupeError):
    """A lexicon or taxonomy shipped in data/ is malformed."""


class StoreBusyError(StoreError):
    """The store stayed locked by another writer for longer than this one would wait; trying again later works."""

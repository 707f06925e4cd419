"""Time, language-neutral: partial ISO dates with their precision and bounds (`dates`), and the reading of a matched
time expression against a reference day (`reading`). Analysis reads expressions with it; resolution reads them
again once an article's writing day is inferred. Imports only `model`: the words come in a `TimeVocabulary`."""

from recoupe.chrono.dates import PartialDate, bounds, period_bounds, shift, shift_day
from recoupe.chrono.reading import RULES, Reference, Resolved, TimeVocabulary, open_period, read, reread

__all__ = ["RULES", "PartialDate", "Reference", "Resolved", "TimeVocabulary", "bounds", "open_period", "period_bounds", "shift_day",
           "read", "reread", "shift"]

"""The typed records that cross every boundary of the flow (ingest -> analyze -> resolve -> store -> present),
their closed vocabularies, and the text folding every stage shares. Imports no other part of recoupe."""

from recoupe.model.dossier import (UNSET, Claim, ContractRecord, Contradiction, DateRow, Discrepancy, Dossier,
                                   DossierEntity, Event, Quantity, Quote)
from recoupe.model.records import (Analysis, EncodedAnalysis, ClaimRec, Document, Entity, EventCue, Mention, QuantityRec, QuoteRec, Record,
                                   Span, TimeExpr, make_id)
from recoupe.model.text import fold, translit_key

__all__ = ["UNSET", "Analysis", "Claim", "ClaimRec", "ContractRecord", "Contradiction", "DateRow", "Discrepancy", "Document", "Dossier", "EncodedAnalysis",
           "DossierEntity", "Entity", "Event", "EventCue", "Mention", "Quantity", "QuantityRec", "Quote", "QuoteRec", "Record",
           "Span", "TimeExpr", "fold", "make_id", "translit_key"]

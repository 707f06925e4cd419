"""Near-duplicate detection: MinHash signatures over word shingles, looked up through LSH bands."""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.8
SCHEME = "affine32"
_WORD = re.compile(r"\w+", re.UNICODE)


def signature(text: str, shingle: int = 5) -> np.ndarray:
    """MinHash signature (uint64 array) of a text's word 5-shingles, case-folded."""
    words = _WORD.findall(text.casefold())
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    grams = {" ".join(words[i:i + shingle]) for i in range(max(1, len(words) - shingle + 1))}
    m.update_batch([g.encode("utf-8") for g in grams])
    return m.hashvalues.copy()


class NearDuplicateIndex:
    """An LSH index of documents already in the store; lookups are sub-linear in the corpus size."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._sigs: dict[str, np.ndarray] = {}

    def add(self, doc_id: str, sig: np.ndarray) -> None:
        if doc_id in self._sigs:
            return
        self._sigs[doc_id] = sig
        self._lsh.insert(doc_id, MinHash(num_perm=NUM_PERM, hashvalues=sig, seed=1, scheme=SCHEME))

    def remove(self, doc_id: str) -> None:
        """Forget a document (retracted from the store), so nothing is marked a copy of it any more."""
        if self._sigs.pop(doc_id, None) is not None:
            self._lsh.remove(doc_id)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._sigs

    def find(self, sig: np.ndarray, skip: set[str] | frozenset[str] = frozenset()) -> str | None:
        """The most similar indexed document above the threshold, or None; documents in `skip` are not
        candidates (the old versions of the same source, about to be retracted)."""
        m = MinHash(num_perm=NUM_PERM, hashvalues=sig, seed=1, scheme=SCHEME)
        best, best_j = None, THRESHOLD
        for cand in sorted(set(self._lsh.query(m)) - skip):
            j = float(np.mean(self._sigs[cand] == sig))
            if j >= best_j:
                best, best_j = cand, j
        return best

//! Idempotency keys, scoped so that a key only ever replays the caller's own
//! earlier request to the same place.
//!
//! A client's key is not stored as given: what is stored (and looked up) is
//! a digest of who sent it, what it creates, where, and the key itself. Two
//! clerks who choose the same key on different meetings get two records,
//! and a key copied from someone else's request finds nothing to replay.

use sha2::{Digest, Sha256};

/// The stored form of `key` sent by `caller` to create a `kind` (decision,
/// declaration, action) under `target` (a meeting, an item or a decision).
pub fn scoped(caller: &str, kind: &str, target: &str, key: &str) -> String {
    let mut h = Sha256::new();
    for part in [caller, kind, target, key] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    format!("k1:{}", hex::encode(h.finalize()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_replays_only_the_same_callers_request_to_the_same_place() {
        let k = scoped("clerk-a", "decision", "meeting-1", "form-1");
        assert_eq!(k, scoped("clerk-a", "decision", "meeting-1", "form-1"));
        assert_ne!(k, scoped("clerk-b", "decision", "meeting-1", "form-1"));
        assert_ne!(k, scoped("clerk-a", "decision", "meeting-2", "form-1"));
        assert_ne!(k, scoped("clerk-a", "action", "meeting-1", "form-1"));
        assert_ne!(k, scoped("clerk-a", "decision", "meeting-1", "form-2"));
        // Parts cannot be shifted into one another.
        assert_ne!(scoped("ab", "c", "d", "e"), scoped("a", "bc", "d", "e"));
        assert!(k.len() < 80, "fits the stored column");
    }
}

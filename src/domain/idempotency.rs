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

/// The digest of a request's meaningful parts, kept beside its key: a
/// replay must send the same request. Text is compared as the server keeps
/// it (trimmed, with Windows line endings made plain), so a client that
/// resends exactly what it sent before always matches.
pub fn digest(parts: &[Option<&str>]) -> String {
    let mut h = Sha256::new();
    for part in parts {
        match part {
            None => h.update([0u8]),
            Some(p) => {
                let p = p.trim().replace("\r\n", "\n");
                h.update([1u8]);
                h.update((p.len() as u64).to_be_bytes());
                h.update(p.as_bytes());
            }
        }
    }
    format!("d1:{}", hex::encode(h.finalize()))
}

/// What a key found in store means for this request: replay the record when
/// the request is the same one (or the record predates digests), refuse
/// otherwise.
pub fn may_replay(stored: Option<&str>, sent: &str) -> bool {
    stored.is_none_or(|s| s == sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_request_matches_and_a_different_one_does_not() {
        let first = digest(&[Some("item-1"), Some("Agreed the plan.")]);
        assert!(may_replay(Some(&first), &first));
        assert!(may_replay(
            Some(&first),
            &digest(&[Some("item-1"), Some("  Agreed the plan.\r\n")])
        ));
        let other = digest(&[Some("item-1"), Some("Agreed another plan.")]);
        assert!(!may_replay(Some(&first), &other));
        assert!(!may_replay(
            Some(&first),
            &digest(&[Some("item-2"), Some("Agreed the plan.")])
        ));
        // A missing part differs from an empty one, and parts cannot shift.
        assert_ne!(digest(&[None, Some("a")]), digest(&[Some(""), Some("a")]));
        assert_ne!(
            digest(&[Some("ab"), Some("c")]),
            digest(&[Some("a"), Some("bc")])
        );
        // Records from before digests were kept replay as they always did.
        assert!(may_replay(None, &other));
    }

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

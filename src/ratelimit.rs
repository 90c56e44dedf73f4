//! Sign-in attempts are limited per client address and per account, so a
//! password cannot be guessed quickly from one place or against one person.
//! Limits are per instance (documented in docs/operations.md).

use std::num::NonZeroU32;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

pub struct LoginLimiter {
    per_client: DefaultKeyedRateLimiter<String>,
    per_account: DefaultKeyedRateLimiter<String>,
}

impl LoginLimiter {
    pub fn new(per_client_per_minute: u32, per_account_per_minute: u32) -> Self {
        let quota = |n: u32| Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN));
        LoginLimiter {
            per_client: RateLimiter::keyed(quota(per_client_per_minute)),
            per_account: RateLimiter::keyed(quota(per_account_per_minute)),
        }
    }

    /// True when this attempt may go ahead. Both budgets are charged.
    pub fn check(&self, client: &str, account: &str) -> bool {
        let client_ok = self.per_client.check_key(&client.to_string()).is_ok();
        let account_ok = self
            .per_account
            .check_key(&account.trim().to_lowercase())
            .is_ok();
        if self.per_client.len() > 10_000 || self.per_account.len() > 10_000 {
            self.per_client.retain_recent();
            self.per_account.retain_recent();
        }
        client_ok && account_ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_client_and_per_account() {
        let l = LoginLimiter::new(3, 2);
        assert!(l.check("1.1.1.1", "a@x.org"));
        assert!(l.check("1.1.1.1", "A@x.org"));
        assert!(!l.check("2.2.2.2", "a@x.org"), "account budget spent");
        assert!(
            l.check("1.1.1.1", "b@x.org"),
            "third attempt from the client"
        );
        assert!(!l.check("1.1.1.1", "d@x.org"), "client budget spent");
        assert!(l.check("3.3.3.3", "c@x.org"));
    }
}

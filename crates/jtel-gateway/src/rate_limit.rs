//! Per client address limits for public forms: a token bucket per (form, address), refilled
//! at the form's rate, holding at most its burst. Kept in this instance's memory (behind a
//! load balancer each instance limits on its own; the daily cap is shared, see `store`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

/// More buckets than this and the full ones are dropped (a full bucket is the same as none).
const MAX_BUCKETS: usize = 100_000;

#[derive(Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

/// The buckets of every public form.
#[derive(Default)]
pub struct AddressLimiter {
    buckets: Mutex<HashMap<(String, IpAddr), Bucket>>,
}

impl AddressLimiter {
    /// Takes one token from `address`'s bucket of `form` at time `now`: `true` when there was
    /// one (the request may go on).
    pub fn allow(
        &self,
        form: &str,
        address: IpAddr,
        per_minute: u32,
        burst: u32,
        now: Instant,
    ) -> bool {
        let rate = f64::from(per_minute) / 60.0;
        let burst = f64::from(burst.max(1));
        let refilled = |bucket: Bucket| {
            (bucket.tokens + now.saturating_duration_since(bucket.at).as_secs_f64() * rate)
                .min(burst)
        };
        let mut buckets = self.buckets.lock().expect("limiter lock");
        if buckets.len() >= MAX_BUCKETS {
            buckets.retain(|_, bucket| refilled(*bucket) < burst);
        }
        let bucket = buckets.entry((form.to_owned(), address)).or_insert(Bucket {
            tokens: burst,
            at: now,
        });
        let tokens = refilled(*bucket);
        let allowed = tokens >= 1.0;
        *bucket = Bucket {
            tokens: if allowed { tokens - 1.0 } else { tokens },
            at: now,
        };
        allowed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_burst_then_the_rate_per_address() {
        let limiter = AddressLimiter::default();
        let (one, other) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        let start = Instant::now();
        let at = |seconds: u64| start + Duration::from_secs(seconds);
        let taken: Vec<bool> = (0..4)
            .map(|_| limiter.allow("contact", one, 6, 3, at(0)))
            .collect();
        assert_eq!(taken, [true, true, true, false]);
        assert!(
            limiter.allow("contact", other, 6, 3, at(0)),
            "another address has its own bucket"
        );
        assert!(
            limiter.allow("other-form", one, 6, 3, at(0)),
            "another form has its own bucket"
        );
        assert!(
            !limiter.allow("contact", one, 6, 3, at(9)),
            "6 a minute: one token per 10 s"
        );
        assert!(limiter.allow("contact", one, 6, 3, at(11)));
        assert!(!limiter.allow("contact", one, 6, 3, at(11)));
    }
}

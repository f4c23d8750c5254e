//! Per client address limits for public forms: a token bucket per (form, address), refilled
//! at the form's rate, holding at most its burst. Kept in this instance's memory (behind a
//! load balancer each instance limits on its own; the daily cap is shared, see `store`).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The longest wait a refusal names (a form allowing 0 a minute never refills).
const DAY: Duration = Duration::from_secs(86_400);

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
    /// Takes one token from `address`'s bucket of `form` at time `now`: `Ok` when there was
    /// one (the request may go on), else how long until there is one.
    pub fn allow(
        &self,
        form: &str,
        address: IpAddr,
        per_minute: u32,
        burst: u32,
        now: Instant,
    ) -> Result<(), Duration> {
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
        if allowed {
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - tokens) / rate.max(f64::MIN_POSITIVE)).min(DAY))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_rate_per_address() {
        let limiter = AddressLimiter::default();
        let (one, other) = ("192.0.2.1".parse().unwrap(), "192.0.2.2".parse().unwrap());
        let start = Instant::now();
        let at = |seconds: u64| start + Duration::from_secs(seconds);
        let taken: Vec<bool> = (0..4)
            .map(|_| limiter.allow("contact", one, 6, 3, at(0)).is_ok())
            .collect();
        assert_eq!(taken, [true, true, true, false]);
        assert!(
            limiter.allow("contact", other, 6, 3, at(0)).is_ok(),
            "another address has its own bucket"
        );
        assert!(
            limiter.allow("other-form", one, 6, 3, at(0)).is_ok(),
            "another form has its own bucket"
        );
        // The wait in whole seconds (the bucket counts in fractions).
        let wait_at = |seconds| {
            limiter
                .allow("contact", one, 6, 3, at(seconds))
                .map_err(|wait| wait.as_secs_f64().round() as u64)
        };
        assert_eq!(
            wait_at(9),
            Err(1),
            "6 a minute: one token per 10 s, the next one a second away"
        );
        assert_eq!(wait_at(11), Ok(()));
        assert_eq!(wait_at(11), Err(9));
    }
}

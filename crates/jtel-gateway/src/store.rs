//! Where idempotency records and daily counts live: this process's memory (one instance) or
//! Redis (several instances behind a load balancer). Both offer the same few atomic steps on
//! text values, so the idempotency logic above them is the same.

use redis::aio::MultiplexedConnection;
use redis::Script;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The key prefix of everything the gateway keeps in Redis.
const PREFIX: &str = "jtel-gateway:";

/// Fewer records than this are never swept.
const SWEEP_FROM: usize = 10_000;

/// Records in this process's memory with their expiry. Expired ones are swept when the records
/// have doubled since the last sweep, so a sweep costs O(1) per insert on average (sweeping on
/// every insert past a fixed count made each create O(records): with records kept for a day,
/// one instance's creates per second fell by two thirds after 10,000).
#[derive(Default)]
pub struct Records {
    records: HashMap<String, (String, Instant)>,
    /// The count at which the next sweep is due (at least [`SWEEP_FROM`]).
    next_sweep: usize,
}

impl Records {
    /// Makes room for one more record at `now`: sweeps the expired ones when due.
    fn before_insert(&mut self, now: Instant) {
        if self.records.len() >= self.next_sweep.max(SWEEP_FROM) {
            self.records.retain(|_, (_, expires)| *expires > now);
            self.next_sweep = self.records.len() * 2;
        }
    }
}

/// A record store.
pub enum Store {
    /// In this process.
    Memory(Mutex<Records>),
    /// In Redis, shared.
    Redis(MultiplexedConnection),
}

/// The store did not answer (Redis down): the request is refused rather than risking a
/// duplicate.
#[derive(Debug)]
pub struct Unavailable;

impl Store {
    /// The in-memory store.
    pub fn memory() -> Self {
        Self::Memory(Mutex::default())
    }

    /// Connects to Redis at `url`.
    pub async fn redis(url: &str) -> Result<Self, String> {
        let client = redis::Client::open(url).map_err(|error| format!("redis_url: {error}"))?;
        let connection = client
            .get_multiplexed_tokio_connection()
            .await
            .map_err(|error| format!("cannot reach Redis: {error}"))?;
        Ok(Self::Redis(connection))
    }

    /// Stores `value` under `key` unless the key exists; `Ok(None)` when stored, else the
    /// value that is there.
    pub async fn insert_or_get(
        &self,
        key: &str,
        value: &str,
        ttl: Duration,
    ) -> Result<Option<String>, Unavailable> {
        match self {
            Self::Memory(memory) => {
                let mut memory = memory.lock().expect("store lock");
                let now = Instant::now();
                memory.before_insert(now);
                let map = &mut memory.records;
                match map.get(key) {
                    Some((existing, expires)) if *expires > now => Ok(Some(existing.clone())),
                    _ => {
                        map.insert(key.to_owned(), (value.to_owned(), now + ttl));
                        Ok(None)
                    }
                }
            }
            Self::Redis(connection) => {
                let script = Script::new(
                    "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then return false end \
                     return redis.call('GET', KEYS[1])",
                );
                script
                    .key(format!("{PREFIX}{key}"))
                    .arg(value)
                    .arg(ttl.as_secs().max(1))
                    .invoke_async(&mut connection.clone())
                    .await
                    .map_err(|_| Unavailable)
            }
        }
    }

    /// Replaces `old` by `new` under `key` (`new` = `None` removes it), only if the value is
    /// still `old`: `true` when it was.
    pub async fn compare_and_set(
        &self,
        key: &str,
        old: &str,
        new: Option<&str>,
        ttl: Duration,
    ) -> Result<bool, Unavailable> {
        match self {
            Self::Memory(memory) => {
                let map = &mut memory.lock().expect("store lock").records;
                if map.get(key).is_none_or(|(value, _)| value != old) {
                    return Ok(false);
                }
                match new {
                    Some(new) => map.insert(key.to_owned(), (new.to_owned(), Instant::now() + ttl)),
                    None => map.remove(key),
                };
                Ok(true)
            }
            Self::Redis(connection) => {
                let script = Script::new(
                    "if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end \
                     if ARGV[2] == '' then redis.call('DEL', KEYS[1]) \
                     else redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3]) end \
                     return 1",
                );
                let swapped: i64 = script
                    .key(format!("{PREFIX}{key}"))
                    .arg(old)
                    .arg(new.unwrap_or(""))
                    .arg(ttl.as_secs().max(1))
                    .invoke_async(&mut connection.clone())
                    .await
                    .map_err(|_| Unavailable)?;
                Ok(swapped == 1)
            }
        }
    }

    /// Adds one to the counter `key` (kept for `ttl` from its first use) and returns it.
    pub async fn count(&self, key: &str, ttl: Duration) -> Result<u64, Unavailable> {
        match self {
            Self::Memory(memory) => {
                let mut memory = memory.lock().expect("store lock");
                let now = Instant::now();
                memory.before_insert(now);
                let entry = (memory.records)
                    .entry(key.to_owned())
                    .or_insert(("0".into(), now + ttl));
                if entry.1 <= now {
                    *entry = ("0".into(), now + ttl);
                }
                let next = entry.0.parse::<u64>().unwrap_or(0) + 1;
                entry.0 = next.to_string();
                Ok(next)
            }
            Self::Redis(connection) => {
                let script = Script::new(
                    "local n = redis.call('INCR', KEYS[1]) \
                     if n == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end return n",
                );
                script
                    .key(format!("{PREFIX}{key}"))
                    .arg(ttl.as_secs().max(1))
                    .invoke_async(&mut connection.clone())
                    .await
                    .map_err(|_| Unavailable)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `records` plus one record under `key` expiring at `expires`, inserted at `now`;
    /// whether a sweep ran.
    fn insert(records: &mut Records, key: String, now: Instant, expires: Instant) -> bool {
        let before = records.next_sweep;
        records.before_insert(now);
        records.records.insert(key, (String::new(), expires));
        records.next_sweep != before
    }

    #[test]
    fn expired_records_are_swept_seldom_and_live_ones_kept() {
        let mut records = Records::default();
        let start = Instant::now();
        let day = start + Duration::from_secs(86_400);
        // 100,000 records that live for a day: a sweep removes nothing, so the next one is
        // due only when they have doubled.
        let sweeps = (0..100_000)
            .filter(|n| insert(&mut records, format!("key-{n}"), start, day))
            .count();
        assert_eq!(records.records.len(), 100_000, "nothing live was dropped");
        assert!(sweeps <= 4, "{sweeps} sweeps for 100,000 inserts");
        // Once they have expired, the next due sweep removes them.
        let later = day + Duration::from_secs(1);
        let mut n = 0;
        while records.records.len() >= 100_000 {
            n += 1;
            insert(&mut records, format!("late-{n}"), later, later);
        }
        assert!(
            records.records.len() < SWEEP_FROM,
            "{}",
            records.records.len()
        );
    }
}

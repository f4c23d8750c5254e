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

/// A record store.
pub enum Store {
    /// In this process.
    Memory(Mutex<HashMap<String, (String, Instant)>>),
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
            Self::Memory(map) => {
                let mut map = map.lock().expect("store lock");
                let now = Instant::now();
                if map.len() > 10_000 {
                    map.retain(|_, (_, expires)| *expires > now);
                }
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
            Self::Memory(map) => {
                let mut map = map.lock().expect("store lock");
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
            Self::Memory(map) => {
                let mut map = map.lock().expect("store lock");
                let now = Instant::now();
                let entry = map.entry(key.to_owned()).or_insert(("0".into(), now + ttl));
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

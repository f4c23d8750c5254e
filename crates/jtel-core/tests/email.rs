//! E-mail addresses: a table of decided cases, and a differential test against the WHATWG
//! rule for `<input type=email>` (the HTML standard's "valid e-mail address" regular
//! expression, run with the `regex` crate as a test-only oracle) over generated addresses.
//! Every disagreement must have one of the documented reasons; they are counted and written
//! to `target/reports/email-oracle.txt`.

use jtel_core::email::{check_email, EmailError, MAX_LABEL_LEN, MAX_LEN, MAX_LOCAL_LEN};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRng, TestRunner};
use regex::Regex;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The HTML standard's rule, verbatim (section 4.10.5.1.5, "valid e-mail address").
const WHATWG: &str = r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$";

#[test]
fn decided_cases() {
    let long_label = "a".repeat(63);
    let ok = [
        "name@example.com",
        "first.last+tag@sub.example.co.uk",
        "o'neil@example.com",
        "user@xn--mller-kva.de",
        "USER@EXAMPLE.COM",
        "!#$%&'*+/=?^_`{|}~-@example.com",
    ];
    for address in ok {
        assert_eq!(check_email(address), Ok(()), "{address}");
    }
    let fail = [
        ("user@exa_mple.com", EmailError::Invalid),
        ("user@müller.de", EmailError::UnicodeDomain),
        ("user@localhost", EmailError::Invalid),
        ("user@1.2.3.4", EmailError::Invalid),
        (".user@example.com", EmailError::Invalid),
        ("us..er@example.com", EmailError::Invalid),
        ("user.@example.com", EmailError::Invalid),
        ("user@-example.com", EmailError::Invalid),
        ("user@example..com", EmailError::Invalid),
        ("Name <user@example.com>", EmailError::Invalid),
        ("user@example.com ", EmailError::Invalid),
        ("", EmailError::Invalid),
    ];
    for (address, error) in fail {
        assert_eq!(check_email(address), Err(error), "{address}");
    }
    let too_long = [
        format!("{}@example.com", "a".repeat(MAX_LOCAL_LEN + 1)),
        format!("user@{}a.com", long_label),
        format!("user@{}.com", ["b"; 125].join(".")),
    ];
    for address in &too_long {
        assert_eq!(check_email(address), Err(EmailError::TooLong), "{address}");
    }
    let longest = format!(
        "{}@{long_label}.{long_label}.{}",
        "a".repeat(MAX_LOCAL_LEN),
        "c".repeat(MAX_LEN - MAX_LOCAL_LEN - 1 - 2 * (MAX_LABEL_LEN + 1))
    );
    assert_eq!(longest.len(), MAX_LEN);
    assert_eq!(check_email(&longest), Ok(()));
}

/// Why we refuse an address the WHATWG rule accepts; `None` when no documented reason applies.
fn reason_for_refusing(address: &str) -> Option<&'static str> {
    let (local, domain) = address.rsplit_once('@')?;
    if address.len() > MAX_LEN || local.len() > MAX_LOCAL_LEN {
        Some("RFC 5321 length (64 before @, 254 in all)")
    } else if !domain.contains('.') {
        Some("domain without a dot (user@localhost)")
    } else if domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
    {
        Some("all-digit top-level label (user@1.2.3.4)")
    } else if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        Some("local part not a dot-atom (RFC 5321: .a, a., a..b)")
    } else {
        None
    }
}

/// Addresses made of the pieces where the rules could differ.
fn address_strategy() -> impl Strategy<Value = String> {
    let local = prop_oneof![
        "[a-z0-9._+'-]{1,12}",
        "[.]{0,2}[a-z]{1,3}[.]{0,2}[a-z]{0,3}[.]{0,2}",
        "[!#$%&'*+/=?^_`{|}~a-z-]{1,8}",
        "[a-z]{60,70}",
        "[a-zäé \"<>(),:;@\\[\\]]{1,6}",
    ];
    let label = prop_oneof![
        "[a-z0-9]{1,8}",
        "[a-z0-9-]{1,8}",
        "[a-z0-9_]{1,6}",
        "xn--[a-z0-9-]{2,8}",
        "[0-9]{1,3}",
        "[a-zäöü]{1,6}",
        "[a-z]{60,66}",
        "",
    ];
    let domain = prop_oneof![
        proptest::collection::vec(label.clone(), 1..5).prop_map(|labels| labels.join(".")),
        proptest::collection::vec(label, 1..3).prop_map(|labels| labels.join(".") + ".example.com"),
    ];
    (local, domain).prop_map(|(local, domain)| format!("{local}@{domain}"))
}

#[test]
fn differential_against_the_whatwg_rule() {
    let whatwg = Regex::new(WHATWG).expect("the WHATWG expression compiles");
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    let strategy = address_strategy();
    let mut cases = 0;
    let mut both_accept = 0;
    let mut both_refuse = 0;
    let mut reasons: BTreeMap<&str, (usize, String)> = BTreeMap::new();
    let mut unexplained = Vec::new();
    for _ in 0..6_000 {
        let address = strategy
            .new_tree(&mut runner)
            .expect("a generated address")
            .current();
        cases += 1;
        match (whatwg.is_match(&address), check_email(&address).is_ok()) {
            (true, true) => both_accept += 1,
            (false, false) => both_refuse += 1,
            (true, false) => match reason_for_refusing(&address) {
                Some(reason) => {
                    let entry = reasons.entry(reason).or_insert((0, address.clone()));
                    entry.0 += 1;
                }
                None => unexplained.push(format!("WHATWG accepts, we refuse: {address}")),
            },
            (false, true) => unexplained.push(format!("we accept, WHATWG refuses: {address}")),
        }
    }
    let mut report = format!(
        "E-mail rule against the WHATWG input type=email rule, {cases} generated addresses\n\
         both accept: {both_accept}, both refuse: {both_refuse}, \
         we accept what WHATWG refuses: 0 allowed, {} found\n\
         WHATWG accepts, we refuse (each with its reason):\n",
        unexplained
            .iter()
            .filter(|line| line.starts_with("we accept"))
            .count()
    );
    for (reason, (count, example)) in &reasons {
        let _ = writeln!(report, "  {count:>6}  {reason:<52} e.g. {example}");
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/reports");
    std::fs::create_dir_all(&dir).expect("target/reports can be created");
    std::fs::write(dir.join("email-oracle.txt"), &report).expect("report written");
    println!("{report}");
    assert!(
        both_accept > 500 && both_refuse > 500,
        "the cases reach both sides"
    );
    assert!(unexplained.is_empty(), "{}", unexplained.join("\n"));
}

//! `CrmURL` checks: a hand table, the whole WHATWG URL test suite, and the `url` crate as oracle.

use jtel_core::crm_url::{check_crm_url, UrlError, MAX_LEN};
use proptest::prelude::*;

#[test]
fn accepts_plain_web_addresses() {
    for url in [
        "https://www.jtel.de",
        "http://crm.example.com/contacts/4711?tab=calls#history",
        "HTTPS://CRM.Example.COM:8443/a/b",
        "https://10.1.2.3:8080/x",
        "https://[2001:db8::1]:443/ticket/9",
        "https://example.com./",
        "https://crm.example.com/search?q=Müller",
        "https://localhost:3000/",
    ] {
        assert_eq!(check_crm_url(url), Ok(()), "{url}");
    }
}

#[test]
fn refuses_other_schemes_and_relative_links() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:info@jtel.de",
        "ftp://example.com/file",
        "/contacts/4711",
        "www.jtel.de",
        "",
    ] {
        assert_eq!(check_crm_url(url), Err(UrlError::NotHttp), "{url:?}");
    }
}

#[test]
fn refuses_what_a_browser_would_silently_repair() {
    for url in [
        "http:example.com",
        "http:/example.com",
        "http:\\\\example.com\\a",
        "https://user:secret@example.com/",
        "https://example.com@evil.example/",
        "http://exa mple.com/",
        "http://example.com/a b",
        "http://example.com/\"><script>",
        "http://0x7f.0.0.1/",
        "http://1.2.3.08/",
        "http://256.0.0.1/",
        "http://foo.09/",
        "http://-foo.example/",
        "http://xn--pokxncvks.example/",
        "http://[::1/",
        "http://example.com:99999/",
        "http://example.com:/",
        "http://.example.com/",
        "http://example..com/",
        "https:///example.com",
        "http://example.com/\n",
    ] {
        assert_eq!(check_crm_url(url), Err(UrlError::Malformed), "{url:?}");
    }
}

#[test]
fn refuses_overlong_addresses() {
    let long = format!("https://example.com/{}", "a".repeat(MAX_LEN));
    assert_eq!(check_crm_url(&long), Err(UrlError::TooLong));
}

/// The WHATWG URL test suite (cases without a base): every failure is refused, and everything
/// accepted is an http or https URL with the host the suite expects.
#[test]
fn agrees_with_the_whatwg_url_test_suite() {
    let suite: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("data/urltestdata.json")).expect("suite is JSON");
    let cases: Vec<&serde_json::Value> = suite
        .iter()
        .filter(|case| case.is_object() && case.get("base").is_none_or(|b| b.is_null()))
        .collect();
    assert!(
        cases.len() > 500,
        "the suite has {} cases without a base",
        cases.len()
    );
    let (mut failures, mut accepted) = (0, 0);
    for case in cases {
        let input = case["input"].as_str().expect("input is a string");
        let verdict = check_crm_url(input);
        if case.get("failure").and_then(|f| f.as_bool()) == Some(true) {
            failures += 1;
            assert!(
                verdict.is_err(),
                "the suite marks {input:?} as failure, but it was accepted"
            );
        } else if verdict.is_ok() {
            accepted += 1;
            let protocol = case["protocol"].as_str().unwrap_or_default();
            assert!(
                matches!(protocol, "http:" | "https:"),
                "{input:?} accepted but the suite parses it as {protocol}"
            );
            let expected_host = case["hostname"].as_str().unwrap_or_default();
            let host = input
                .split_once("://")
                .map(|(_, rest)| rest)
                .unwrap_or_default();
            let host = &host[..host.find(['/', '?', '#']).unwrap_or(host.len())];
            let host = if host.starts_with('[') {
                host
            } else {
                host.split(':').next().unwrap_or_default()
            };
            if !host.starts_with('[') {
                assert_eq!(
                    host.to_ascii_lowercase(),
                    expected_host,
                    "host of {input:?}"
                );
            }
        }
    }
    println!("WHATWG URL suite: {failures} failure cases refused, {accepted} web URLs accepted");
    assert!(failures > 200, "only {failures} failure cases were checked");
    assert!(
        accepted > 40,
        "only {accepted} suite URLs were accepted: the check is stricter than it needs to be"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5000))]

    /// Whatever the check accepts, the `url` crate (a WHATWG parser) parses as http or https.
    #[test]
    fn accepted_urls_are_web_urls_for_a_whatwg_parser(
        scheme in "(http|https|HTTP|javascript|ftp)",
        sep in "(://|:/|:|:///)",
        host in "[a-z0-9.\\[\\]:@_-]{0,20}",
        rest in "[ -~]{0,20}",
    ) {
        let input = format!("{scheme}{sep}{host}{rest}");
        if check_crm_url(&input).is_ok() {
            let parsed = url::Url::parse(&input);
            prop_assert!(parsed.is_ok(), "{} accepted, url crate says {:?}", input, parsed);
            let scheme = parsed.unwrap().scheme().to_owned();
            prop_assert!(scheme == "http" || scheme == "https");
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(input in any::<String>()) {
        let _ = check_crm_url(&input);
    }
}

/// The bracketed host of a URL is an IPv6 address exactly when `std::net::Ipv6Addr` reads it
/// (the oracle: the check does not link std's parser into the browser bundle).
fn ipv6_agrees_with_std(address: &str) {
    let std_reads = address.parse::<std::net::Ipv6Addr>().is_ok();
    let accepted = check_crm_url(&format!("http://[{address}]/")).is_ok();
    assert_eq!(accepted, std_reads, "[{address}]");
}

#[test]
fn bracketed_hosts_are_ipv6_exactly_as_std_reads_them() {
    for address in [
        "::",
        "::1",
        "1::",
        "1:2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::",
        "::2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        ":1::",
        "1::2:",
        "1:::2",
        "12345::",
        "g::",
        "::ffff:1.2.3.4",
        "::1.2.3.4",
        "1:2:3:4:5:6:1.2.3.4",
        "1:2:3:4:5:6:7:1.2.3.4",
        "::1.2.3.04",
        "::1.2.3.256",
        "::1.2.3",
        "1.2.3.4::",
        "::1.2.3.4:5",
        "fe80::1%eth0",
        "",
        ":",
        "0:0:0:0:0:0:0:0",
        "ABCD:ef01::",
        "1:2:3:4:5:6::7",
        "1:2:3:4:5:6:7::8",
    ] {
        ipv6_agrees_with_std(address);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20000))]
    #[test]
    fn any_bracketed_host_is_ipv6_exactly_as_std_reads_it(address in "[0-9a-fA-F:.]{0,45}") {
        ipv6_agrees_with_std(&address);
    }
}

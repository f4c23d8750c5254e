//! The attack suite: every way in that the gateway must refuse, sent to a running gateway in
//! front of the jtel emulator, which counts what reaches it. Nothing may. Writes the table
//! (attempts / refused / reached jtel per kind of attack) to target/reports/gateway-attacks.txt.

mod support;

use serde_json::{json, Value};
use support::{callback, claims, fresh_key, now, sign, Raw, Stand, CRM_ORIGIN};

/// All four scopes.
const ALL_SCOPES: &str = "events:create directory:read cockpit:read cockpit:write";

/// One attack: its kind (a row of the table), what it tries, the request.
struct Attack {
    kind: &'static str,
    name: String,
    request: Raw,
}

fn attack(kind: &'static str, name: impl Into<String>, request: Raw) -> Attack {
    Attack {
        kind,
        name: name.into(),
        request,
    }
}

/// base64url without padding, for hand-made tokens.
fn b64(bytes: &[u8]) -> String {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// A token with `header` and `claims` and no signature (`alg: none` and the like).
fn unsigned(header: Value, claims: &Value) -> String {
    format!(
        "{}.{}.",
        b64(header.to_string().as_bytes()),
        b64(claims.to_string().as_bytes())
    )
}

/// `claims` with `change` applied.
fn with(mut claims: Value, change: Value) -> Value {
    for (key, value) in change.as_object().unwrap() {
        if value.is_null() {
            claims.as_object_mut().unwrap().remove(key);
        } else {
            claims[key] = value.clone();
        }
    }
    claims
}

fn create(path: &str, body: &Value) -> Raw {
    Raw::new("POST", path).json(body, &fresh_key())
}

fn public_create(body: &Value) -> Raw {
    create("/jtel/public/contact/acd/events/create", body)
}

const READS: [&str; 8] = [
    "acd/events",
    "acd/events/event/1000",
    "acd/events/types",
    "acd/groups",
    "users",
    "serviceNumbers",
    "cockpitVariables",
    "cockpitVariables/cockpitVariable/192",
];

fn anonymous() -> Vec<Attack> {
    let mut attacks = Vec::new();
    for read in READS {
        attacks.push(attack(
            "anonymous reads",
            format!("GET /jtel/{read}"),
            Raw::new("GET", &format!("/jtel/{read}")),
        ));
        let public = format!("/jtel/public/contact/{read}");
        attacks.push(attack(
            "anonymous reads",
            format!("GET {public}"),
            Raw::new("GET", &public),
        ));
    }
    let writes = [
        create("/jtel/acd/events/create", &callback("anonymous create")),
        Raw::new(
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=77",
        ),
        Raw::new(
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue/77",
        ),
        Raw::new(
            "PATCH",
            "/jtel/public/contact/cockpitVariables/cockpitVariable/192/setValue?value=77",
        ),
        Raw::new("DELETE", "/jtel/acd/events/event/1000"),
        Raw::new("PUT", "/jtel/users/user/3"),
        create("/jtel/public/contact/acd/events", &callback("wrong route")),
        create("/jtel/acd/events/create", &callback("token in query")).header("X-Ignored", "1"),
        Raw::new("GET", "/jtel/users?access_token=anything"),
    ];
    for request in writes {
        attacks.push(attack(
            "anonymous writes",
            format!("{} {}", request.method, request.target),
            request,
        ));
    }
    attacks
}

fn tokens() -> Vec<Attack> {
    let good = claims(ALL_SCOPES);
    let rs_public = std::fs::read(support::keys().join("rs256-public.pem")).unwrap();
    let confused = {
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
        header.kid = Some("rs-1".into());
        jsonwebtoken::encode(
            &header,
            &good,
            &jsonwebtoken::EncodingKey::from_secret(&rs_public),
        )
        .unwrap()
    };
    let forged = {
        let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
        header.kid = Some("hs-1".into());
        jsonwebtoken::encode(
            &header,
            &good,
            &jsonwebtoken::EncodingKey::from_secret(b"a-guessed-secret-that-is-long-enough!"),
        )
        .unwrap()
    };
    let signed = sign("rs-1", &good);
    let tampered = {
        let mut parts: Vec<&str> = signed.split('.').collect();
        let raised = b64(with(good.clone(), json!({ "sub": "supervisor" }))
            .to_string()
            .as_bytes());
        parts[1] = &raised;
        parts.join(".")
    };
    let cases: Vec<(&str, String)> = vec![
        (
            "alg none",
            unsigned(json!({ "alg": "none", "typ": "JWT" }), &good),
        ),
        (
            "alg none with a kid",
            unsigned(json!({ "alg": "none", "kid": "hs-1" }), &good),
        ),
        (
            "HS256 signed with the RS256 public key (key confusion)",
            confused,
        ),
        ("ES256 header on the RS256 key", {
            let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::ES256);
            header.kid = Some("rs-1".into());
            let pem = std::fs::read(support::keys().join("es256-private.pem")).unwrap();
            jsonwebtoken::encode(
                &header,
                &good,
                &jsonwebtoken::EncodingKey::from_ec_pem(&pem).unwrap(),
            )
            .unwrap()
        }),
        ("bad signature (guessed HS256 secret)", forged),
        ("claims changed after signing", tampered),
        (
            "expired",
            sign("hs-1", &with(good.clone(), json!({ "exp": now() - 600 }))),
        ),
        (
            "not yet valid (nbf)",
            sign("es-1", &with(good.clone(), json!({ "nbf": now() + 600 }))),
        ),
        (
            "wrong aud",
            sign(
                "hs-1",
                &with(good.clone(), json!({ "aud": "another-service" })),
            ),
        ),
        (
            "wrong iss",
            sign(
                "rs-1",
                &with(good.clone(), json!({ "iss": "https://evil.example" })),
            ),
        ),
        (
            "no exp",
            sign("hs-1", &with(good.clone(), json!({ "exp": null }))),
        ),
        (
            "no sub",
            sign("hs-1", &with(good.clone(), json!({ "sub": null }))),
        ),
        (
            "lifetime over the maximum (1 day)",
            sign(
                "hs-1",
                &with(good.clone(), json!({ "exp": now() + 86_400 })),
            ),
        ),
        ("unknown kid", {
            let mut header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
            header.kid = Some("hs-2".into());
            jsonwebtoken::encode(
                &header,
                &good,
                &jsonwebtoken::EncodingKey::from_secret(support::HS_SECRET.as_bytes()),
            )
            .unwrap()
        }),
        ("not a JWT", "jtel-demo-token".to_owned()),
    ];
    let mut attacks = Vec::new();
    for (name, token) in cases {
        attacks.push(attack(
            "staff tokens",
            format!("{name}: GET users"),
            Raw::new("GET", "/jtel/users").bearer(&token),
        ));
        attacks.push(attack(
            "staff tokens",
            format!("{name}: create"),
            create("/jtel/acd/events/create", &callback(name)).bearer(&token),
        ));
    }
    let read = sign("hs-1", &claims("cockpit:read"));
    let narrow = sign(
        "rs-1",
        &with(claims("events:create"), json!({ "groups": [236] })),
    );
    let directory = sign("es-1", &claims("directory:read"));
    let creator = sign("hs-1", &claims("events:create"));
    for (name, request) in [
        (
            "cockpit:read token sets a value (?value=)",
            Raw::new(
                "PATCH",
                "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=77",
            )
            .bearer(&read),
        ),
        (
            "cockpit:read token sets a value (/value)",
            Raw::new(
                "PATCH",
                "/jtel/cockpitVariables/cockpitVariable/192/setValue/77",
            )
            .bearer(&read),
        ),
        (
            "events:create token with groups [236] creates for 235",
            create("/jtel/acd/events/create", &callback("outside groups")).bearer(&narrow),
        ),
        (
            "directory:read token creates",
            create("/jtel/acd/events/create", &callback("directory creates")).bearer(&directory),
        ),
        (
            "directory:read token reads cockpit variables",
            Raw::new("GET", "/jtel/cockpitVariables").bearer(&directory),
        ),
        (
            "events:create token reads users",
            Raw::new("GET", "/jtel/users").bearer(&creator),
        ),
        (
            "events:create token reads the event list",
            Raw::new("GET", "/jtel/acd/events").bearer(&creator),
        ),
        (
            "all scopes read the event list",
            Raw::new("GET", "/jtel/acd/events").bearer(&sign("hs-1", &claims(ALL_SCOPES))),
        ),
        (
            "all scopes read one event",
            Raw::new("GET", "/jtel/acd/events/event/1000")
                .bearer(&sign("hs-1", &claims(ALL_SCOPES))),
        ),
    ] {
        attacks.push(attack("staff scopes and groups", name, request));
    }
    attacks
}

fn public_form_tampering() -> Vec<Attack> {
    let changed = |change: Value| with(callback("tampered"), change);
    let mut attacks: Vec<Attack> = [
        ("other kind (SMS)", changed(json!({ "AcdEventTypesID": 4 }))),
        ("other group", changed(json!({ "AcdGroupsID": 236 }))),
        ("an agent", changed(json!({ "UsersID": 3 }))),
        (
            "a receiver",
            changed(json!({ "Receiver": "4919900112233" })),
        ),
        ("extra field", changed(json!({ "ClientsID": 2 }))),
        ("unknown field", changed(json!({ "Priority": "urgent" }))),
        (
            "over-long Subject",
            changed(json!({ "Subject": "x".repeat(300) })),
        ),
        (
            "over-long Body",
            changed(json!({ "Body": "x".repeat(5000) })),
        ),
        (
            "over-long Sender",
            changed(json!({ "Sender": "4".repeat(40) })),
        ),
        (
            "Sender not a phone number",
            changed(json!({ "Sender": "call me maybe" })),
        ),
        (
            "CrmURL javascript:",
            changed(json!({ "CrmURL": "javascript:alert(1)" })),
        ),
        ("group as text", changed(json!({ "AcdGroupsID": "235" }))),
        ("body not an object", json!([callback("array")])),
    ]
    .into_iter()
    .map(|(name, body)| attack("public form tampering", name, public_create(&body)))
    .collect();
    let raw_body = |name: &str, content_type: &str, body: Vec<u8>| {
        let mut request = Raw::new("POST", "/jtel/public/contact/acd/events/create")
            .header("Content-Type", content_type)
            .header("Idempotency-Key", &fresh_key());
        request.body = body;
        attack("public form tampering", name, request)
    };
    attacks.push(raw_body(
        "invalid JSON",
        "application/json",
        b"{\"AcdEventTypesID\": 3,".to_vec(),
    ));
    attacks.push(raw_body(
        "1 MB body",
        "application/json",
        vec![b' '; 1 << 20],
    ));
    attacks.push(raw_body(
        "text/plain body (form post)",
        "text/plain",
        callback("text").to_string().into_bytes(),
    ));
    let mut no_key = Raw::new("POST", "/jtel/public/contact/acd/events/create")
        .header("Content-Type", "application/json");
    no_key.body = callback("no key").to_string().into_bytes();
    attacks.push(attack(
        "public form tampering",
        "no Idempotency-Key",
        no_key,
    ));
    attacks.push(attack(
        "public form tampering",
        "bad Idempotency-Key",
        Raw::new("POST", "/jtel/public/contact/acd/events/create")
            .json(&callback("bad key"), "a b"),
    ));
    attacks.push(attack(
        "public form tampering",
        "unknown form",
        create(
            "/jtel/public/admin/acd/events/create",
            &callback("unknown form"),
        ),
    ));
    attacks
}

fn traversal() -> Vec<Attack> {
    let token = sign("hs-1", &claims(ALL_SCOPES));
    let mut attacks = Vec::new();
    for (method, target) in [
        ("GET", "/jtel/users/../acd/events"),
        ("GET", "/jtel/acd/events/types/../../events"),
        ("GET", "/jtel/acd/groups/%2e%2e/events"),
        ("GET", "/jtel/acd%2fevents"),
        ("GET", "/jtel/acd/events%2f..%2f..%2fcalls"),
        ("GET", "/jtel//acd/events"),
        ("GET", "/jtel/./users/../acd/events"),
        ("GET", "/jtel/users%00"),
        ("GET", "/jtel/users%3fx=1"),
        ("GET", "/jtel/%2e%2e/rest/v1.0/1/acd/events"),
        ("GET", "/jtel/../rest/v1.0/1/acd/events"),
        ("GET", "/rest/v1.0/1/acd/events"),
        ("POST", "/jtel/public/contact/../../acd/events/create"),
        ("POST", "/jtel/public/contact%2f..%2f..%2facd/events/create"),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192%2fsetValue?value=1",
        ),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=1&value=2",
        ),
        (
            "PATCH",
            "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=1%26x=2",
        ),
    ] {
        let mut request = Raw::new(method, target).bearer(&token);
        if method == "POST" {
            request = request.json(&callback("traversal"), &fresh_key());
        }
        attacks.push(attack(
            "traversal and encoded slashes",
            format!("{method} {target}"),
            request,
        ));
    }
    attacks
}

fn cors() -> Vec<Attack> {
    let token = sign("hs-1", &claims(ALL_SCOPES));
    let mut attacks = Vec::new();
    for origin in [
        "https://evil.example",
        "null",
        "https://crm.example.com.evil.example",
        "http://crm.example.com",
    ] {
        let preflight = Raw::new("OPTIONS", "/jtel/acd/events/create")
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header(
                "Access-Control-Request-Headers",
                "authorization, content-type, idempotency-key",
            );
        attacks.push(attack(
            "CORS from other origins",
            format!("preflight from {origin}"),
            preflight,
        ));
        attacks.push(attack(
            "CORS from other origins",
            format!("create from {origin}"),
            create("/jtel/acd/events/create", &callback("cors"))
                .bearer(&token)
                .header("Origin", origin),
        ));
        attacks.push(attack(
            "CORS from other origins",
            format!("public create from {origin}"),
            public_create(&callback("cors public")).header("Origin", origin),
        ));
        attacks.push(attack(
            "CORS from other origins",
            format!("read from {origin}"),
            Raw::new("GET", "/jtel/users")
                .bearer(&token)
                .header("Origin", origin),
        ));
    }
    attacks
}

/// Requests that pass, so the refusals above are not refusals of everything.
async fn the_way_in_works(stand: &Stand) {
    for kid in ["hs-1", "rs-1", "es-1"] {
        let token = sign(
            kid,
            &with(claims(ALL_SCOPES), json!({ "groups": [235, 236] })),
        );
        let users = stand
            .send(&Raw::new("GET", "/jtel/users").bearer(&token))
            .await;
        assert_eq!(users.status, 200, "{kid}: {}", users.body);
        let created = stand
            .send(&create("/jtel/acd/events/create", &callback(kid)).bearer(&token))
            .await;
        assert_eq!(created.status, 200, "{kid}: {}", created.body);
        let set = stand
            .send(
                &Raw::new(
                    "PATCH",
                    "/jtel/cockpitVariables/cockpitVariable/192/setValue?value=5",
                )
                .bearer(&token),
            )
            .await;
        assert_eq!(set.status, 200, "{kid}: {}", set.body);
    }
    let public = stand.send(&public_create(&callback("public works"))).await;
    assert_eq!(public.status, 200, "{}", public.body);
    let preflight = stand
        .send(
            &Raw::new("OPTIONS", "/jtel/acd/events/create")
                .header("Origin", CRM_ORIGIN)
                .header("Access-Control-Request-Method", "POST"),
        )
        .await;
    assert_eq!(preflight.status, 204);
    assert!(preflight
        .head
        .to_lowercase()
        .contains(&format!("access-control-allow-origin: {CRM_ORIGIN}")));
    let invalid = stand
        .send(&public_create(&with(
            callback("x"),
            json!({ "Sender": "12" }),
        )))
        .await;
    assert_eq!(invalid.status, 400);
    assert_eq!(
        invalid.json()["codes"],
        json!([{ "field": "Sender", "code": "phone-too-short" }])
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_attack_is_refused_and_nothing_reaches_jtel() {
    let stand = Stand::start("").await;
    the_way_in_works(&stand).await;

    let mut attacks = anonymous();
    attacks.extend(tokens());
    attacks.extend(public_form_tampering());
    attacks.extend(traversal());
    attacks.extend(cors());

    // Rate limit and daily cap: use up what is allowed first, then attack.
    for form in ["limited", "capped"] {
        for _ in 0..2 {
            let path = format!("/jtel/public/{form}/acd/events/create");
            let allowed = stand.send(&create(&path, &callback(form))).await;
            assert_eq!(allowed.status, 200, "{form}: {}", allowed.body);
        }
        let kind = if form == "limited" {
            "rate limit per address"
        } else {
            "daily cap per form"
        };
        for i in 0..5 {
            let path = format!("/jtel/public/{form}/acd/events/create");
            attacks.push(attack(
                kind,
                format!("create #{} over the limit", i + 3),
                create(&path, &callback(form)),
            ));
        }
    }

    let mut rows: Vec<(&str, usize, usize, u64)> = Vec::new();
    let mut detail = String::new();
    let mut failures = Vec::new();
    for attack in &attacks {
        let before = stand.jtel.jtel_requests();
        let answer = stand.send(&attack.request).await;
        let reached = stand.jtel.jtel_requests() - before;
        let refused = answer.status >= 400;
        if !refused || reached > 0 {
            failures.push(format!(
                "{} / {}: {} reached {reached}: {}",
                attack.kind, attack.name, answer.status, answer.body
            ));
        }
        assert!(
            !answer.head.contains(jtel_emulator::DEFAULT_TOKEN)
                && !answer.body.contains(jtel_emulator::DEFAULT_TOKEN)
        );
        match rows.iter_mut().find(|row| row.0 == attack.kind) {
            Some(row) => {
                row.1 += 1;
                row.2 += usize::from(refused);
                row.3 += reached;
            }
            None => rows.push((attack.kind, 1, usize::from(refused), reached)),
        }
        detail += &format!(
            "| {} | {} | {} | {reached} |\n",
            attack.kind,
            attack.name.replace('|', "\\|"),
            answer.status
        );
    }
    let mut table =
        String::from("| attack | attempts | refused | reached jtel |\n|---|---:|---:|---:|\n");
    for (kind, attempts, refused, reached) in &rows {
        table += &format!("| {kind} | {attempts} | {refused} | {reached} |\n");
    }
    let total = (
        attacks.len(),
        rows.iter().map(|r| r.2).sum::<usize>(),
        rows.iter().map(|r| r.3).sum::<u64>(),
    );
    table += &format!("| **all** | {} | {} | {} |\n", total.0, total.1, total.2);
    let report = format!("{table}\nEvery attempt:\n\n| attack | what | status | reached jtel |\n|---|---|---:|---:|\n{detail}");
    println!("{report}");
    support::report("gateway-attacks.txt", &report);
    assert!(
        failures.is_empty(),
        "attacks that were not refused or reached jtel:\n{}",
        failures.join("\n")
    );
}

/// The `Retry-After` of an answer's header block, in seconds.
fn retry_after(head: &str) -> Option<u64> {
    head.lines()
        .find_map(|line| {
            line.to_ascii_lowercase()
                .strip_prefix("retry-after:")
                .map(str::to_owned)
        })
        .and_then(|value| value.trim().parse().ok())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_create_over_a_limit_says_when_to_try_again() {
    let stand = Stand::start("").await;
    // `limited` refills one a minute; `capped` frees up at the next UTC midnight.
    for (form, at_most) in [("limited", 60), ("capped", 86_400)] {
        let path = format!("/jtel/public/{form}/acd/events/create");
        for _ in 0..2 {
            let allowed = stand.send(&create(&path, &callback(form))).await;
            assert_eq!(allowed.status, 200, "{form}: {}", allowed.body);
        }
        let refused = stand.send(&create(&path, &callback(form))).await;
        assert_eq!(refused.status, 429, "{form}: {}", refused.body);
        let wait = retry_after(&refused.head);
        assert!(
            wait.is_some_and(|seconds| (1..=at_most).contains(&seconds)),
            "{form}: Retry-After {wait:?} in {}",
            refused.head
        );
    }
}

//! The iframe page talks to the page that frames it, across origins, in real Chromium. The
//! release build is served by nginx (`scripts/gateway.sh`, `FRAME_ANCESTORS` naming two
//! origins) at `/jtel-widgets/frame.html`, the path the README shows, in front of the jtel
//! gateway and the emulator. A CRM page on a second loopback origin frames it with the host
//! helper (`jtel-frame-host.js`): it must see every message as a DOM event on its `<iframe>`,
//! sized to the content. A third origin frames the same page and must receive nothing.
//! Prints what each page saw (`target/reports/frame-messages.txt`).
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::{Client, Locator};
use jtel_emulator::{Config, DEFAULT_CLIENTS_ID, DEFAULT_TOKEN};
use serde_json::{json, Value};
use std::time::Duration;
use support::deployment::{deploy, MetaCsp};
use support::nginx::Nginx;
use support::site::Site;
use support::widget::{click, in_widget, type_into};
use support::{browser, report};

const FORM: &str = "jtel-acd-event-form";

/// The border of every iframe on the test pages, which are `box-sizing: border-box` (as
/// under Bootstrap or Tailwind): the helper adds it to the content's height.
const BORDERS: f64 = 4.0;

/// What the CRM page and the third party's page note: every `message` their window receives
/// (origin, which iframe sent it, type) and every event the host helper dispatches on an
/// iframe.
const WATCH: &str = r#"<script>
  window.raw = [];
  window.seen = [];
  addEventListener("message", (event) => raw.push({
    origin: event.origin,
    frame: [...document.querySelectorAll("iframe")]
      .find((iframe) => iframe.contentWindow === event.source)?.id ?? null,
    type: event.data?.type ?? null,
  }));
  for (const type of ["jtel-created", "jtel-failed", "jtel-invalid", "jtel-config-error", "jtel-resize"]) {
    document.addEventListener(type, (event) => seen.push({ frame: event.target.id, type, detail: event.detail }));
  }
</script>
<style>iframe { display: block; width: 600px; border: 2px solid #888; box-sizing: border-box; }</style>"#;

/// A page of the third origin that imitates the iframe page: told "go", it posts a created
/// event and a height of 5 px to its parent, to any origin.
const IMPOSTOR: &str = r#"<!doctype html><meta charset="utf-8"><title>Impostor</title>
<script>
  addEventListener("message", () => {
    parent.postMessage({ source: "jtel-widgets", type: "jtel-created", detail: { ID: 666 } }, "*");
    parent.postMessage({ source: "jtel-widgets", type: "jtel-resize", detail: { height: 5 } }, "*");
  });
</script>"#;

/// A page that frames `frames` (`id`, `src`, marked for the helper) with the helper loaded.
fn framing_page(title: &str, helper: &str, frames: &[(&str, String, bool)]) -> String {
    let iframes: String = frames
        .iter()
        .map(|(id, src, marked)| {
            let mark = if *marked { " data-jtel-frame" } else { "" };
            format!(
                r#"<iframe id="{id}"{mark} title="{id}" style="height: 100px" src="{}"></iframe>"#,
                src.replace('&', "&amp;")
            )
        })
        .collect();
    format!(
        r#"<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
{WATCH}
<script src="{helper}"></script></head>
<body><h1>{title}</h1>{iframes}</body></html>"#
    )
}

/// `query`'s value with `%`-escapes for a link.
fn escaped(value: &str) -> String {
    value.replace(':', "%3A").replace('/', "%2F")
}

/// Runs `script` in the top page.
async fn top(client: &Client, script: &str) -> Value {
    client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Enters the iframe `id` of the top page.
async fn enter(client: &Client, id: &str) {
    client
        .find(Locator::Id(id))
        .await
        .unwrap_or_else(|e| panic!("no iframe #{id}: {e}"))
        .enter_frame()
        .await
        .unwrap_or_else(|e| panic!("cannot enter #{id}: {e}"));
}

/// Back to the top page.
async fn leave(client: &Client) {
    client.enter_parent_frame().await.expect("back to the page");
}

/// The events the helper dispatched so far on the page's iframes.
async fn seen(client: &Client) -> Vec<Value> {
    serde_json::from_value(top(client, "return window.seen;").await).expect("a list")
}

/// Every message the page's window received so far.
async fn raw(client: &Client) -> Vec<Value> {
    serde_json::from_value(top(client, "return window.raw;").await).expect("a list")
}

/// Waits (up to 20 s) until the helper has dispatched an event `kind` on `frame` after the
/// first `from` events.
async fn wait_for_event(client: &Client, from: usize, frame: &str, kind: &str) {
    for _ in 0..400 {
        let events = seen(client).await;
        if events[from.min(events.len())..]
            .iter()
            .any(|event| event["frame"] == frame && event["type"] == kind)
        {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "no {kind} on #{frame}; the page saw {:#?}",
        seen(client).await
    );
}

/// Waits (up to 20 s) until the iframe `id` is as tall as its content (plus its borders) and
/// the last height it reported is the content's; returns that height. The page inside then
/// does not scroll.
async fn wait_until_fitted(client: &Client, id: &str) -> f64 {
    let mut last = (0.0, 0.0, None);
    for _ in 0..400 {
        enter(client, id).await;
        let inside = top(
            client,
            "return [Math.ceil(document.documentElement.getBoundingClientRect().height),
                     document.scrollingElement.scrollHeight - document.scrollingElement.clientHeight];",
        )
        .await;
        leave(client).await;
        let content = inside[0].as_f64().expect("a height");
        let outer = top(
            client,
            &format!("return document.getElementById('{id}').getBoundingClientRect().height;"),
        )
        .await
        .as_f64()
        .expect("a height");
        let reported = seen(client)
            .await
            .iter()
            .rev()
            .find(|event| event["frame"] == id && event["type"] == "jtel-resize")
            .and_then(|event| event["detail"]["height"].as_f64());
        if outer == content + BORDERS && reported == Some(content) && inside[1] == 0 {
            return content;
        }
        last = (content, outer, reported);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("#{id} never fitted its content: (content, iframe, reported) = {last:?}");
}

/// One line per event after the first `from` on `frame`, for the report.
async fn lines(client: &Client, from: usize, frame: &str) -> Vec<String> {
    seen(client).await[from..]
        .iter()
        .filter(|event| event["frame"] == frame)
        .map(|event| format!("  {} {}", event["type"].as_str().unwrap(), event["detail"]))
        .collect()
}

/// Clicks submit in the iframe `id` after typing `typed` (name, text) into its form.
async fn submit_in(client: &Client, id: &str, typed: &[(&str, &str)]) {
    enter(client, id).await;
    for (name, text) in typed {
        type_into(client, FORM, name, text).await;
    }
    click(client, FORM, "button[type=submit]").await;
    leave(client).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_frame_tells_its_host_what_happens_and_a_third_origin_nothing() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let crm = Site::start("crm").await;
    let third = Site::start("third").await;
    let deployment = json!({
        "base-url": "/jtel/public/fault-matrix",
        "group": 235,
        "parent-origins": [crm.origin()],
        "link-may-set": ["widget", "lang", "heading-level", "region"],
    })
    .to_string();
    let dist = deploy(&deployment, MetaCsp::Kept);
    let nginx = Nginx::start_framed_by(
        &dist,
        &format!("http://{}", emulator.addr()),
        DEFAULT_CLIENTS_ID,
        DEFAULT_TOKEN,
        &format!("{} {}", crm.origin(), third.origin()),
    )
    .await;
    let helper = nginx.url("jtel-widgets/jtel-frame-host.js");
    let page = nginx.url("jtel-widgets/frame.html?widget=acd-event-form");
    let to = |site: &Site| format!("{page}&parent-origin={}", escaped(&site.origin()));
    crm.write(
        "crm.html",
        &framing_page(
            "CRM",
            &helper,
            &[
                ("messages", to(&crm), true),
                ("config", format!("{}&heading-level=9", to(&crm)), true),
                ("silent", page.clone(), true),
                ("impostor", third.url("impostor.html"), false),
                ("moved", to(&crm), true),
            ],
        ),
    );
    third.write(
        "third.html",
        &framing_page(
            "Third party",
            &helper,
            &[
                ("same-link", to(&crm), true),
                ("own-origin", to(&third), true),
                ("marker", third.url("impostor.html"), false),
            ],
        ),
    );
    third.write("impostor.html", IMPOSTOR);
    let (crm_page, third_page, third_origin) =
        (crm.url("crm.html"), third.url("third.html"), third.origin());
    let faults = format!("{}/faults", emulator.control_url());

    let report = browser::with_browser(move |client| async move {
        let mut report = Vec::new();

        // The third origin frames the same link (and one naming itself): a refused submit
        // and a created event in it reach nobody there.
        client.goto(&third_page).await.expect("third page loads");
        // An unlisted parent-origin changes nothing the user sees (a console warning only).
        enter(&client, "own-origin").await;
        in_widget(&client, FORM, "[name=Sender]").await;
        let notices = client
            .find_all(Locator::Css(".jtel-frame-notice"))
            .await
            .unwrap();
        assert!(notices.is_empty(), "a notice about parent-origin");
        leave(&client).await;
        submit_in(&client, "own-origin", &[]).await;
        submit_in(&client, "same-link", &[]).await;
        submit_in(
            &client,
            "same-link",
            &[("Sender", "0199 123456789"), ("Subject", "From the third origin")],
        )
        .await;
        enter(&client, "same-link").await;
        in_widget(&client, FORM, ".jtel-success-text").await;
        leave(&client).await;
        // Messages are delivered in the order they were posted: once the marker's (posted
        // after everything above) arrived, any earlier one would have too.
        top(
            &client,
            "document.getElementById('marker').contentWindow.postMessage('go', '*');",
        )
        .await;
        let mut third_raw = Vec::new();
        for _ in 0..200 {
            third_raw = raw(&client).await;
            if third_raw.len() >= 2 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let from_frames: Vec<&Value> = third_raw
            .iter()
            .filter(|message| message["frame"] != "marker")
            .collect();
        assert_eq!(from_frames, Vec::<&Value>::new(), "the third origin got messages");
        assert_eq!(third_raw.len(), 2, "{third_raw:?}");
        assert_eq!(seen(&client).await, Vec::<Value>::new());
        report.push(format!(
            "third origin ({}), framing the same link and one naming itself, after a \
             refused submit and a created event: 0 messages from the widget's frames, 0 events \
             ({} messages from its own impostor frame, the marker)",
            third_origin,
            third_raw.len()
        ));

        // The CRM page.
        client.goto(&crm_page).await.expect("CRM page loads");
        wait_for_event(&client, 0, "messages", "jtel-resize").await;
        let height = wait_until_fitted(&client, "messages").await;
        report.push(format!("CRM page, loaded (iframe fitted to {height} px):"));
        report.extend(lines(&client, 0, "messages").await);
        wait_for_event(&client, 0, "config", "jtel-config-error").await;
        report.push("CRM page, a link with heading-level=9 (#config):".to_owned());
        report.extend(lines(&client, 0, "config").await);
        wait_until_fitted(&client, "config").await;
        // The frame without parent-origin works but says nothing.
        submit_in(&client, "silent", &[]).await;

        let mark = seen(&client).await.len();
        submit_in(&client, "messages", &[]).await;
        wait_for_event(&client, mark, "messages", "jtel-invalid").await;
        let taller = wait_until_fitted(&client, "messages").await;
        assert!(taller > height, "the errors make the content taller");
        report.push(format!(
            "CRM page, an empty submit (iframe fitted to {taller} px):"
        ));
        report.extend(lines(&client, mark, "messages").await);

        let mark = seen(&client).await.len();
        submit_in(
            &client,
            "messages",
            &[("Sender", "0199 123456789"), ("Subject", "Through the frame")],
        )
        .await;
        wait_for_event(&client, mark, "messages", "jtel-created").await;
        let created = wait_until_fitted(&client, "messages").await;
        report.push(format!(
            "CRM page, a created event (iframe fitted to {created} px):"
        ));
        report.extend(lines(&client, mark, "messages").await);

        let armed = reqwest::Client::new()
            .post(&faults)
            .bearer_auth(DEFAULT_TOKEN)
            .json(&json!({ "route": "create", "fault": { "kind": "status", "status": 400, "body": "json" } }))
            .send()
            .await
            .expect("emulator answers");
        assert_eq!(armed.status(), 200);
        let mark = seen(&client).await.len();
        enter(&client, "messages").await;
        click(&client, FORM, ".jtel-success button").await;
        leave(&client).await;
        submit_in(
            &client,
            "messages",
            &[("Sender", "0199 123456789"), ("Subject", "Refused by jtel")],
        )
        .await;
        wait_for_event(&client, mark, "messages", "jtel-failed").await;
        let failed = wait_until_fitted(&client, "messages").await;
        report.push(format!(
            "CRM page, a create jtel refused (iframe fitted to {failed} px):"
        ));
        report.extend(lines(&client, mark, "messages").await);

        // Impostors: a frame the page did not mark, and a marked frame navigated to another
        // origin, post what the widget would. The helper turns none of it into an event.
        enter(&client, "moved").await;
        top(
            &client,
            &format!("location.href = {:?};", third.url("impostor.html")),
        )
        .await;
        leave(&client).await;
        for _ in 0..200 {
            enter(&client, "moved").await;
            let origin = top(&client, "return location.origin;").await;
            leave(&client).await;
            if origin == json!(third_origin) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let before = raw(&client).await.len();
        top(
            &client,
            "for (const id of ['impostor', 'moved'])
               document.getElementById(id).contentWindow.postMessage('go', '*');",
        )
        .await;
        let mut impostors = Vec::new();
        for _ in 0..200 {
            impostors = raw(&client).await.split_off(before);
            if impostors.len() >= 4 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(impostors.len(), 4, "{impostors:?}");
        let events = seen(&client).await;
        assert!(
            events
                .iter()
                .all(|event| event["detail"]["ID"] != 666 && event["detail"]["height"] != 5),
            "an impostor's message became an event: {events:#?}"
        );
        for id in ["messages", "impostor", "moved"] {
            let height = top(
                &client,
                &format!("return document.getElementById('{id}').getBoundingClientRect().height;"),
            )
            .await;
            assert_ne!(height, json!(5.0 + BORDERS), "#{id} was resized by an impostor");
        }
        report.push(format!(
            "CRM page, impostors (an unmarked frame of another origin, a marked frame navigated \
             to another origin) posting a created event and a height of 5 px to '*': {} messages \
             received, 0 events",
            impostors.len()
        ));

        let all = raw(&client).await;
        let silent = all.iter().filter(|message| message["frame"] == "silent").count();
        assert_eq!(silent, 0, "the frame without parent-origin posted");
        report.push(
            "CRM page, the frame without parent-origin after an empty submit: 0 messages".into(),
        );
        let origins: Vec<&Value> = all
            .iter()
            .filter(|message| message["frame"] != "impostor" && message["frame"] != "moved")
            .map(|message| &message["origin"])
            .collect();
        assert!(
            origins.iter().all(|origin| **origin == json!(nginx_origin(&page))),
            "{origins:?}"
        );
        report
    })
    .await;
    let text = report.join("\n") + "\n";
    print!("{text}");
    report::write("frame-messages.txt", &text);
}

/// The origin of a URL (`http://127.0.0.1:1234/x` → `http://127.0.0.1:1234`).
fn nginx_origin(url: &str) -> String {
    let rest = url.trim_start_matches("http://");
    format!("http://{}", rest.split('/').next().unwrap_or_default())
}

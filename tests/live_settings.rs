//! Browser tests: every setting is live. Each one is changed after mount in the three ways a
//! host page has — the attribute, the camelCase property, and `update()` on the handle
//! `mount()` returns — and the next request that goes out (or the form, for settings that
//! only change what is shown) must follow it. Values of a shape an option does not take are
//! never ignored: the form is replaced by a notice, the console and a `jtel-config-error`
//! event say which option and what it accepts.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::embedded::{created, form, last_create, Widget, WAYS};
use dom::{install_canned_fetch, last_sent, sent_requests, serve};
use js_sys::Array;
use jtel_widgets::jtel_core::Field;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// One setting of the event form changed after mount, and what the next request carries.
struct Case {
    key: &'static str,
    /// Settings at mount beyond the base form.
    at_mount: &'static [(&'static str, &'static str)],
    /// The new value as attribute text.
    text: &'static str,
    /// The new value as a property / `update()` value.
    value: fn() -> JsValue,
    /// The member of the create body that must follow, and its value.
    sent: (&'static str, Value),
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            key: "event-type",
            at_mount: &[],
            text: "ticket",
            value: || "ticket".into(),
            sent: ("AcdEventTypesID", json!(6)),
        },
        Case {
            key: "group",
            at_mount: &[],
            text: "236",
            value: || 236.into(),
            sent: ("AcdGroupsID", json!(236)),
        },
        Case {
            key: "agent",
            at_mount: &[],
            text: "3",
            value: || 3.into(),
            sent: ("UsersID", json!(3)),
        },
        Case {
            key: "receiver",
            at_mount: &[("receiver", "4919900112233")],
            text: "4919900445566",
            value: || "4919900445566".into(),
            sent: ("Receiver", json!("4919900445566")),
        },
        Case {
            key: "country-code",
            at_mount: &[("country-code", "43")],
            text: "49",
            value: || 49.into(),
            sent: ("Sender", json!("49199123456789")),
        },
        Case {
            key: "region",
            at_mount: &[("region", "AT")],
            text: "DE",
            value: || "DE".into(),
            sent: ("Sender", json!("49199123456789")),
        },
        Case {
            key: "subject-template",
            // A callback without a preferred time takes `subject-template-asap`.
            at_mount: &[("event-type", "ticket")],
            text: "Call {Sender}",
            value: || "Call {Sender}".into(),
            sent: ("Subject", json!("Call 49199123456789")),
        },
        Case {
            key: "subject-template-asap",
            at_mount: &[("subject-template", "At {time}: {Sender}")],
            text: "Soon: {Sender}",
            value: || "Soon: {Sender}".into(),
            sent: ("Subject", json!("Soon: 49199123456789")),
        },
        Case {
            key: "sender",
            at_mount: &[],
            text: "0199 7654321",
            value: || "0199 7654321".into(),
            sent: ("Sender", json!("491997654321")),
        },
        Case {
            key: "subject",
            at_mount: &[],
            text: "Invoice question",
            value: || "Invoice question".into(),
            sent: ("Subject", json!("Invoice question")),
        },
        Case {
            key: "body",
            at_mount: &[],
            text: "Evenings",
            value: || "Evenings".into(),
            sent: ("Body", json!("Evenings")),
        },
        Case {
            key: "crm-url",
            at_mount: &[],
            text: "https://crm.example.com/c/9",
            value: || "https://crm.example.com/c/9".into(),
            sent: ("CrmURL", json!("https://crm.example.com/c/9")),
        },
        Case {
            key: "user-data",
            at_mount: &[],
            text: "CUST-9",
            value: || "CUST-9".into(),
            sent: ("UserData", json!("CUST-9")),
        },
    ]
}

#[wasm_bindgen_test]
async fn every_routing_and_prefill_setting_changed_after_mount_reaches_the_request() {
    for case in cases() {
        for way in WAYS {
            let base = format!("https://jtel.test/live-{}-{way:?}", case.key);
            let mut widget = form(way, &base, case.at_mount).await;
            widget.set(way, case.key, case.text, (case.value)()).await;
            let outcome = widget.submit().await;
            assert_eq!(
                outcome["status"], "created",
                "{} by {way:?}: {outcome}",
                case.key
            );
            let (body, _) = last_create(&base);
            assert_eq!(
                body[case.sent.0], case.sent.1,
                "{} by {way:?}: the request follows the new value: {body}",
                case.key
            );
        }
    }
}

#[wasm_bindgen_test]
async fn the_address_and_the_token_changed_after_mount_are_used_by_the_next_request() {
    for way in WAYS {
        let (first, second) = (
            format!("https://jtel.test/address-{way:?}-1"),
            format!("https://jtel.test/address-{way:?}-2"),
        );
        let mut widget = form(way, &first, &[]).await;
        serve(
            "POST",
            &format!("{second}/acd/events/create"),
            200,
            &created(8),
            0,
        );
        widget
            .set(way, "base-url", &second, second.clone().into())
            .await;
        widget
            .set(way, "token", "secret-1", "secret-1".into())
            .await;
        assert_eq!(widget.submit().await["status"], "created", "{way:?}");
        let (_, authorization) = last_create(&second);
        assert_eq!(authorization.as_deref(), Some("Bearer secret-1"), "{way:?}");
        assert!(
            last_sent(&format!("POST {first}/acd/events/create")).is_none(),
            "{way:?}: nothing went to the old address"
        );
    }
}

#[wasm_bindgen_test]
async fn language_read_only_fields_and_heading_level_change_what_is_shown() {
    for way in WAYS {
        let base = format!("https://jtel.test/shown-{way:?}");
        let mut widget = form(way, &base, &[]).await;
        let view = widget.view();
        view.type_into(Field::Body, "typed first").await;
        widget.set(way, "lang", "de", "de".into()).await;
        assert_eq!(
            view.text("h2").as_deref(),
            Some("Rückruf anfordern"),
            "{way:?}"
        );
        let read_only = Array::of2(&"Sender".into(), &"UserData".into());
        widget
            .set(way, "read-only", "Sender,UserData", read_only.into())
            .await;
        assert!(view.input(Field::Sender).read_only(), "{way:?}");
        assert!(view.input(Field::UserData).read_only(), "{way:?}");
        assert!(!view.input(Field::Body).read_only(), "{way:?}");
        widget.set(way, "heading-level", "3", 3.into()).await;
        assert_eq!(
            view.text("h3").as_deref(),
            Some("Rückruf anfordern"),
            "{way:?}"
        );
        assert_eq!(
            view.input(Field::Body).value(),
            "typed first",
            "{way:?}: input kept"
        );
        assert_eq!(widget.submit().await["status"], "created", "{way:?}");
        let (body, _) = last_create(&base);
        assert_eq!(body["Body"], "typed first", "{way:?}");
    }
}

#[wasm_bindgen_test]
async fn hidden_fields_leave_the_form_and_their_prefill_is_still_sent() {
    for way in WAYS {
        let base = format!("https://jtel.test/hidden-{way:?}");
        let crm_url = "https://crm.example.com/contacts/9";
        let mut widget = form(way, &base, &[("crm-url", crm_url), ("user-data", "987654")]).await;
        let view = widget.view();
        assert!(view.find("[name=CrmURL]").is_some(), "{way:?}");
        let hidden = Array::of2(&"CrmURL".into(), &"UserData".into());
        widget
            .set(way, "hidden-fields", "CrmURL,UserData", hidden.into())
            .await;
        assert!(view.find("[name=CrmURL]").is_none(), "{way:?}");
        assert!(view.find("[name=UserData]").is_none(), "{way:?}");
        assert!(view.find("[name=Sender]").is_some(), "{way:?}");
        assert_eq!(widget.submit().await["status"], "created", "{way:?}");
        let (body, _) = last_create(&base);
        assert_eq!(body["CrmURL"], crm_url, "{way:?}");
        assert_eq!(body["UserData"], "987654", "{way:?}");
    }
}

#[wasm_bindgen_test]
async fn a_shorter_timeout_set_after_mount_applies_to_the_next_request() {
    for way in WAYS {
        let base = format!("https://jtel.test/timeout-{way:?}");
        let mut widget = form(way, &base, &[]).await;
        serve(
            "POST",
            &format!("{base}/acd/events/create"),
            200,
            &created(9),
            3_000,
        );
        widget.set(way, "timeout", "1", 1.into()).await;
        let outcome = widget.submit().await;
        assert_eq!(outcome["status"], "failed", "{way:?}: {outcome}");
        assert_eq!(outcome["code"], "timeout", "{way:?}: {outcome}");
    }
}

/// The `sessionStorage` entry of form `key` for `record`, if any.
fn stored(key: &str, record: &str) -> Option<String> {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
        .get_item(&format!("jtel-widgets:draft:{key}:{record}"))
        .unwrap()
}

#[wasm_bindgen_test]
async fn draft_settings_changed_after_mount_decide_where_typing_is_kept() {
    for way in WAYS {
        let base = format!("https://jtel.test/drafts-{way:?}");
        let key = format!("drafts-{way:?}");
        let mut widget = form(way, &base, &[("draft-key", &key), ("record", "R1")]).await;
        let view = widget.view();
        view.type_into(Field::Body, "for R1").await;
        assert!(stored(&key, "R1").unwrap().contains("for R1"), "{way:?}");
        let other_key = format!("{key}-b");
        widget
            .set(way, "draft-key", &other_key, other_key.clone().into())
            .await;
        view.type_into(Field::Body, "for R1, again").await;
        assert!(
            stored(&other_key, "R1").unwrap().contains("for R1, again"),
            "{way:?}"
        );
        widget.set(way, "store-draft", "off", false.into()).await;
        widget.set(way, "record", "R2", "R2".into()).await;
        view.type_into(Field::Body, "for R2").await;
        assert_eq!(
            stored(&other_key, "R2"),
            None,
            "{way:?}: store-draft off keeps nothing"
        );
    }
}

/// How many times `GET url` was sent, after waiting (up to six seconds) for it to exceed `than`.
async fn sent_more_than(line: &str, than: usize) -> usize {
    let count = || sent_requests().lines().filter(|sent| *sent == line).count();
    for _ in 0..60 {
        if count() > than {
            break;
        }
        gloo_timers::future::sleep(std::time::Duration::from_millis(100)).await;
        yew::scheduler::flush().await;
    }
    count()
}

#[wasm_bindgen_test]
async fn the_cockpit_variable_and_its_refresh_follow_the_host() {
    install_canned_fetch();
    for way in WAYS {
        let base = format!("https://jtel.test/cockpit-{way:?}");
        let get = |id: i64| format!("GET {base}/cockpitVariables/cockpitVariable/{id}");
        for id in [192, 193] {
            let variable = json!({ "records": [{ "ID": id, "Name": format!("Variable {id}"),
                "CockpitVariableTypesID": 2, "Value": 1, "MinValue": 0, "MaxValue": 10,
                "bWritable": true, "bVisibleInCockpit": true }], "count": 1, "status": 200 });
            let url = get(id);
            serve(
                "GET",
                url.trim_start_matches("GET "),
                200,
                &variable.to_string(),
                0,
            );
        }
        let mut widget = Widget::mount(
            way,
            "jtel-cockpit-variable",
            &[("base-url", &base), ("variable", "192")],
        )
        .await;
        assert_eq!(sent_more_than(&get(192), 0).await, 1, "{way:?}");
        widget.set(way, "variable", "193", 193.into()).await;
        assert_eq!(
            sent_more_than(&get(193), 0).await,
            1,
            "{way:?}: the new variable loads"
        );
        widget.set(way, "refresh-seconds", "1", 1.into()).await;
        assert!(
            sent_more_than(&get(193), 1).await > 1,
            "{way:?}: the refresh started"
        );
        widget.view().wait_for_text(".jtel-cockpit-value").await;
    }
}

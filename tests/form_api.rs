//! Browser tests of the host page's side of the ACD event form: `ready`, `reset()`,
//! `setValues()` and `submit()` on the element and on the `mount()` handle; prefill versus
//! typed text; one draft per CRM record; a change while a request is on its way.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::embedded::{created, form, last_create, Way, WAYS};
use dom::{last_sent, serve};
use jtel_widgets::jtel_core::Field;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn set_values_submit_and_reset_work_on_the_element_and_on_the_handle() {
    for way in [Way::Attribute, Way::Update] {
        let base = format!("https://jtel.test/api-{way:?}");
        let widget = form(way, &base, &[("sender", "")]).await;
        let refused = widget.submit().await;
        assert_eq!(refused["status"], "invalid", "{way:?}: {refused}");
        assert_eq!(refused["fields"][0]["field"], "Sender", "{way:?}");
        assert_eq!(refused["fields"][0]["code"], "required", "{way:?}");

        // setValues() and submit() right after each other: the values are sent.
        widget
            .set_values(&[("Sender", "0199 5550001"), ("Body", "From the CRM")])
            .await;
        let outcome = widget.submit().await;
        assert_eq!(outcome["status"], "created", "{way:?}: {outcome}");
        assert_eq!(outcome["event"]["ID"], 7, "{way:?}");
        let (body, _) = last_create(&base);
        assert_eq!(body["Sender"], "491995550001", "{way:?}");
        assert_eq!(body["Body"], "From the CRM", "{way:?}");

        widget.reset().await;
        let view = widget.view();
        assert_eq!(
            view.input(Field::Sender).value(),
            "",
            "{way:?}: reset starts over"
        );
        assert_eq!(
            view.input(Field::Subject).value(),
            "Please call",
            "{way:?}: prefill shows"
        );
    }
}

#[wasm_bindgen_test]
async fn a_changed_prefill_replaces_untouched_fields_and_never_typed_text() {
    for way in WAYS {
        let base = format!("https://jtel.test/prefill-{way:?}");
        let mut widget = form(way, &base, &[]).await;
        let view = widget.view();
        view.type_into(Field::Subject, "My own words").await;
        widget
            .set(way, "sender", "0199 7654321", "0199 7654321".into())
            .await;
        widget
            .set(way, "subject", "From the CRM", "From the CRM".into())
            .await;
        assert_eq!(view.input(Field::Sender).value(), "0199 7654321", "{way:?}");
        assert_eq!(
            view.input(Field::Subject).value(),
            "My own words",
            "{way:?}"
        );
        assert_eq!(widget.submit().await["status"], "created", "{way:?}");
        let (body, _) = last_create(&base);
        assert_eq!(body["Sender"], "491997654321", "{way:?}");
        assert_eq!(body["Subject"], "My own words", "{way:?}");
    }
}

#[wasm_bindgen_test]
async fn each_crm_record_has_its_own_draft() {
    for way in WAYS {
        let base = format!("https://jtel.test/records-{way:?}");
        let key = format!("records-{way:?}");
        let mut widget = form(
            way,
            &base,
            &[
                ("draft-key", &key),
                ("user-data", "CUST-A"),
                ("sender", "0199 1111111"),
            ],
        )
        .await;
        let view = widget.view();
        view.type_into(Field::Body, "About A's invoice").await;

        // Record B (named by its user data): B's prefill, nothing typed for A.
        widget
            .set(way, "user-data", "CUST-B", "CUST-B".into())
            .await;
        widget
            .set(way, "sender", "0199 2222222", "0199 2222222".into())
            .await;
        assert_eq!(
            view.input(Field::Body).value(),
            "",
            "{way:?}: nothing of A on B"
        );
        assert_eq!(view.input(Field::Sender).value(), "0199 2222222", "{way:?}");

        // Back to A: A's unsent input is restored.
        widget
            .set(way, "user-data", "CUST-A", "CUST-A".into())
            .await;
        widget
            .set(way, "sender", "0199 1111111", "0199 1111111".into())
            .await;
        assert_eq!(
            view.input(Field::Body).value(),
            "About A's invoice",
            "{way:?}"
        );

        // A `record` names the record even when the prefill stays the same.
        widget
            .set(way, "record", "contact-9", "contact-9".into())
            .await;
        assert_eq!(
            view.input(Field::Body).value(),
            "",
            "{way:?}: another record"
        );
        assert_eq!(widget.submit().await["status"], "created", "{way:?}");
    }
}

#[wasm_bindgen_test]
async fn without_a_record_identity_no_draft_is_restored() {
    let base = "https://jtel.test/no-record";
    let widget = form(Way::Attribute, base, &[("draft-key", "no-record")]).await;
    widget.view().type_into(Field::Body, "typed").await;
    drop(widget);
    let again = form(Way::Attribute, base, &[("draft-key", "no-record")]).await;
    assert_eq!(again.view().input(Field::Body).value(), "");
}

#[wasm_bindgen_test]
async fn a_change_during_a_request_applies_to_the_next_one() {
    for way in WAYS {
        let base = format!("https://jtel.test/in-flight-{way:?}");
        let create = format!("{base}/acd/events/create");
        let mut widget = form(way, &base, &[]).await;
        serve("POST", &create, 200, &created(11), 300);
        // Start the request, change the group while it is on its way, then let it finish.
        let in_flight = widget.submit_started().await;
        widget.set(way, "group", "236", 236.into()).await;
        let first = in_flight.finish().await;
        assert_eq!(first["status"], "created", "{way:?}");
        let (body, _) = last_create(&base);
        assert_eq!(
            body["AcdGroupsID"], 235,
            "{way:?}: the request in flight is unchanged"
        );
        widget.view().click_button("New request").await;
        serve("POST", &create, 200, &created(12), 0);
        assert_eq!(widget.submit().await["status"], "created", "{way:?}");
        let (body, _) = last_create(&base);
        assert_eq!(
            body["AcdGroupsID"], 236,
            "{way:?}: the next request follows"
        );
        assert!(last_sent(&format!("POST {create}")).is_some());
    }
}

//! Browser tests: the `texts` option reaches every text a widget shows or hands over, also
//! outside its form — the configuration notice shown in its place, the messages `submit()`
//! resolves with, and the iframe page's notices about the link that opened it.
#![cfg(target_arch = "wasm32")]

mod dom;

use dom::embedded::{document, form, Way, Widget, WAYS};
use dom::serve;
use jtel_widgets::embed::frame;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_configuration_notice_says_the_integrators_words() {
    for way in WAYS {
        let widget = Widget::mount_unready(
            way,
            "jtel-acd-event-form",
            &[
                ("group", "235"),
                ("event-type", "nonsense"),
                ("lang", "de"),
                (
                    "texts",
                    r#"{"configuration-problem": "Bitte prüfen Sie diese Einstellungen:"}"#,
                ),
            ],
        )
        .await;
        let view = widget.view();
        assert_eq!(
            view.text(".jtel-config-notice [role=alert] p").as_deref(),
            Some("Bitte prüfen Sie diese Einstellungen:"),
            "{way:?}"
        );
        // What was not understood is still named.
        let notice = view.text(".jtel-config-notice").unwrap();
        assert!(notice.contains("event-type"), "{way:?}: {notice}");
    }
}

#[wasm_bindgen_test]
async fn submit_resolves_with_the_integrators_words() {
    let texts = r#"{"error.required": "Bitte ausfüllen", "failure.unauthorized": "Keine Berechtigung für dieses Formular"}"#;
    for way in [Way::Attribute, Way::Update] {
        let base = format!("https://jtel.test/texts-submit-{way:?}");
        let widget = form(way, &base, &[("subject", ""), ("texts", texts)]).await;
        let refused = widget.submit().await;
        assert_eq!(refused["status"], "invalid", "{way:?}: {refused}");
        assert_eq!(refused["fields"][0]["field"], "Subject", "{way:?}");
        assert_eq!(
            refused["fields"][0]["message"], "Bitte ausfüllen",
            "{way:?}"
        );

        serve("POST", &format!("{base}/acd/events/create"), 401, "", 0);
        widget.set_values(&[("Subject", "Please call")]).await;
        let failed = widget.submit().await;
        assert_eq!(failed["status"], "failed", "{way:?}: {failed}");
        assert_eq!(
            failed["message"], "Keine Berechtigung für dieses Formular",
            "{way:?}"
        );
    }
}

#[wasm_bindgen_test]
async fn the_frame_pages_notices_say_the_integrators_words() {
    let window = web_sys::window().unwrap();
    let history = window.history().unwrap();
    let before = window.location().href().unwrap();
    let deployment = document().create_element("script").unwrap();
    deployment
        .set_attribute("type", "application/json")
        .unwrap();
    deployment.set_id("jtel-deployment");
    deployment.set_text_content(Some(
        r#"{"base-url": "https://jtel.test/frame", "group": "235", "lang": "de",
            "link-may-set": ["group"],
            "texts": "{\"link-settings-marked\": \"Vom Link gesetzt: {list}\", \"link-settings-ignored\": \"Nicht übernommen: {named} und {unknown} weitere\"}"}"#,
    ));
    let main = document().create_element("main").unwrap();
    main.set_attribute("data-jtel-frame", "").unwrap();
    let body = document().body().unwrap();
    body.append_child(&deployment).unwrap();
    body.append_child(&main).unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("?group=236&subject=Hi&nonsense=1"),
        )
        .unwrap();

    frame::mount_from_url();
    yew::scheduler::flush().await;
    let notices: Vec<String> = (0..)
        .map_while(|index| {
            main.query_selector_all(".jtel-frame-notice")
                .unwrap()
                .get(index)
        })
        .filter_map(|notice| notice.text_content())
        .collect();

    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&before))
        .unwrap();
    deployment.remove();
    main.remove();
    assert_eq!(
        notices,
        [
            "Vom Link gesetzt: group “236”",
            "Nicht übernommen: subject und 1 weitere"
        ]
    );
}

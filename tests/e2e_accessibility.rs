//! Accessibility: axe-core runs in real Chromium against the demo page in every form state —
//! fresh, with validation errors, with a picker open, after a failed and after a successful
//! request, and the cockpit widgets loaded, confirming, answered, opened in the list and with
//! an invalid value — and against the iframe page. Every state must have zero violations.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Client;
use jtel_emulator::{Config, DEFAULT_TOKEN};
use support::cockpit_steps::{
    confirm, open_in_list, propose, retype, wait_for_form_value, FORM, LIST,
};
use support::deployment::{deploy, MetaCsp, LINKS_SET_FORMS};
use support::widget::{click, in_widget, type_into, wait_for_text};
use support::{browser::with_browser, dist::dist_dir, gateway};

/// axe-core's script (installed by scripts/install-tools.sh, path in `JTEL_AXE_JS`).
fn axe_script() -> String {
    let path = std::env::var("JTEL_AXE_JS")
        .expect("JTEL_AXE_JS is not set: run scripts/install-tools.sh (scripts/test.sh does)");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read axe-core at {path}: {e}"))
}

/// Runs axe-core on the current page and returns its violations as readable lines.
async fn violations(client: &Client, axe: &str) -> Vec<String> {
    client.execute(axe, vec![]).await.expect("axe-core loads");
    let result = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations), e => done([{ id: 'axe-error', help: String(e), nodes: [] }]));",
            vec![],
        )
        .await
        .expect("axe-core runs");
    result
        .as_array()
        .map(|list| {
            list.iter()
                .map(|violation| {
                    let targets: Vec<String> = violation["nodes"]
                        .as_array()
                        .map(|nodes| {
                            nodes
                                .iter()
                                .map(|node| node["target"].to_string())
                                .collect()
                        })
                        .unwrap_or_default();
                    format!(
                        "{}: {} at {}",
                        violation["id"],
                        violation["help"],
                        targets.join(", ")
                    )
                })
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected axe answer {result}")])
}

/// The cockpit widgets' states on the demo page, each with axe-core's violations: the single
/// form loaded, its confirmation open, its answer shown, a list row opened, and a value the
/// field refuses.
async fn cockpit_states(client: &Client, axe: &str) -> Vec<(String, Vec<String>)> {
    let mut report = Vec::new();
    wait_for_form_value(client, "0").await;
    report.push(("cockpit form loaded".into(), violations(client, axe).await));

    propose(client, FORM, "5", "Set 'Test Cockpit Variable' to 5?").await;
    report.push(("cockpit confirmation".into(), violations(client, axe).await));

    confirm(client, FORM).await;
    wait_for_text(client, FORM, ".jtel-success", "The value was set.").await;
    report.push(("cockpit answer".into(), violations(client, axe).await));

    open_in_list(client, "overflow").await;
    in_widget(client, LIST, ".jtel-cockpit-panel input[name=value]").await;
    report.push((
        "cockpit list row open".into(),
        violations(client, axe).await,
    ));

    retype(client, LIST, "input[name=value]", "150").await;
    click(client, LIST, "button[type=submit]").await;
    in_widget(client, LIST, ".jtel-cockpit-panel .jtel-error").await;
    report.push((
        "cockpit invalid value".into(),
        violations(client, axe).await,
    ));
    report
}

/// Requests a callback in the demo page's callback form, as a user would.
async fn request_callback(client: &Client) {
    type_into(client, "#callback", "Sender", "0199 123456789").await;
    click(client, "#callback", "button[type=submit]").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn every_form_state_has_no_axe_violations() {
    let emulator = jtel_emulator::spawn(Config::default())
        .await
        .expect("emulator starts");
    let page = gateway::start(
        deploy(LINKS_SET_FORMS, MetaCsp::Kept),
        emulator.base_url(),
        DEFAULT_TOKEN.to_owned(),
    )
    .await;
    // A second gateway with a wrong token: every request fails with 401.
    let refused = gateway::start(dist_dir(), emulator.base_url(), "wrong-token".to_owned()).await;
    let axe = axe_script();

    with_browser(move |client| async move {
        let mut report: Vec<(String, Vec<String>)> = Vec::new();
        client.goto(&format!("http://{page}/")).await.unwrap();
        in_widget(&client, "#agent-form", "[name=AcdGroupsID]").await;
        in_widget(&client, "#ticket", "[name=Subject]").await;
        report.push(("fresh page".into(), violations(&client, &axe).await));

        in_widget(&client, "#callback", "button[type=submit]")
            .await
            .click()
            .await
            .unwrap();
        in_widget(&client, "#agent-form", "button[type=submit]")
            .await
            .click()
            .await
            .unwrap();
        in_widget(&client, "#callback", ".jtel-error").await;
        report.push(("validation errors".into(), violations(&client, &axe).await));

        in_widget(&client, "#agent-form", "[name=AcdGroupsID]")
            .await
            .send_keys("s")
            .await
            .unwrap();
        in_widget(&client, "#agent-form", "[role=option]").await;
        report.push(("picker open".into(), violations(&client, &axe).await));

        request_callback(&client).await;
        in_widget(&client, "#callback", ".jtel-success").await;
        report.push(("event created".into(), violations(&client, &axe).await));
        report.extend(cockpit_states(&client, &axe).await);

        client.goto(&format!("http://{refused}/")).await.unwrap();
        request_callback(&client).await;
        in_widget(&client, "#callback", ".jtel-alert").await;
        report.push(("request failed".into(), violations(&client, &axe).await));

        client
            .goto(&format!(
                "http://{page}/frame.html?widget=acd-event-form&event-type=sms&group=235&lang=de"
            ))
            .await
            .unwrap();
        in_widget(&client, "jtel-acd-event-form", "[name=Sender]").await;
        report.push(("iframe page (de)".into(), violations(&client, &axe).await));

        let summary: String = report
            .iter()
            .map(|(state, found)| format!("axe-core: {state}: {} violations\n", found.len()))
            .collect();
        print!("{summary}");
        support::report::write("axe-core.txt", &summary);
        let failing: Vec<String> = report
            .iter()
            .flat_map(|(state, found)| found.iter().map(move |v| format!("{state}: {v}")))
            .collect();
        assert!(
            failing.is_empty(),
            "axe-core violations:\n{}",
            failing.join("\n")
        );
    })
    .await;
}

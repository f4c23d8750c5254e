//! The setValue modes (`--set-value-form`) and the fixture sets served as written
//! (`--fixtures docs-literal`, `--fixtures variant`).

use crate::support::{callback_body, config, records, Api};
use jtel_emulator::{Config, Fixtures, SetValueForms};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn with(set: &str, forms: SetValueForms) -> Api {
    Api::start_with(Config {
        fixtures: Fixtures::named_or_file(set).expect("a built-in set"),
        set_value_forms: forms,
        ..config()
    })
    .await
}

/// The `result` of a setValue request in `route` (`/7` or `?value=7`), or the empty 404.
async fn result(api: &Api, id: i64, route: &str) -> Option<i64> {
    let answer = api.set_value(id, route).await;
    if answer.status == StatusCode::NOT_FOUND {
        assert_eq!(
            answer.text, "",
            "jtel's 404 for a missing route has no body"
        );
        return None;
    }
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
    answer.json()["result"].as_i64()
}

#[tokio::test]
async fn each_mode_knows_its_set_value_forms_and_answers_the_other_with_an_empty_404() {
    let cases = [
        (SetValueForms::Path, [Some(0), None]),
        (SetValueForms::Query, [None, Some(0)]),
        (SetValueForms::Both, [Some(0), Some(0)]),
    ];
    for (forms, [path, query]) in cases {
        let api = with("default", forms).await;
        assert_eq!(result(&api, 192, "/7").await, path, "{forms:?} path");
        assert_eq!(
            result(&api, 192, "?value=8").await,
            query,
            "{forms:?} query"
        );
        let expected = query.map_or(7, |_| 8);
        assert_eq!(
            api.cockpit_variable(192).await["Value"],
            expected,
            "{forms:?}"
        );
    }
    let api = with("default", SetValueForms::Both).await;
    assert_eq!(
        api.set_value(192, "/x").await.error(400),
        "value: Enter a whole number."
    );
}

#[tokio::test]
async fn docs_literal_serves_only_the_documented_fields_and_sets_values_into_them() {
    let api = with("docs-literal", SetValueForms::Both).await;
    let documented = json!({
        "ID": 192, "Name": "Test Cockpit Variable", "Description": "Test Cockpit Variable",
        "MinValue": null, "MinBGColor": "#DC143C", "CounterAbsolute": 0, "Counter10Minutes": 0,
        "Counter30Minutes": 0, "CounterDay": 0, "dtLastModified": "2022-01-04T13:31:37.477546Z"
    });
    assert_eq!(
        records(&api.get("cockpitVariables").await.json()),
        std::slice::from_ref(&documented)
    );
    assert_eq!(result(&api, 192, "/7").await, Some(0));
    let now = api.cockpit_variable(192).await;
    assert_eq!(now["Value"], 7);
    let Value::Object(fields) = &now else {
        panic!("{now}")
    };
    let mut names: Vec<&str> = fields.keys().map(String::as_str).collect();
    names.sort_unstable();
    let mut expected: Vec<&str> = documented
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    expected.push("Value");
    expected.sort_unstable();
    assert_eq!(names, expected, "only the value is added");

    // Groups carry no `ID` in jtel's examples: the emulator cannot refute one.
    let created = api.create(&callback_body()).await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.text);
    let types: Vec<i64> = records(&api.get("acd/events/types").await.json())
        .iter()
        .map(|kind| kind["ID"].as_i64().unwrap())
        .collect();
    assert_eq!(types, [1, 2, 3, 4, 5]);
}

#[tokio::test]
async fn variant_rows_are_served_as_written_and_judged_by_what_they_mean() {
    let api = with("variant", SetValueForms::Both).await;
    let rows = records(&api.get("cockpitVariables").await.json());
    assert_eq!(rows.len(), 7, "the broken row is served too");
    assert!(rows.iter().any(|row| row["Value"] == "high"));
    let number = api.cockpit_variable(192).await;
    assert_eq!(
        (&number["Value"], &number["MaxValue"], &number["bWritable"]),
        (&json!("0"), &json!("100"), &json!(1))
    );

    assert_eq!(
        result(&api, 192, "/101").await,
        Some(4),
        "\"MaxValue\": \"100\" holds"
    );
    assert_eq!(
        result(&api, 192, "/0").await,
        Some(3),
        "\"Value\": \"0\" is 0"
    );
    assert_eq!(result(&api, 192, "/42").await, Some(0));
    let number = api.cockpit_variable(192).await;
    assert_eq!(
        (&number["Value"], &number["MaxValue"]),
        (&json!(42), &json!("100")),
        "the rest keeps its spelling"
    );
    assert_eq!(result(&api, 193, "/1").await, Some(1), "\"bWritable\": 0");
    assert_eq!(
        result(&api, 196, "/1").await,
        Some(2),
        "\"bVisibleInCockpit\": 0"
    );
    assert_eq!(api.cockpit_variable(198).await["Value"], "high");
}

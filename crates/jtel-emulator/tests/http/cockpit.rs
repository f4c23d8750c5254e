//! setValue: the five results, each in an HTTP 200, and the 400 for a bad `value`.

use crate::support::{records, Api};

/// setValue's `(result, error)` after checking the rest of the answer.
pub async fn set_value(api: &Api, id: i64, value: i64) -> (i64, String) {
    let answer = api.set_value(id, &format!("?value={value}")).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    let body = answer.json();
    assert_eq!(body["status"], 200, "{body}");
    (
        body["result"].as_i64().expect("a result"),
        body["error"].as_str().expect("an error text").to_owned(),
    )
}

#[tokio::test]
async fn a_new_value_in_range_is_set_and_kept() {
    let api = Api::start().await;
    let before = api.cockpit_variable(192).await;
    assert_eq!(set_value(&api, 192, 42).await, (0, String::new()));
    let after = api.cockpit_variable(192).await;
    assert_eq!(after["Value"], 42);
    assert_ne!(after["dtLastModified"], before["dtLastModified"]);
    let listed = records(&api.get("cockpitVariables").await.json());
    assert!(listed.contains(&after), "the list shows the new value too");
    assert_eq!(set_value(&api, 194, 1).await.0, 0, "on/off accepts 1");
    assert_eq!(
        set_value(&api, 195, 100).await.0,
        0,
        "a percentage accepts 100"
    );
}

#[tokio::test]
async fn every_refusal_has_its_result_and_changes_nothing() {
    let api = Api::start().await;
    let cases = [
        (193, 5, 1, "read-only"),
        (4242, 5, 2, "does not exist"),
        (196, 1, 2, "not visible"),
        (192, 0, 3, "already has this value"),
        (192, 101, 4, "from 0 to 100"),
        (192, -1, 4, "from 0 to 100"),
        (194, 2, 4, "from 0 to 1"),
        (195, 101, 4, "from 0 to 100"),
    ];
    let before = records(&api.get("cockpitVariables").await.json());
    for (id, value, expected, reason_part) in cases {
        let (result, reason) = set_value(&api, id, value).await;
        assert_eq!(result, expected, "variable {id} value {value}: {reason}");
        assert!(
            reason.contains(reason_part),
            "{reason:?} should contain {reason_part:?}"
        );
    }
    assert_eq!(records(&api.get("cockpitVariables").await.json()), before);
}

#[tokio::test]
async fn a_missing_or_non_integer_value_is_a_400() {
    let api = Api::start().await;
    let cases = [
        ("", "value: Fill in this field."),
        ("?value=", "value: Fill in this field."),
        ("?other=1", "value: Fill in this field."),
        ("?value=abc", "value: Enter a whole number."),
        ("?value=1.5", "value: Enter a whole number."),
        ("?value=%201", "value: Enter a whole number."),
    ];
    for (query, expected) in cases {
        assert_eq!(
            api.set_value(192, query).await.error(400),
            expected,
            "{query}"
        );
    }
    assert!(api
        .set_value(192, "?value=1&value=2")
        .await
        .error(400)
        .contains("value"));
    assert_eq!(api.cockpit_variable(192).await["Value"], 0);
}

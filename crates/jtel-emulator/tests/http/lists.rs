//! Every list route returns its fixtures in jtel's list envelope; get-by-id in the single one.

use crate::support::{records, Api};
use jtel_emulator::Fixtures;
use serde_json::{json, Value};

/// `(route, fixtures list, orderBy)` for every list route.
const LISTS: [(&str, &str, &str); 6] = [
    ("acd/events", "acdEvents", "dtCreated"),
    ("acd/events/types", "acdEventTypes", "ID"),
    ("acd/groups", "acdGroups", "Name"),
    ("users", "users", "UID"),
    ("serviceNumbers", "serviceNumbers", "Name2"),
    ("cockpitVariables", "cockpitVariables", "Name"),
];

fn by_id(mut rows: Vec<Value>) -> Vec<Value> {
    rows.sort_by_key(|row| row["ID"].as_i64());
    rows
}

#[tokio::test]
async fn every_list_returns_all_its_fixtures_sorted_in_the_envelope() {
    let api = Api::start().await;
    let fixtures = serde_json::to_value(Fixtures::default()).unwrap();
    for (route, list, order_by) in LISTS {
        let answer = api.get(route).await;
        assert_eq!(answer.status, 200, "{route}: {}", answer.text);
        let envelope = answer.json();
        let rows = records(&envelope);
        let expected = fixtures[list].as_array().unwrap().clone();
        assert!(!expected.is_empty(), "{list}");
        assert_eq!(
            envelope,
            json!({
                "filter": "", "limitStart": 0, "limitPageSize": -1, "records": rows, "count": expected.len(),
                "orderBy": order_by, "ascending": true, "status": 200
            }),
            "{route}"
        );
        assert_eq!(by_id(rows.clone()), by_id(expected), "{route}");
        let keys: Vec<_> = rows
            .iter()
            .map(|row| (row[order_by].as_i64(), row[order_by].as_str()))
            .collect();
        assert!(
            keys.is_sorted(),
            "{route} is not sorted by {order_by}: {keys:?}"
        );
    }
}

#[tokio::test]
async fn the_lists_hold_the_documented_examples() {
    let api = Api::start().await;
    let groups = records(&api.get("acd/groups").await.json());
    assert!(groups
        .iter()
        .any(|group| group["ID"] == 235 && group["Name"] == "Customer Service"));
    let numbers = records(&api.get("serviceNumbers").await.json());
    assert!(numbers.contains(&json!({"ID": 1, "Name": "4919900112233", "Name2": "Hotline"})));
    let users = records(&api.get("users").await.json());
    assert!(users
        .iter()
        .any(|user| user["ID"] == 3 && user["UID"].is_string() && user["LastName"].is_string()));
    let types = records(&api.get("acd/events/types").await.json());
    let short_texts: Vec<_> = types
        .iter()
        .map(|kind| kind["ShortText"].as_str().unwrap())
        .collect();
    let names = ["VoiceMail", "Fax", "Callback", "SMS", "Email", "Ticket"];
    assert_eq!(
        short_texts,
        names.map(|name| format!("AcdEventTypes.{name}"))
    );
}

#[tokio::test]
async fn a_cockpit_variable_comes_alone_in_the_single_envelope() {
    let api = Api::start().await;
    let envelope = api.get("cockpitVariables/cockpitVariable/192").await.json();
    assert_eq!(envelope["count"], 1);
    assert_eq!(envelope["status"], 200);
    assert_eq!(
        records(&envelope),
        [json!({
            "ID": 192, "Name": "Test Cockpit Variable", "Description": "Test Cockpit Variable",
            "CockpitVariableTypesID": 2, "Value": 0, "MinValue": 0, "MaxValue": 100,
            "MinBGColor": "#DC143C", "MaxBGColor": "#228B22", "bWritable": true, "bVisibleInCockpit": true,
            "CounterAbsolute": 0, "Counter10Minutes": 0, "Counter30Minutes": 0, "CounterDay": 0,
            "dtLastModified": "2022-01-04T13:31:37.477546Z"
        })]
    );
}

#[tokio::test]
async fn a_missing_cockpit_variable_is_a_404_with_a_reason() {
    let api = Api::start().await;
    assert!(api
        .get("cockpitVariables/cockpitVariable/4242")
        .await
        .error(404)
        .contains("4242"));
    assert!(api
        .get("cockpitVariables/cockpitVariable/x")
        .await
        .error(400)
        .contains("CockpitVariablesID"));
}

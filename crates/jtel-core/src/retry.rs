//! Never a duplicate: after an ambiguous failure (a dropped connection or a timeout, so the
//! event may exist), the gateway (`jtel-gateway`'s idempotency) first looks for the event it
//! sent among the recent ones and only creates it again when it is not there. The browser
//! never does this itself: it cannot read the event list.

use crate::model::{AcdEvent, CreateAcdEvent};

/// How far apart the browser's clock and an event's `dtCreated` may be and still count as
/// "just sent": a day covers every server time zone (jtel writes server-local times without a
/// zone) and a slow retry.
pub const RECENT_MILLIS: i64 = 24 * 60 * 60 * 1000;

/// The newest event in `events` that `request` created, if any: same type, group, agent,
/// sender, receiver and subject, a body that holds the sent `Body` (jtel says `Body` "will be
/// added to the event body data", so it may come back with more), created within
/// [`RECENT_MILLIS`] of `now_millis`.
pub fn find_sent_event<'a>(
    events: &'a [AcdEvent],
    request: &CreateAcdEvent,
    now_millis: i64,
) -> Option<&'a AcdEvent> {
    events
        .iter()
        .filter(|event| {
            event.acd_event_types_id == Some(request.acd_event_types_id)
                && event.acd_groups_id == Some(request.acd_groups_id)
                && event.users_id == request.users_id
                && event.sender.as_deref() == Some(request.sender.as_str())
                && event.receiver == request.receiver
                && event.subject.as_deref() == Some(request.subject.as_str())
                && match (&request.body, &event.body) {
                    (None, _) => true,
                    (Some(sent), Some(stored)) => stored.contains(sent.as_str()),
                    (Some(_), None) => false,
                }
                && event.dt_created.is_some_and(|created| {
                    (now_millis - created.to_unix_millis()).abs() <= RECENT_MILLIS
                })
        })
        .max_by_key(|event| event.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timestamp::{Timestamp, Zone};

    const NOW: i64 = 1_796_000_000_000;

    fn request() -> CreateAcdEvent {
        CreateAcdEvent {
            acd_event_types_id: 3,
            acd_groups_id: 235,
            sender: "49199123456789".into(),
            subject: "Callback request".into(),
            body: Some("Please call".into()),
            ..Default::default()
        }
    }

    fn stored(id: i64, request: &CreateAcdEvent, created_millis: i64) -> AcdEvent {
        AcdEvent {
            id: Some(id),
            acd_event_types_id: Some(request.acd_event_types_id),
            acd_groups_id: Some(request.acd_groups_id),
            users_id: request.users_id,
            sender: Some(request.sender.clone()),
            receiver: request.receiver.clone(),
            subject: Some(request.subject.clone()),
            body: request.body.clone(),
            dt_created: Some(Timestamp::from_unix_millis(
                created_millis,
                Zone::ServerLocal,
            )),
            ..Default::default()
        }
    }

    #[test]
    fn finds_the_newest_matching_recent_event() {
        let sent = request();
        let events = vec![
            stored(1, &sent, NOW - 1000),
            stored(7, &sent, NOW - 500),
            stored(9, &sent, NOW - 3 * RECENT_MILLIS),
        ];
        assert_eq!(
            find_sent_event(&events, &sent, NOW).and_then(|e| e.id),
            Some(7)
        );
    }

    #[test]
    fn ignores_other_requests_and_old_ones() {
        let sent = request();
        let mut other = request();
        other.subject = "Something else".into();
        let mut other_agent = request();
        other_agent.users_id = Some(3);
        let events = vec![
            stored(1, &other, NOW),
            stored(2, &other_agent, NOW),
            stored(3, &sent, NOW - 2 * RECENT_MILLIS),
        ];
        assert_eq!(find_sent_event(&events, &sent, NOW), None);
    }

    #[test]
    fn the_body_may_come_back_with_more_around_it() {
        let sent = request();
        let mut event = stored(4, &sent, NOW);
        event.body = Some("Callback data\nPlease call\n".into());
        let events = vec![event];
        assert_eq!(
            find_sent_event(&events, &sent, NOW).and_then(|e| e.id),
            Some(4)
        );
        let mut other = request();
        other.body = Some("Something else".into());
        assert_eq!(find_sent_event(&events, &other, NOW), None);
    }

    #[test]
    fn unix_time_round_trips_through_timestamps() {
        for millis in [0, 951_782_400_123, NOW, -86_400_000] {
            assert_eq!(
                Timestamp::from_unix_millis(millis, Zone::Utc).to_unix_millis(),
                millis
            );
            assert_eq!(
                Timestamp::from_unix_millis(millis, Zone::OffsetMinutes(120)).to_unix_millis(),
                millis
            );
        }
    }
}

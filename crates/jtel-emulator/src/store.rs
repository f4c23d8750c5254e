//! The emulator's data: the fixtures plus the changes made through the API.
//!
//! Fixtures never change; created events, set cockpit values and cockpit variables changed
//! through the control route live in a
//! [`State`](crate::persistence::State) that is saved to the `--state` file (if any) before a
//! change becomes visible, so a failed save changes nothing.

use crate::cockpit;
use crate::fixtures::Fixtures;
use crate::persistence::{self, CockpitValue, State};
use crate::served;
use jtel_core::model::{AcdEvent, CockpitVariable, CreateAcdEvent};
use jtel_core::outcome::SetValueResult;
use jtel_core::timestamp::{Timestamp, Zone};
use jtel_core::{ErrorCode, EventKind, Field, FieldError};
use serde_json::Value;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

/// The id of the first created event when no event exists yet.
const FIRST_EVENT_ID: i64 = 1001;
/// `AcdEventStatusID` of a new event (the only status the jtel docs show).
const NEW_EVENT_STATUS: i64 = 20;

/// Fixtures plus changes, with the optional file the changes are saved to.
pub struct Store {
    fixtures: Arc<Fixtures>,
    state: State,
    state_file: Option<PathBuf>,
}

impl Store {
    /// A store over `fixtures`, with the changes already saved in `state_file` if it exists.
    pub async fn open(fixtures: Arc<Fixtures>, state_file: Option<PathBuf>) -> io::Result<Self> {
        let state = match &state_file {
            Some(path) => persistence::load(path).await?.unwrap_or_default(),
            None => State::default(),
        };
        Ok(Self {
            fixtures,
            state,
            state_file,
        })
    }

    /// Every event: the fixtures' first, then the created ones in creation order.
    pub fn events(&self) -> impl Iterator<Item = &AcdEvent> {
        self.fixtures
            .acd_events
            .iter()
            .chain(&self.state.acd_events)
    }

    /// Every cockpit variable with its current value.
    pub fn cockpit_variables(&self) -> Vec<CockpitVariable> {
        self.fixtures
            .cockpit_variables
            .iter()
            .map(|variable| self.current(variable))
            .collect()
    }

    /// The cockpit variable with this id, with its current value.
    pub fn cockpit_variable(&self, id: i64) -> Option<CockpitVariable> {
        let variable = self
            .fixtures
            .cockpit_variables
            .iter()
            .find(|variable| variable.id == Some(id))?;
        Some(self.current(variable))
    }

    /// Every event as served: the fixtures' rows (as written, if the set is), then the created
    /// ones.
    pub fn event_rows(&self) -> Vec<Value> {
        let mut rows = served::rows(&self.fixtures, &self.fixtures.acd_events, |lists| {
            &lists.acd_events
        });
        rows.extend(self.state.acd_events.iter().map(served::to_json));
        rows
    }

    /// Every cockpit variable as served: as written, if the set is, with the changes made
    /// through the API written in; else the typed rows with their current values.
    pub fn cockpit_variable_rows(&self) -> Vec<Value> {
        let Some(lists) = &self.fixtures.written else {
            return self
                .cockpit_variables()
                .iter()
                .map(served::to_json)
                .collect();
        };
        lists
            .cockpit_variables
            .iter()
            .map(|row| match served::read::<CockpitVariable>(row) {
                Some(fixture) if fixture.id.is_some() => {
                    served::with_changes(row, &fixture, &self.current(&fixture))
                }
                _ => row.clone(),
            })
            .collect()
    }

    /// The ids and numbers in a create request that name nothing in the fixtures, as
    /// [`ErrorCode::UnknownReference`] problems: the event type, the ACD group, the agent if one is given,
    /// and for telephone events the receiver, which must be a configured service number.
    pub fn unknown_references(&self, request: &CreateAcdEvent) -> Vec<FieldError> {
        let fixtures = &self.fixtures;
        let type_id = Some(request.acd_event_types_id);
        // A list whose rows carry no id (jtel's documented examples show none for groups and
        // users) cannot refute an id: it is accepted.
        let known = |ids: Vec<Option<i64>>, id: Option<i64>| {
            ids.contains(&id) || (!ids.is_empty() && ids.iter().all(Option::is_none))
        };
        let type_known = known(
            fixtures
                .acd_event_types
                .iter()
                .map(|kind| kind.id)
                .collect(),
            type_id,
        );
        let group_id = Some(request.acd_groups_id);
        let group_known = known(
            fixtures.acd_groups.iter().map(|group| group.id).collect(),
            group_id,
        );
        let user_ids: Vec<_> = fixtures.users.iter().map(|user| user.id).collect();
        let user_known = request.users_id.is_none_or(|id| known(user_ids, Some(id)));
        let is_service_number = |receiver: &String| {
            let mut numbers = fixtures.service_numbers.iter();
            numbers.any(|number| number.name.as_ref() == Some(receiver))
        };
        let receiver_known = !EventKind::from_type_id(request.acd_event_types_id).is_telephone()
            || request.receiver.as_ref().is_none_or(is_service_number);
        [
            (type_known, Field::AcdEventTypesId),
            (group_known, Field::AcdGroupsId),
            (user_known, Field::UsersId),
            (receiver_known, Field::Receiver),
        ]
        .into_iter()
        .filter(|(known, _)| !known)
        .map(|(_, field)| FieldError::new(field, ErrorCode::UnknownReference))
        .collect()
    }

    /// Creates an event from a request that passed validation and names known objects: the
    /// next free id, status 20, `dtCreated` and `dtLastModified` now.
    pub async fn create_event(&mut self, request: CreateAcdEvent) -> io::Result<AcdEvent> {
        let id = self
            .events()
            .filter_map(|event| event.id)
            .max()
            .map_or(FIRST_EVENT_ID, |id| id.saturating_add(1));
        let now = now();
        let event = AcdEvent {
            id: Some(id),
            acd_event_types_id: Some(request.acd_event_types_id),
            acd_groups_id: Some(request.acd_groups_id),
            users_id: request.users_id,
            sender: Some(request.sender),
            receiver: request.receiver,
            subject: Some(request.subject),
            body: request.body,
            crm_url: request.crm_url,
            user_data: request.user_data,
            acd_event_status_id: Some(NEW_EVENT_STATUS),
            dt_created: Some(now),
            dt_last_modified: Some(now),
            ..AcdEvent::default()
        };
        let mut next = self.state.clone();
        next.acd_events.push(event.clone());
        self.commit(next).await?;
        Ok(event)
    }

    /// Applies setValue: decides the result with [`cockpit::judge`] and stores the value
    /// only when the result is [`SetValueResult::Set`]. Returns the result and its reason text.
    pub async fn set_cockpit_value(
        &mut self,
        id: i64,
        value: i64,
    ) -> io::Result<(SetValueResult, String)> {
        let verdict = cockpit::judge(self.cockpit_variable(id).as_ref(), value);
        if verdict.0 == SetValueResult::Set {
            let mut next = self.state.clone();
            next.cockpit_values.retain(|saved| saved.id != id);
            next.cockpit_values.push(CockpitValue {
                id,
                value,
                dt_last_modified: now(),
            });
            self.commit(next).await?;
        }
        Ok(verdict)
    }

    /// Changes the cockpit variable `id` with `change` (the control route, no setValue rules)
    /// and stamps it with the current time; the changed variable replaces the fixture's row
    /// from now on. Returns it, or `None` (and changes nothing) when no variable has this id.
    pub async fn change_cockpit_variable(
        &mut self,
        id: i64,
        change: impl FnOnce(&mut CockpitVariable),
    ) -> io::Result<Option<CockpitVariable>> {
        let Some(mut variable) = self.cockpit_variable(id) else {
            return Ok(None);
        };
        change(&mut variable);
        variable.id = Some(id);
        variable.dt_last_modified = Some(now());
        let mut next = self.state.clone();
        // The changed variable carries its value now; a later setValue saves a new one again.
        next.cockpit_values.retain(|saved| saved.id != id);
        next.cockpit_variables
            .retain(|changed| changed.id != Some(id));
        next.cockpit_variables.push(variable.clone());
        self.commit(next).await?;
        Ok(Some(variable))
    }

    /// The fixture row `variable` as it is now: replaced by its changed version from the control
    /// route, if any, then with the value last set through setValue, if any.
    fn current(&self, variable: &CockpitVariable) -> CockpitVariable {
        let mut current = self
            .state
            .cockpit_variables
            .iter()
            .find(|changed| changed.id == variable.id)
            .unwrap_or(variable)
            .clone();
        if let Some(saved) = self
            .state
            .cockpit_values
            .iter()
            .find(|saved| Some(saved.id) == variable.id)
        {
            current.value = Some(saved.value);
            current.dt_last_modified = Some(saved.dt_last_modified);
        }
        current
    }

    /// Saves `next` (if there is a state file) and only then makes it the current state.
    async fn commit(&mut self, next: State) -> io::Result<()> {
        if let Some(path) = &self.state_file {
            persistence::save(path, &next).await?;
        }
        self.state = next;
        Ok(())
    }
}

/// The current time as the jtel server writes it (no zone; the emulator's "local" is UTC).
fn now() -> Timestamp {
    let millis = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_millis());
    Timestamp::from_unix_millis(i64::try_from(millis).unwrap_or(i64::MAX), Zone::ServerLocal)
}

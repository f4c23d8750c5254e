//! Loading master data for the pickers (groups, agents, service numbers, event types), on the
//! one loading hook, [`use_load`].

use crate::api::JtelClient;
use crate::components::picker::PickerOption;
use crate::load::{use_load, LoadState};
use jtel_core::messages::{ui_text, UiText};
use jtel_core::outcome::ApiError;
use jtel_core::{EventKind, Language};
use std::rc::Rc;
use yew::prelude::*;

/// The master data a picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionSource {
    /// `acd/events/types`, labelled with the kind's name.
    EventTypes,
    /// `acd/groups`, labelled with the group name.
    Groups,
    /// `users`, labelled with the agent's name and login.
    Users,
    /// `serviceNumbers`: the number is the value, its name the label.
    ServiceNumbers,
}

/// A picker's options as loaded: shared, so every render can hand them to the picker.
pub type PickerOptions = Rc<Vec<PickerOption>>;

/// Loads the options of `source`, labelled in `language`, when `wanted` (with [`use_load`],
/// again whenever the client or the language changes); `None` when not wanted (the host page
/// fixed the value).
#[hook]
pub fn use_options(
    client: JtelClient,
    source: OptionSource,
    wanted: bool,
    language: Language,
) -> Option<LoadState<PickerOptions>> {
    let load = use_load(
        (client, source, wanted, language),
        |(client, source, wanted, language)| async move {
            if wanted {
                load(&client, source, language).await.map(Rc::new)
            } else {
                Ok(PickerOptions::default())
            }
        },
    );
    wanted.then(|| (*load.state).clone())
}

async fn load(
    client: &JtelClient,
    source: OptionSource,
    language: Language,
) -> Result<Vec<PickerOption>, ApiError> {
    let id_text = |id: Option<i64>| id.map(|id| id.to_string());
    Ok(match source {
        OptionSource::EventTypes => client
            .event_types()
            .await?
            .into_iter()
            .filter_map(|row| {
                let id = row.id?;
                let name = ui_text(&UiText::KindName(EventKind::from_type_id(id)), language);
                Some(PickerOption::new(id.to_string(), name))
            })
            .collect(),
        OptionSource::Groups => client
            .groups()
            .await?
            .into_iter()
            .filter_map(|row| {
                let id = id_text(row.id)?;
                let label = row.name.unwrap_or_else(|| id.clone());
                Some(PickerOption::new(id, label))
            })
            .collect(),
        OptionSource::Users => client
            .users()
            .await?
            .into_iter()
            .filter_map(|row| {
                let id = id_text(row.id)?;
                let name = [row.first_name, row.last_name]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                let label = match (name.is_empty(), row.uid) {
                    (false, Some(uid)) => format!("{name} ({uid})"),
                    (false, None) => name,
                    (true, Some(uid)) => uid,
                    (true, None) => id.clone(),
                };
                Some(PickerOption::new(id, label))
            })
            .collect(),
        OptionSource::ServiceNumbers => client
            .service_numbers()
            .await?
            .into_iter()
            .filter_map(|row| {
                let number = row.name?;
                let label = match row.name2 {
                    Some(name) => format!("{name} (+{number})"),
                    None => format!("+{number}"),
                };
                Some(PickerOption::new(number, label))
            })
            .collect(),
    })
}

//! Hooks that load master data for the pickers.

use crate::api::JtelClient;
use crate::components::picker::PickerOption;
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

/// Where loading a picker's options stands.
#[derive(Debug, Clone, PartialEq)]
pub enum Options {
    /// Not asked for (the host page fixed the value).
    Unused,
    /// On its way.
    Loading,
    /// Loaded.
    Ready(Rc<Vec<PickerOption>>),
    /// The request failed.
    Failed(ApiError),
}

/// Loads the options of `source` once when `wanted`, labelled in `language`.
#[hook]
pub fn use_options(
    client: JtelClient,
    source: OptionSource,
    wanted: bool,
    language: Language,
) -> Options {
    let options = use_state(|| {
        if wanted {
            Options::Loading
        } else {
            Options::Unused
        }
    });
    {
        let options = options.clone();
        use_effect_with(
            (client, source, wanted, language),
            move |(client, source, wanted, language)| {
                if *wanted {
                    let (client, source, language) = (client.clone(), *source, *language);
                    wasm_bindgen_futures::spawn_local(async move {
                        options.set(match load(&client, source, language).await {
                            Ok(loaded) => Options::Ready(Rc::new(loaded)),
                            Err(error) => Options::Failed(error),
                        });
                    });
                }
            },
        );
    }
    (*options).clone()
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

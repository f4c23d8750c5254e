//! Loading master data for the pickers (groups, agents, service numbers, event types), on the
//! one loading hook, [`use_load`].

use crate::api::JtelClient;
use crate::components::picker::PickerOption;
use crate::load::{use_load, LoadState};
use jtel_core::messages::Texts;
use jtel_core::outcome::ApiError;
use jtel_core::wire::Records;
use std::rc::Rc;
use yew::prelude::*;

/// The master data a picker offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionSource {
    /// `acd/events/types`, labelled from jtel's `ShortText` key.
    EventTypes,
    /// `acd/groups`, labelled with the group name.
    Groups,
    /// `users`, labelled with the agent's name and login.
    Users,
    /// `serviceNumbers`: the number is the value, its name the label.
    ServiceNumbers,
}

/// A picker's options as loaded (shared, so every render can hand them to the picker), and
/// how many rows of the answer could not be read or offered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PickerOptions {
    /// The options, in the server's order.
    pub options: Rc<Vec<PickerOption>>,
    /// Rows that could not be read, or had no id (no number, for service numbers).
    pub unreadable: usize,
}

/// Loads the options of `source`, labelled with `texts`, when `wanted` (with [`use_load`],
/// again whenever the client or the texts change); `None` when not wanted (the host page
/// fixed the value).
#[hook]
pub fn use_options(
    client: JtelClient,
    source: OptionSource,
    wanted: bool,
    texts: Texts,
) -> Option<LoadState<PickerOptions>> {
    let load = use_load(
        (client, source, wanted, texts),
        |(client, source, wanted, texts)| async move {
            if wanted {
                load(&client, source, &texts).await
            } else {
                Ok(PickerOptions::default())
            }
        },
    );
    wanted.then(|| (*load.state).clone())
}

/// The options of `source`, and how many rows could not be read or offered.
async fn load(
    client: &JtelClient,
    source: OptionSource,
    texts: &Texts,
) -> Result<PickerOptions, ApiError> {
    let id_text = |id: Option<i64>| id.map(|id| id.to_string());
    Ok(match source {
        OptionSource::EventTypes => offer(client.event_types().await?, |row| {
            let id = row.id?;
            let label = texts.event_type_label(id, row.short_text.as_deref());
            Some(PickerOption::new(id.to_string(), label))
        }),
        OptionSource::Groups => offer(client.groups().await?, |row| {
            let id = id_text(row.id)?;
            let label = row.name.unwrap_or_else(|| id.clone());
            Some(PickerOption::new(id, label))
        }),
        OptionSource::Users => offer(client.users().await?, |row| {
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
        }),
        OptionSource::ServiceNumbers => offer(client.service_numbers().await?, |row| {
            let number = row.name?;
            let label = match row.name2 {
                Some(name) => format!("{name} (+{number})"),
                None => format!("+{number}"),
            };
            Some(PickerOption::new(number, label))
        }),
    })
}

/// The options `option` makes of the rows read; the rows not read and those it made nothing
/// of are counted as unreadable.
fn offer<T>(records: Records<T>, option: impl FnMut(T) -> Option<PickerOption>) -> PickerOptions {
    let total = records.total();
    let options: Vec<PickerOption> = records.read.into_iter().filter_map(option).collect();
    PickerOptions {
        unreadable: total - options.len(),
        options: Rc::new(options),
    }
}

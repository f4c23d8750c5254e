//! The command line of the `jtel-emulator` binary, parsed by hand.

use crate::emulator::{Config, SetValueForms, DEFAULT_CLIENTS_ID, DEFAULT_TOKEN};
use crate::fixtures::Fixtures;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

/// The address listened on when `--listen` is not given.
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8787);

/// The `--help` text.
pub const USAGE: &str = "\
Usage: jtel-emulator [OPTIONS]

A local stand-in for the jtel ACD REST server, for the jtel-widgets demo and tests.

Options:
  --listen ADDR      address to listen on (default 127.0.0.1:8787; port 0 picks a free port)
  --token TOKEN      bearer token clients must send (default jtel-demo-token)
  --clients-id ID    the ClientsID path segment clients must use (default 1)
  --fixtures SET     the master data to serve: default (fixtures/default.json), docs-literal
                     (only what jtel's documentation shows), variant (0/1 flags, decimals,
                     numeric strings, missing and extra fields, broken rows), or a JSON FILE of
                     the same shape; all but default are served exactly as written
  --set-value-form F which setValue form the server knows: path (.../setValue/{value}), query
                     (.../setValue?value=) or both (default); the other one gets jtel's empty 404
  --state FILE       keep created events, set cockpit values and control-route cockpit
                     changes in FILE across restarts (armed faults are not kept)
  -h, --help         print this help

Control routes for tests (outside /rest, same bearer token, no ClientsID):
  PATCH  /_emulator/cockpitVariables/ID  overwrite fields of a cockpit variable
  POST   /_emulator/faults               arm a fault for the next jtel requests, e.g.
         {\"route\": \"create\", \"fault\": {\"kind\": \"status\", \"status\": 503}, \"times\": 1}
         (kinds: latency, status, malformed, html, drop_before, drop_after, hang)
  GET    /_emulator/faults               list the faults still armed
  DELETE /_emulator/faults               disarm all faults
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Print [`USAGE`] and exit.
    Help,
    /// Run the emulator.
    Run(Options),
}

/// The options of a run, with the defaults filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// `--listen`.
    pub listen: SocketAddr,
    /// `--token`.
    pub token: String,
    /// `--clients-id`.
    pub clients_id: u64,
    /// `--fixtures`: a set's name or a file; `None` uses the default set.
    pub fixtures: Option<String>,
    /// `--set-value-form`.
    pub set_value_forms: SetValueForms,
    /// `--state`.
    pub state: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            listen: DEFAULT_LISTEN,
            token: DEFAULT_TOKEN.to_owned(),
            clients_id: DEFAULT_CLIENTS_ID,
            fixtures: None,
            set_value_forms: SetValueForms::default(),
            state: None,
        }
    }
}

impl Options {
    /// The emulator configuration, reading the fixtures file if one was given.
    pub fn config(&self) -> io::Result<Config> {
        let fixtures = match &self.fixtures {
            Some(set) => Fixtures::named_or_file(set)?,
            None => Fixtures::default(),
        };
        Ok(Config {
            token: self.token.clone(),
            clients_id: self.clients_id,
            fixtures,
            set_value_forms: self.set_value_forms,
            state_file: self.state.clone(),
        })
    }
}

/// Parses the arguments after the program name. Options take their value as the next
/// argument or after `=` (`--listen=127.0.0.1:0`). `Err` holds a message for the user; the
/// binary prints it with the usage and exits with status 2.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, mut inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg, None),
        };
        let mut value = || {
            let value = inline
                .take()
                .or_else(|| args.next().filter(|next| !next.starts_with("--")));
            value
                .filter(|value| !value.is_empty())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--listen" => {
                let value = value()?;
                options.listen = value.parse().map_err(|_| {
                    format!("--listen wants an address such as 127.0.0.1:8787, not {value:?}")
                })?;
            }
            "--token" => options.token = value()?,
            "--clients-id" => {
                let value = value()?;
                options.clients_id = value.parse().ok().filter(|id| *id > 0).ok_or_else(|| {
                    format!("--clients-id wants a whole number greater than 0, not {value:?}")
                })?;
            }
            "--fixtures" => options.fixtures = Some(value()?),
            "--set-value-form" => {
                let value = value()?;
                options.set_value_forms = SetValueForms::from_name(&value).ok_or_else(|| {
                    format!("--set-value-form wants path, query or both, not {value:?}")
                })?;
            }
            "--state" => options.state = Some(PathBuf::from(value()?)),
            _ if flag.starts_with('-') => return Err(format!("unknown option {flag}")),
            _ => return Err(format!("unexpected argument {flag:?}")),
        }
    }
    Ok(Command::Run(options))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_line(line: &str) -> Result<Command, String> {
        parse(line.split_whitespace().map(str::to_owned))
    }

    #[test]
    fn no_arguments_give_the_defaults() {
        assert_eq!(parse_line(""), Ok(Command::Run(Options::default())));
        assert_eq!(Options::default().listen.to_string(), "127.0.0.1:8787");
    }

    #[test]
    fn every_option_is_read_in_both_forms() {
        let expected = Options {
            listen: "127.0.0.1:0".parse().unwrap(),
            token: "secret".to_owned(),
            clients_id: 42,
            fixtures: Some("f.json".to_owned()),
            set_value_forms: SetValueForms::Query,
            state: Some(PathBuf::from("s.json")),
        };
        let spaced = "--listen 127.0.0.1:0 --token secret --clients-id 42 --fixtures f.json \
                      --set-value-form query --state s.json";
        let joined = "--listen=127.0.0.1:0 --token=secret --clients-id=42 --fixtures=f.json \
                      --set-value-form=query --state=s.json";
        assert_eq!(parse_line(spaced), Ok(Command::Run(expected.clone())));
        assert_eq!(parse_line(joined), Ok(Command::Run(expected)));
    }

    #[test]
    fn help_wins() {
        assert_eq!(parse_line("--token x --help"), Ok(Command::Help));
        assert_eq!(parse_line("-h"), Ok(Command::Help));
    }

    #[test]
    fn mistakes_are_named() {
        let cases = [
            ("--verbose", "unknown option --verbose"),
            ("--port=1", "unknown option --port"),
            ("serve", "unexpected argument \"serve\""),
            ("--token", "--token needs a value"),
            ("--token --listen 127.0.0.1:1", "--token needs a value"),
            ("--token=", "--token needs a value"),
            ("--listen localhost", "--listen wants an address"),
            (
                "--clients-id 0",
                "--clients-id wants a whole number greater than 0",
            ),
            (
                "--clients-id one",
                "--clients-id wants a whole number greater than 0",
            ),
            (
                "--set-value-form body",
                "--set-value-form wants path, query or both",
            ),
        ];
        for (line, expected) in cases {
            let error = parse_line(line).unwrap_err();
            assert!(error.starts_with(expected), "{line}: {error}");
        }
    }
}

//! The emulator over real HTTP: each test starts its own emulator on a free loopback port
//! (through the library, or the binary for the command line) and talks to it with reqwest.

mod auth;
mod cli;
mod cockpit;
mod control;
mod events;
mod faults;
mod lists;
mod persistence;
mod routing;
mod support;
mod variants;

//! Outcome Explorer: explore, track and present a council's long-term outcomes programme.
//!
//! The crate is a pure core (the project [`model`], its [`file`] format and
//! [`validate`]ion, [`history`] for undo, the [`status`] rule, and the chart and
//! wheel geometry) with a thin egui front end in [`ui`] and a command line in [`cli`].
//! Nothing outside `ui` depends on egui.

pub mod chart;
pub mod cli;
pub mod csv_io;
pub mod deck;
pub mod document;
pub mod edit;
pub mod export;
pub mod file;
pub mod format;
pub mod history;
pub mod model;
pub mod palette;
pub mod plan_table;
pub mod recovery;
pub mod status;
#[cfg(any(test, feature = "synthetic"))]
pub mod synthetic;
pub mod ui;
pub mod validate;
pub mod wheel;

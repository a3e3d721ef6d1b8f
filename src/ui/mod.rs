//! The egui front end: a thin layer over the core that paints it and turns
//! clicks and keys into [`crate::history::Edit`]s.

pub mod actions_view;
pub mod app;
pub mod clipboard;
pub mod deck_view;
pub mod export_job;
pub mod list_editor;
pub mod measure_fields;
pub mod nav;
pub mod programme_view;
pub mod source_choice;
pub mod theme;
pub mod trends_view;
pub mod wheel_view;
pub mod widgets;

mod dialogs;
mod settings;

pub use app::OutcomeApp;

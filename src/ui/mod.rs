//! The egui front end: a thin layer over the core that paints it and turns
//! clicks and keys into [`crate::history::Edit`]s.

pub mod actions_view;
pub mod app;
pub mod clipboard;
pub mod nav;
pub mod theme;
pub mod trends_view;
pub mod wheel_view;
pub mod widgets;

mod dialogs;
mod settings;

pub use app::OutcomeApp;

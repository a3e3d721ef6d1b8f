//! Pictures and tables out of the views: the wheel exported to a file, and "Copy table" and
//! "Copy picture" for whichever view is shown.

use super::OutcomeApp;
use crate::ui::clipboard;
use crate::ui::nav::{Nav, View};

impl OutcomeApp {
    /// Export the whole wheel as a picture (`ext`: png or svg), asking where.
    pub(super) fn export_wheel(&mut self, ext: &str) {
        let mut nav = Nav::default();
        self.wheel.export_dialog(self.doc.project(), ext, &mut nav);
        self.handle_nav(nav);
    }

    /// Whether the view shown has a table to copy: a measure's data, or an action plan.
    pub(super) fn has_table(&self) -> bool {
        match self.view {
            View::Wheel | View::Programme => false,
            View::Trends => self.trends.opened().is_some(),
            View::Actions => !self.doc.project().action_plans.is_empty(),
        }
    }

    /// Put the view's table on the clipboard, tab-separated.
    pub(super) fn copy_table(&mut self, ctx: &egui::Context) {
        let p = self.doc.project();
        let text = match self.view {
            View::Wheel | View::Programme => None,
            View::Trends => self.trends.table_text(p),
            View::Actions => self
                .actions
                .table_text(&self.doc, &self.settings.hidden_columns),
        };
        let mut nav = Nav::default();
        if let Some(text) = text {
            let rows = text.lines().count().saturating_sub(1);
            let what = format!("{rows} rows of the table (tab-separated)");
            clipboard::copy_text(ctx, text, &what, &mut nav);
        }
        self.handle_nav(nav);
    }

    /// Whether the view shown has a picture to copy: the wheel, a chart or the dashboard.
    pub(super) fn has_picture(&self) -> bool {
        matches!(self.view, View::Wheel | View::Trends)
    }

    /// Put the view's picture on the clipboard, drawn as the export draws it.
    pub(super) fn copy_picture(&mut self, ctx: &egui::Context) {
        let p = self.doc.project();
        let picture = match self.view {
            View::Wheel => Some(self.wheel.picture(p)),
            View::Trends => self.trends.picture(p, ctx),
            View::Actions | View::Programme => None,
        };
        let mut nav = Nav::default();
        if let Some(picture) = picture {
            clipboard::copy_picture(ctx, &picture, &mut nav);
        }
        self.handle_nav(nav);
    }
}

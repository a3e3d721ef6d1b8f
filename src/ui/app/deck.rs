//! The deck's commands: add the view as a slide, the Slides panel, presenting, exporting the
//! deck and copying a slide as a picture.

use super::OutcomeApp;
use crate::deck::slide;
use crate::export::ImageFormat;
use crate::ui::clipboard::{self, Picture};
use crate::ui::deck_view::{self, Presenting, export_job::Target};
use crate::ui::nav::{Nav, View};

impl OutcomeApp {
    /// Add what the view shows as a slide after the selected one.
    pub fn add_view_as_slide(&mut self) {
        let p = self.doc.project();
        let slide =
            deck_view::slide_of_view(self.view, &self.wheel, &self.trends, &self.actions, p);
        let mut nav = Nav::default();
        match slide {
            Some(s) => self.deck.add_slide(&mut self.doc, s, &mut nav),
            None => nav.status = Some(
                match self.view {
                    View::Programme => {
                        "The programme's details are not a slide: add the wheel, a chart or a plan"
                    }
                    _ => "Choose a plan first: there is nothing here to make a slide of",
                }
                .into(),
            ),
        }
        self.handle_nav(nav);
    }

    /// Whether there are slides to present or export.
    pub(super) fn has_slides(&self) -> bool {
        self.deck
            .deck(&self.doc)
            .is_some_and(|d| !d.slides.is_empty())
    }

    /// Present the shown presentation from the selected slide.
    pub fn present(&mut self, ctx: &egui::Context) {
        let Some(index) = self.deck.deck_index(&self.doc) else {
            return;
        };
        if self.has_slides() {
            let from = self.deck.selected.unwrap_or(0);
            self.deck.presenting = Some(Presenting::start(ctx, &self.doc, index, from));
        }
    }

    /// Presentation mode draws the whole window while it lasts; true when it drew this frame.
    pub(super) fn presentation_frame(&mut self, ui: &mut egui::Ui) -> bool {
        let Some(p) = &mut self.deck.presenting else {
            return false;
        };
        if p.frame(ui, &self.doc) {
            return true;
        }
        p.stop(ui.ctx());
        self.deck.selected = Some(p.slide);
        self.deck.presenting = None;
        false
    }

    /// The Slides panel on the right, while it is open.
    pub(super) fn slides_panel(&mut self, ui: &mut egui::Ui) {
        if !self.deck.panel_open {
            return;
        }
        let mut nav = Nav::default();
        let mut request = None;
        // At most half the window, so the view beside it keeps its room; long slide titles
        // are cut to the panel's width rather than widening it.
        let widest = (ui.available_width() * 0.5).max(300.0);
        egui::Panel::right("slides-panel")
            .resizable(true)
            .default_size(360.0_f32.min(widest))
            .size_range(260.0..=widest)
            .show(ui, |ui| {
                request = self.deck.panel(ui, &mut self.doc, &mut nav);
            });
        self.handle_nav(nav);
        use deck_view::PanelRequest;
        match request {
            Some(PanelRequest::Present) => self.present(ui.ctx()),
            Some(PanelRequest::Export) => self.export_deck_dialog(),
            Some(PanelRequest::CopySlide) => self.copy_slide(ui.ctx()),
            None => {}
        }
    }

    /// Ask where to write the deck (.pptx, .pdf, or a folder of pictures) and start.
    pub fn export_deck_dialog(&mut self) {
        let Some(deck) = self.deck.deck(&self.doc) else {
            return;
        };
        let name = if deck.id.is_empty() {
            "deck"
        } else {
            deck.id.as_str()
        };
        let file = rfd::FileDialog::new()
            .set_title("Export the deck")
            .set_file_name(format!("{name}.pptx"))
            .add_filter("PowerPoint", &["pptx"])
            .add_filter("PDF", &["pdf"])
            .add_filter("Pictures (PNG, one per slide, into a folder)", &["png"])
            .save_file();
        if let Some(path) = file {
            let target = if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("png"))
            {
                Target::Pictures(path.with_extension(""), ImageFormat::Png)
            } else {
                Target::File(path)
            };
            self.export_deck_to(target);
        }
    }

    /// Start writing the shown presentation to `target` on other threads.
    pub fn export_deck_to(&mut self, target: Target) {
        if let Some(deck) = self.deck.deck(&self.doc) {
            self.export = Some(deck_view::export_job::start(
                self.doc.project(),
                deck,
                target,
            ));
        }
    }

    /// The export's progress bar while it runs; its outcome when it ends.
    pub(super) fn export_progress(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.export else { return };
        if let Some(result) = job.finished() {
            let failure = job.failure.clone();
            self.export = None;
            let mut nav = Nav::default();
            match result {
                Ok(done) => nav.status = Some(done),
                Err(e) => nav.error = Some(format!("{failure}: {e}")),
            }
            self.handle_nav(nav);
            return;
        }
        let (fraction, what, done, total) = (job.fraction(), &job.what, job.done(), job.total);
        egui::Modal::new(egui::Id::unique("export-progress")).show(ctx, |ui| {
            ui.label(format!("Exporting {what}… ({done} of {total} done)"));
            ui.add(egui::ProgressBar::new(fraction).show_percentage());
        });
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }

    /// Start writing every measure's chart into `dir` on other threads.
    pub fn export_charts_to(&mut self, dir: std::path::PathBuf, size: (u32, u32)) {
        let project = self.doc.project().clone();
        let n = project.measures.len();
        self.export = Some(crate::ui::export_job::ExportJob::spawn(
            format!("{n} charts"),
            n,
            "Could not export the charts",
            move |one_done| {
                crate::chart::export::export_all_with(
                    &project,
                    &dir,
                    ImageFormat::Png,
                    size.0,
                    size.1,
                    None,
                    &|_, _| one_done(),
                )
                .map(|f| format!("Exported {} charts into {}", f.len(), dir.display()))
            },
        ));
    }

    /// Put the selected slide (or the first) on the clipboard as a 1920×1080 picture.
    pub fn copy_slide(&mut self, ctx: &egui::Context) {
        let Some(deck) = self.deck.deck(&self.doc) else {
            return;
        };
        let n = deck.slides.len();
        let i = self.deck.selected.unwrap_or(0).min(n.saturating_sub(1));
        let Some(s) = deck.slides.get(i) else { return };
        let picture = Picture {
            svg: slide::slide_svg(self.doc.project(), deck, s, i + 1, n),
            width: 1920,
            height: 1080,
            what: format!("slide {}", i + 1),
        };
        let mut nav = Nav::default();
        clipboard::copy_picture(ctx, &picture, &mut nav);
        self.handle_nav(nav);
    }
}

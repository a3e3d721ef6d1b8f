//! The filter bar and the summary strip of the action table.

use super::*;
use crate::ui::widgets::keep_together;

impl ActionsView {
    pub(super) fn refresh_choices(&mut self, doc: &Document, plan: usize) {
        let key = (doc.revision(), plan);
        if self.choices.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let p = &doc.project().action_plans[plan];
        self.choices = Some(Choices {
            key,
            plan_owners: plan_table::owner_names_in(p),
            plan_themes: plan_table::themes(p),
            all_owners: std::rc::Rc::new(plan_table::owners(doc.project())),
        });
    }

    /// The filters, each label kept on one line with its control.
    pub(super) fn filter_bar(&mut self, ui: &mut Ui, doc: &Document, plan: usize) {
        self.refresh_choices(doc, plan);
        ui.horizontal_wrapped(|ui| {
            keep_together(ui, "search", |ui| {
                let l = ui.label("Search");
                ui.add(
                    egui::TextEdit::singleline(&mut self.filter.text)
                        .hint_text("words in any column")
                        .desired_width(180.0),
                )
                .labelled_by(l.id);
            });
            keep_together(ui, "rag", |ui| self.rag_filter(ui));
            self.owner_and_theme_filters(ui);
            keep_together(ui, "outcome", |ui| self.outcome_filter(ui, doc));
            keep_together(ui, "due", |ui| self.due_filters(ui));
        });
        self.active_filters(ui);
    }

    fn rag_filter(&mut self, ui: &mut Ui) {
        let shown = if self.filter.rags.is_empty() {
            "Any RAG".to_string()
        } else {
            let names: Vec<&str> = self.filter.rags.iter().map(|r| r.label()).collect();
            names.join(", ")
        };
        let l = ui.label("RAG");
        egui::ComboBox::from_id_salt("filter-rag")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for r in Rag::ALL {
                    let mut on = self.filter.rags.contains(&r);
                    if ui.checkbox(&mut on, rag_text(r)).changed() {
                        self.filter.rags.retain(|x| *x != r);
                        if on {
                            self.filter.rags.push(r);
                            self.filter.rags.sort();
                        }
                    }
                }
            })
            .response
            .labelled_by(l.id);
    }

    fn owner_and_theme_filters(&mut self, ui: &mut Ui) {
        let choices = self.choices.as_ref().expect("refreshed first");
        let pickers = [
            (
                "Owner",
                "filter-owner",
                "Any owner",
                &mut self.filter.owner,
                &choices.plan_owners,
            ),
            (
                "Theme",
                "filter-theme",
                "Any theme",
                &mut self.filter.theme,
                &choices.plan_themes,
            ),
        ];
        for (label, id, any, value, options) in pickers {
            keep_together(ui, id, |ui| {
                let l = ui.label(label);
                egui::ComboBox::from_id_salt(id)
                    .selected_text(value.clone().unwrap_or_else(|| any.into()))
                    .width(150.0)
                    .show_ui(ui, |ui| {
                        ui.selectable_value(value, None, any);
                        for o in options {
                            ui.selectable_value(value, Some(o.clone()), o);
                        }
                    })
                    .response
                    .labelled_by(l.id);
            });
        }
    }

    fn outcome_filter(&mut self, ui: &mut Ui, doc: &Document) {
        let project = doc.project();
        let shown = match &self.filter.outcome {
            Some(id) => project.outcome(id).map_or(id.clone(), |o| o.name.clone()),
            None => "Any outcome".into(),
        };
        let l = ui.label("Outcome");
        egui::ComboBox::from_id_salt("filter-outcome")
            .selected_text(shown)
            .width(150.0)
            .truncate()
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.filter.outcome, None, "Any outcome");
                for o in &project.outcomes {
                    ui.selectable_value(&mut self.filter.outcome, Some(o.id.clone()), &o.name);
                }
            })
            .response
            .labelled_by(l.id);
    }

    fn due_filters(&mut self, ui: &mut Ui) {
        ui.checkbox(&mut self.filter.overdue, "Overdue");
        let mut within = self.filter.due_within.is_some();
        if ui.checkbox(&mut within, "Due in the next").changed() {
            self.filter.due_within = within.then_some(self.due_days_text);
        }
        let r = ui.add(
            egui::DragValue::new(&mut self.due_days_text)
                .range(1..=3650)
                .suffix(" days"),
        );
        if r.changed() && self.filter.due_within.is_some() {
            self.filter.due_within = Some(self.due_days_text);
        }
    }

    /// The filters in force, each with a button to remove it.
    fn active_filters(&mut self, ui: &mut Ui) {
        let parts = self.filter.parts();
        if !parts.is_empty() {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Showing only:").color(theme::muted(ui)));
                for (part, text) in parts {
                    if ui
                        .button(format!("{text}  ✖"))
                        .on_hover_text("Remove this filter")
                        .clicked()
                    {
                        self.filter.clear(part);
                    }
                }
                if ui.button("Clear all filters").clicked() {
                    self.filter = Filter::default();
                }
            });
        }
    }

    pub(super) fn summary_strip(&mut self, ui: &mut Ui) {
        let Some(c) = &self.cache else { return };
        let line = |ui: &mut Ui, title: &str, s: &Summary| {
            ui.horizontal_wrapped(|ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                ui.label(RichText::new(format!("{title}: {} actions", s.total)).strong());
                for r in Rag::ALL {
                    // A framed badge cannot wrap by itself: start a new line when it would not fit.
                    if ui.available_size_before_wrap().x < 150.0 {
                        ui.end_row();
                    }
                    ui.label(RichText::new(s.count(r).to_string()).strong());
                    rag_badge(ui, r);
                    ui.add_space(6.0);
                }
                ui.label(RichText::new(format!("· {} overdue", s.overdue)).color(
                    if s.overdue > 0 {
                        red(ui)
                    } else {
                        theme::muted(ui)
                    },
                ));
                ui.label(format!(
                    "· {} due in the next {} days",
                    s.due_soon, self.soon_days
                ));
            });
        };
        line(ui, "Plan", &c.plan);
        if self.filter.is_active() {
            line(ui, "Shown", &c.shown);
        }
    }
}

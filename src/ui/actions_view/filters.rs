//! The filter bar and the summary strip of the action table.

use super::*;

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

    pub(super) fn filter_bar(&mut self, ui: &mut Ui, doc: &Document, plan: usize) {
        self.refresh_choices(doc, plan);
        let choices = self.choices.as_ref().expect("refreshed above");
        ui.horizontal_wrapped(|ui| {
            let l = ui.label("Search");
            ui.add(
                egui::TextEdit::singleline(&mut self.filter.text)
                    .hint_text("words in any column")
                    .desired_width(180.0),
            )
            .labelled_by(l.id);
            let rag_text_sel = if self.filter.rags.is_empty() {
                "Any RAG".to_string()
            } else {
                self.filter
                    .rags
                    .iter()
                    .map(|r| r.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let l = ui.label("RAG");
            egui::ComboBox::from_id_salt("filter-rag")
                .selected_text(rag_text_sel)
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
            let l = ui.label("Owner");
            egui::ComboBox::from_id_salt("filter-owner")
                .selected_text(
                    self.filter
                        .owner
                        .clone()
                        .unwrap_or_else(|| "Any owner".into()),
                )
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.owner, None, "Any owner");
                    for o in &choices.plan_owners {
                        ui.selectable_value(&mut self.filter.owner, Some(o.clone()), o);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Theme");
            egui::ComboBox::from_id_salt("filter-theme")
                .selected_text(
                    self.filter
                        .theme
                        .clone()
                        .unwrap_or_else(|| "Any theme".into()),
                )
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.theme, None, "Any theme");
                    for t in &choices.plan_themes {
                        ui.selectable_value(&mut self.filter.theme, Some(t.clone()), t);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label("Outcome");
            egui::ComboBox::from_id_salt("filter-outcome")
                .selected_text(
                    self.filter
                        .outcome
                        .clone()
                        .unwrap_or_else(|| "Any outcome".into()),
                )
                .width(150.0)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.filter.outcome, None, "Any outcome");
                    for o in &doc.project().outcomes {
                        ui.selectable_value(
                            &mut self.filter.outcome,
                            Some(o.id.clone()),
                            format!("{} — {}", o.id, o.name),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
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
        });
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

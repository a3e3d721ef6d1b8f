//! The side panel for a selected outcome: description, residents' voices, measures with
//! their latest value and status, linked actions and pledges.

use super::*;

impl WheelView {
    pub(super) fn details(&mut self, ui: &mut Ui, p: &Project, id: &str, nav: &mut Nav) {
        let Some(o) = p.outcome(id) else {
            return;
        };
        ui.horizontal(|ui| {
            ui.label(RichText::new("Outcome").small().color(theme::muted(ui)));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Close").clicked() {
                    self.selected = None;
                }
            });
        });
        ui.label(RichText::new(&o.name).heading());
        let prio = p
            .priority(&o.priority)
            .map(|x| x.name.as_str())
            .unwrap_or("—");
        let need = p.need(&o.need).map(|x| x.name.as_str()).unwrap_or("—");
        ui.label(RichText::new(format!("{prio} › {need}")).color(theme::muted(ui)));
        ui.horizontal_wrapped(|ui| {
            let edit = || NavRequest::EditItem {
                list: crate::history::List::Outcomes,
                id: o.id.clone(),
            };
            if ui.button("Edit this outcome").clicked() {
                nav.go(edit());
            }
            if ui.button("Add a voice…").clicked() {
                nav.go(edit());
            }
            if ui.button("Add an outcome here…").clicked() {
                nav.go(NavRequest::AddItem {
                    list: crate::history::List::Outcomes,
                    here: crate::edit::Here {
                        priority: Some(o.priority.clone()),
                        need: Some(o.need.clone()),
                    },
                });
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                if !o.description.is_empty() {
                    ui.label(&o.description);
                    ui.add_space(6.0);
                }
                ui.label(RichText::new("What residents said").strong());
                if o.voices.is_empty() {
                    ui.label(
                        RichText::new("No resident-voice statements linked yet.")
                            .color(theme::muted(ui)),
                    );
                }
                for v in o.voices.iter().filter_map(|v| p.voice(v)) {
                    ui.label(RichText::new(format!("“{}”", v.text)).italics());
                }
                ui.add_space(6.0);
                ui.label(RichText::new("Measures").strong());
                if o.measures.is_empty() {
                    ui.label(
                        RichText::new("No measures track this outcome yet.")
                            .color(theme::muted(ui)),
                    );
                }
                for m in o.measures.iter().filter_map(|m| p.measure(m)) {
                    let a = status::assess(m);
                    // Cards as wide as the panel, their text wrapped inside it: wider content
                    // would push the panel past its edge.
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.label(RichText::new(&m.name).strong());
                        // In date order, whatever order the file lists them in.
                        let mut dated: Vec<&crate::model::Observation> = m
                            .observations
                            .iter()
                            .filter(|o| o.value.is_finite())
                            .collect();
                        dated.sort_by(|x, y| {
                            x.period.decimal_year().total_cmp(&y.period.decimal_year())
                        });
                        ui.horizontal(|ui| {
                            let values: Vec<f64> = dated.iter().map(|o| o.value).collect();
                            sparkline(ui, &values);
                            ui.vertical(|ui| {
                                match dated.last() {
                                    Some(last) => {
                                        let kind = match last.status {
                                            crate::model::ValueStatus::Measured => "",
                                            crate::model::ValueStatus::Provisional => {
                                                ", provisional"
                                            }
                                            crate::model::ValueStatus::Estimated => ", estimated",
                                            crate::model::ValueStatus::Illustrative => {
                                                ", illustrative"
                                            }
                                        };
                                        ui.label(format!(
                                            "Latest: {} ({}{kind})",
                                            format::value(last.value, &m.unit),
                                            last.period.label()
                                        ))
                                    }
                                    None => ui.label("No values yet"),
                                };
                                if let Some(t) = m.targets.iter().max_by_key(|t| t.year) {
                                    ui.label(format!(
                                        "Target: {} by {}",
                                        format::value(t.value, &m.unit),
                                        t.year
                                    ));
                                }
                            });
                        });
                        ui.label(RichText::new(a.badge()).strong());
                        ui.label(RichText::new(&a.summary).color(theme::muted(ui)));
                        if ui
                            .add(
                                egui::Button::new(format!("Open chart: {}", m.name))
                                    .wrap_mode(egui::TextWrapMode::Wrap),
                            )
                            .clicked()
                        {
                            nav.go(NavRequest::OpenMeasure(m.id.clone()));
                        }
                    });
                }
                ui.add_space(6.0);
                ui.label(RichText::new("Actions").strong());
                let mut any = false;
                for plan in &p.action_plans {
                    for a in plan
                        .actions
                        .iter()
                        .filter(|a| a.outcomes.iter().any(|x| x == id))
                    {
                        any = true;
                        ui.horizontal_wrapped(|ui| {
                            rag_badge(ui, a.rag);
                            ui.label(RichText::new(&a.reference).strong());
                            ui.label(&a.title);
                        });
                        ui.horizontal_wrapped(|ui| {
                            if !a.owner.is_empty() {
                                ui.label(
                                    RichText::new(format!("Owner: {}", a.owner))
                                        .color(theme::muted(ui)),
                                );
                            }
                            if ui
                                .add(
                                    egui::Button::new(
                                        RichText::new(format!(
                                            "Open action {} in {}",
                                            a.reference, plan.title
                                        ))
                                        .small(),
                                    )
                                    .wrap_mode(egui::TextWrapMode::Wrap),
                                )
                                .clicked()
                            {
                                nav.go(NavRequest::OpenAction {
                                    plan: plan.id.clone(),
                                    reference: a.reference.clone(),
                                });
                            }
                        });
                    }
                }
                if !any {
                    ui.label(RichText::new("No actions linked yet.").color(theme::muted(ui)));
                }
                ui.add_space(6.0);
                ui.label(RichText::new("Partner pledges").strong());
                let pledges: Vec<_> = p
                    .pledges
                    .iter()
                    .filter(|pl| pl.outcomes.iter().any(|x| x == id))
                    .collect();
                if pledges.is_empty() {
                    ui.label(RichText::new("No pledges yet.").color(theme::muted(ui)));
                }
                for pl in pledges {
                    ui.label(format!("{}: {}", pl.partner, pl.commitment));
                }
            });
    }
}

/// A tiny line chart of a measure's observations.
pub(super) fn sparkline(ui: &mut Ui, values: &[f64]) {
    let (rect, _) = ui.allocate_exact_size(vec2(90.0, 22.0), Sense::hover());
    if values.len() < 2 {
        return;
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let span = (hi - lo).max(1e-9);
    let n = values.len() - 1;
    let pts: Vec<Pos2> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            pos2(
                rect.left() + rect.width() * i as f32 / n as f32,
                rect.bottom() - 2.0 - (rect.height() - 4.0) * ((v - lo) / span) as f32,
            )
        })
        .collect();
    let col = ui.visuals().text_color();
    ui.painter()
        .add(Shape::line(pts.clone(), Stroke::new(1.5, col)));
    if let Some(last) = pts.last() {
        ui.painter().circle_filled(*last, 2.5, col);
    }
}

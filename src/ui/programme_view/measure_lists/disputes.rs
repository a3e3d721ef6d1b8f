//! Where sources disagree about a measure: the disagreements, and for the one being edited
//! what each source says.

use super::*;

#[derive(Default)]
pub(super) struct DisagreementForm {
    period: String,
    about: String,
    note: String,
}

#[derive(Default)]
pub(super) struct ClaimForm {
    source: SourceChoice,
    says: String,
    value: String,
    period: String,
    trend: Option<Trend>,
}

impl MeasureLists {
    pub(super) fn disagreements_ui(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        index: usize,
        nav: &mut Nav,
    ) {
        ui.label(RichText::new("Where sources disagree").strong())
            .on_hover_text(
                "Two sources giving different values, periods or directions: kept side by side",
            );
        let p = doc.project();
        let m = &p.measures[index];
        let table = Table {
            id_salt: "measure-disagreements",
            headers: &["Period", "About", "Claims"],
            widths: &[100.0, 320.0, 60.0],
            max_height: 160.0,
            ..Table::default()
        };
        let cell = |ui: &mut Ui, c: usize, d: &Disagreement| {
            ui.label(match c {
                0 => d.period.label(),
                1 => d.about.clone(),
                _ => d.claims.len().to_string(),
            });
        };
        let load = |d: &Disagreement| DisagreementForm {
            period: d.period.to_string(),
            about: d.about.clone(),
            note: d.note.clone(),
        };
        let what = |d: &Disagreement| format!("the disagreement {:?}", d.about);
        let before = self.disagreements.editing;
        let mut change = self
            .disagreements
            .table(ui, &table, &m.disagreements, cell, what, load);
        if before != self.disagreements.editing {
            self.claims.reset();
        }
        if let Some(i) = self
            .disagreements
            .editing
            .filter(|i| *i < m.disagreements.len())
        {
            let d = &m.disagreements[i];
            if let Some(ch) = self.claims_ui(ui, p, m, d) {
                let label = format!("{} claim of {}", verb(&ch), m.name);
                apply(doc, index, label, |m| {
                    ch.apply_to(&mut m.disagreements[i].claims)
                });
                return;
            }
        }
        let draw = |ui: &mut Ui, f: &mut DisagreementForm| {
            labelled_edit(ui, "Disagreement period", &mut f.period, 110.0);
            labelled_edit(ui, "What is disputed", &mut f.about, 280.0);
            labelled_edit(ui, "Disagreement note", &mut f.note, 200.0);
        };
        let read = |f: &DisagreementForm, editing: Option<usize>| {
            let period = parse_period(f.period.trim())?;
            if f.about.trim().is_empty() {
                return Err("Say what is disputed (“which year the 39% belongs to”)".to_string());
            }
            let kept = editing.and_then(|i| m.disagreements.get(i)).cloned();
            Ok(Disagreement {
                period,
                about: f.about.trim().to_string(),
                note: f.note.trim().to_string(),
                ..kept.unwrap_or_default()
            })
        };
        if change.is_none() {
            change = self.disagreements.form(ui, "disagreement", draw, read);
        }
        if let Some(c) = change {
            let label = format!("{} disagreement of {}", verb(&c), m_name(doc, index));
            apply(doc, index, label, |m| c.apply_to(&mut m.disagreements));
        }
        if let Some(s) = self.claims.form.source.settle(doc) {
            nav.status = Some(s);
        }
    }

    fn claims_ui(
        &mut self,
        ui: &mut Ui,
        p: &Project,
        m: &Measure,
        d: &Disagreement,
    ) -> Option<Change<Claim>> {
        ui.label(format!("What each source says about {}", d.about));
        let table = Table {
            id_salt: "measure-claims",
            headers: &["Source", "Says"],
            widths: &[220.0, 320.0],
            max_height: 140.0,
            ..Table::default()
        };
        let cell = |ui: &mut Ui, c: usize, x: &Claim| {
            ui.label(if c == 0 {
                source_title(p, &x.source)
            } else {
                x.summary()
            });
        };
        let load = |x: &Claim| ClaimForm {
            source: SourceChoice::of(Some(&x.source)),
            says: x.says.clone(),
            value: x.value.map(|v| v.to_string()).unwrap_or_default(),
            period: x.period.map(|p| p.to_string()).unwrap_or_default(),
            trend: x.trend,
        };
        let what = |x: &Claim| format!("the claim of {}", source_title(p, &x.source));
        let change = self.claims.table(ui, &table, &d.claims, cell, what, load);
        if change.is_some() {
            return change;
        }
        let draw = |ui: &mut Ui, f: &mut ClaimForm| {
            f.source.ui(ui, "Claim source", p);
            labelled_edit(ui, "What the source says", &mut f.says, 260.0);
            ui.end_row();
            labelled_edit(ui, "Claim value", &mut f.value, 90.0);
            labelled_edit(ui, "Claim period", &mut f.period, 100.0);
            let l = ui.label("Claim trend");
            let word = |t: Option<Trend>| t.map_or("None", Trend::label);
            egui::ComboBox::from_id_salt("claim-trend")
                .selected_text(word(f.trend))
                .show_ui(ui, |ui| {
                    for t in [
                        None,
                        Some(Trend::Rising),
                        Some(Trend::Falling),
                        Some(Trend::Steady),
                    ] {
                        ui.selectable_value(&mut f.trend, t, word(t));
                    }
                })
                .response
                .labelled_by(l.id);
        };
        let read = |f: &ClaimForm, _: Option<usize>| {
            let source = f
                .source
                .id
                .clone()
                .ok_or("Choose the source that says it")?;
            let value = match f.value.trim() {
                "" => None,
                t => Some(parse_value(t, &m.unit).map_err(|e| format!("Claim value: {e}"))?),
            };
            let period = match f.period.trim() {
                "" => None,
                t => Some(parse_period(t)?),
            };
            Ok(Claim {
                source,
                says: f.says.trim().to_string(),
                value,
                period,
                trend: f.trend,
            })
        };
        self.claims.form(ui, "claim", draw, read)
    }
}

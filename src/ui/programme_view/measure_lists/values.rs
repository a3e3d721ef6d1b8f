//! The values of a measure or of one of its comparators: a table by date, and a form with
//! where each value comes from (a source, added on the spot if need be, or its working).

use super::*;

#[derive(Default)]
pub(super) struct ValueForm {
    pub(super) period: String,
    pub(super) value: String,
    pub(super) status: ValueStatus,
    pub(super) source: SourceChoice,
    pub(super) note: String,
    pub(super) working: String,
    pub(super) period_inferred: String,
}

/// A table of values with its form (for the measure's own values and a comparator's).
pub(super) fn values_list(
    ui: &mut Ui,
    le: &mut ListEditor<ValueForm>,
    p: &Project,
    m: &Measure,
    values: &[Observation],
    noun: &str,
    comparator: Option<usize>,
) -> Option<Change<Observation>> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| {
        values[a]
            .period
            .decimal_year()
            .total_cmp(&values[b].period.decimal_year())
    });
    let salt = match comparator {
        Some(_) => "comparator-values",
        None => "measure-values",
    };
    let table = Table {
        id_salt: salt,
        headers: &["Period", "Value", "Status", "From"],
        widths: &[110.0, 170.0, 100.0, 300.0],
        order: Some(&order),
        max_height: 260.0,
        ..Table::default()
    };
    let cell = |ui: &mut Ui, c: usize, o: &Observation| {
        ui.label(match c {
            0 => o.period.label(),
            1 => crate::format::value(o.value, &m.unit),
            2 => value_status_label(o.status).to_string(),
            _ => truncate(&o.basis().describe(|id| source_title(p, id)), 60),
        });
    };
    let load = |o: &Observation| ValueForm {
        period: o.period.to_string(),
        value: o.value.to_string(),
        status: o.status,
        source: SourceChoice::of(o.source.as_ref()),
        note: o.note.clone(),
        working: o.working.clone(),
        period_inferred: o.period_inferred.clone(),
    };
    let what = |o: &Observation| format!("the {} {noun}", o.period.label());
    let change = le.table(ui, &table, values, cell, what, load);
    if change.is_some() {
        return change;
    }
    // The measure's own values read "Period", "Value"…; a comparator's "Comparator period"….
    let words = |own: &str, of_comparator: &str| match comparator {
        Some(_) => of_comparator.to_string(),
        None => own.to_string(),
    };
    let draw = |ui: &mut Ui, f: &mut ValueForm| {
        labelled_edit(
            ui,
            &words("Period", "Comparator period"),
            &mut f.period,
            110.0,
        )
        .on_hover_text(PERIOD_HINT);
        labelled_edit(ui, &words("Value", "Comparator value"), &mut f.value, 90.0);
        status(
            ui,
            &words("Value status", "Comparator status"),
            &mut f.status,
        );
        ui.end_row();
        f.source
            .ui(ui, &words("Value source", "Comparator source"), p);
        ui.end_row();
        labelled_edit(
            ui,
            &words("Value note", "Comparator note"),
            &mut f.note,
            200.0,
        );
        labelled_edit(
            ui,
            &words("Working", "Comparator working"),
            &mut f.working,
            220.0,
        )
        .on_hover_text("How the value was worked out, when no source states it");
        let inferred = words(
            "Why the period is inferred",
            "Comparator: why the period is inferred",
        );
        labelled_edit(ui, &inferred, &mut f.period_inferred, 200.0)
            .on_hover_text("When the source gives the value but not its period");
    };
    let read = |f: &ValueForm, editing: Option<usize>| {
        let period = parse_period(f.period.trim())?;
        let value = parse_value(&f.value, &m.unit).map_err(|e| format!("Value: {e}"))?;
        if f.status == ValueStatus::Measured && f.source.id.is_none() && f.working.trim().is_empty()
        {
            return Err("A measured value needs a source (or its working): pick one".into());
        }
        if values
            .iter()
            .enumerate()
            .any(|(i, o)| o.period == period && Some(i) != editing)
        {
            return Err(format!("There is already a value for {}", period.label()));
        }
        Ok(Observation {
            period,
            value,
            status: f.status,
            source: f.source.id.clone(),
            note: f.note.trim().to_string(),
            working: f.working.trim().to_string(),
            period_inferred: f.period_inferred.trim().to_string(),
        })
    };
    le.form(ui, noun, draw, read)
}

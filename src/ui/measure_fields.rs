//! Fields of a measure's values and targets that the Trends view's data entry and the
//! Programme view's measure editor share: the status of a value, the kind of a target, a
//! year read from text, and the hint of a period field.

use crate::chart::value_status_label;
use crate::model::{TargetKind, ValueStatus};
use egui::Ui;

/// The forms a period may be typed in.
pub const PERIOD_HINT: &str =
    "2024-03-31, 2024-03, 2024-Q1, 2024, 2023/24, 2023/24 Q3 or 2018-2020";

/// Every status a value can have, in the order offered.
pub const STATUSES: [ValueStatus; 4] = [
    ValueStatus::Measured,
    ValueStatus::Provisional,
    ValueStatus::Estimated,
    ValueStatus::Illustrative,
];

/// "Target" or "Milestone".
pub fn kind_word(k: TargetKind) -> &'static str {
    match k {
        TargetKind::Target => "Target",
        TargetKind::Milestone => "Milestone",
    }
}

/// A choice of `options` shown by `word`, labelled `label` for screen readers.
fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    value: &mut T,
    options: &[T],
    word: fn(T) -> &'static str,
) -> egui::Response {
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(("measure-field", label))
        .selected_text(word(*value))
        .show_ui(ui, |ui| {
            for o in options {
                ui.selectable_value(value, *o, word(*o));
            }
        })
        .response
        .labelled_by(l.id)
}

/// The status of a value: measured, provisional, estimated or illustrative.
pub fn status(ui: &mut Ui, label: &str, value: &mut ValueStatus) -> egui::Response {
    choice(ui, label, value, &STATUSES, value_status_label)
}

/// Whether a target is the final one or a milestone on the way.
pub fn target_kind(ui: &mut Ui, label: &str, value: &mut TargetKind) -> egui::Response {
    choice(
        ui,
        label,
        value,
        &[TargetKind::Target, TargetKind::Milestone],
        kind_word,
    )
}

/// A target's year as typed, or why it is not one.
pub fn read_year(text: &str) -> Result<i32, String> {
    text.trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2200).contains(y))
        .ok_or_else(|| format!("{:?} is not a year", text.trim()))
}

//! One cell of the table: its text (the same text is measured for row heights and painted),
//! painted whole or cut to a few lines with "…", or edited in place.

use super::*;

/// What a cell needs besides its action and column.
pub(super) struct CellCtx<'a> {
    pub today: NaiveDate,
    pub project: &'a crate::model::Project,
    /// The action's index in the plan.
    pub index: usize,
    /// At most this many lines (`usize::MAX` for the whole text).
    pub max_rows: usize,
}

/// The text of a cell whose text wraps; `None` for the cells drawn otherwise (reference,
/// due date, RAG, last updated).
pub(super) fn wrapped_text(
    project: &crate::model::Project,
    a: &Action,
    c: Column,
) -> Option<String> {
    let bullets = |items: &mut dyn Iterator<Item = &str>| {
        items
            .map(|k| format!("• {k}"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Some(match c {
        Column::Theme => a.theme.clone(),
        Column::Title => a.title.clone(),
        Column::Owner => a.owner.clone(),
        Column::KeyActions => bullets(&mut a.key_actions.iter().map(String::as_str)),
        Column::Outcomes => bullets(&mut plan_table::outcome_names(project, a).into_iter()),
        Column::Progress => plan_table::latest_progress(a)
            .map(|p| format!("{}: {}", format::date(p.date), p.text))
            .unwrap_or_default(),
        Column::Reference | Column::Due | Column::Rag | Column::LastUpdated => return None,
    })
}

/// The layout of a wrapped cell's text: at most `max_rows` lines, ending in "…" when cut,
/// so that no line is half shown. Words are never broken unless one is wider than the cell.
pub(super) fn text_job(
    style: &egui::Style,
    colour: Color32,
    text: String,
    max_rows: usize,
) -> egui::text::LayoutJob {
    let mut job = egui::text::LayoutJob::single_section(
        text,
        egui::TextFormat {
            font_id: egui::TextStyle::Body.resolve(style),
            color: colour,
            ..Default::default()
        },
    );
    job.wrap.max_rows = max_rows;
    job.wrap.overflow_character = Some('…');
    job
}

/// Paint one cell (not being edited). Returns whether it was clicked; a RAG chosen from the
/// badge's menu goes to `rag_set`.
pub(super) fn cell(
    ui: &mut Ui,
    a: &Action,
    c: Column,
    cx: &CellCtx<'_>,
    rag_set: &mut Option<(usize, Rag)>,
) -> bool {
    if let Some(text) = wrapped_text(cx.project, a, c) {
        if text.is_empty() {
            return false;
        }
        let job = text_job(
            ui.style(),
            ui.visuals().text_color(),
            text.clone(),
            cx.max_rows,
        );
        let r = ui.add(egui::Label::new(job).wrap().sense(egui::Sense::click()));
        let clicked = r.clicked();
        r.on_hover_text(text);
        return clicked;
    }
    match c {
        Column::Reference => ui
            .add(egui::Label::new(RichText::new(&a.reference).strong()).sense(egui::Sense::click()))
            .clicked(),
        Column::Due => {
            ui.vertical(|ui| {
                ui.label(format::opt_date(a.due));
                if plan_table::is_overdue(a, cx.today) {
                    let days = (cx.today - a.due.unwrap_or(cx.today)).num_days();
                    ui.label(RichText::new("⚠ overdue").small().color(red(ui)))
                        .on_hover_text(format!("{days} days past its due date"));
                }
            });
            false
        }
        Column::Rag => {
            let r = rag_badge(ui, a.rag).interact(egui::Sense::click());
            egui::Popup::menu(&r).show(|ui| {
                for rag in Rag::ALL {
                    if ui.selectable_label(a.rag == rag, rag_text(rag)).clicked() {
                        *rag_set = Some((cx.index, rag));
                    }
                }
            });
            false
        }
        _ => {
            ui.label(format::opt_date(a.last_updated));
            false
        }
    }
}

/// The text field of a cell being edited. When the edit ends, returns it with whether to
/// apply it (not on Esc) and where Tab moves the cursor (-1, 0 or 1).
pub(super) fn edit_cell(
    ui: &mut Ui,
    e: &mut CellEdit,
    label: &str,
) -> Option<(CellEdit, bool, i32)> {
    let mut te = egui::TextEdit::singleline(&mut e.text).desired_width(ui.available_width());
    if e.error.is_some() {
        te = te.text_color(red(ui));
    }
    let r = ui.add(te);
    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    let r = match &e.error {
        Some(m) => r.on_hover_text(m.clone()),
        None => r,
    };
    if !e.started {
        r.request_focus();
        e.started = true;
        return None;
    }
    if !r.lost_focus() {
        return None;
    }
    let (esc, tab, back) = ui.input(|i| {
        (
            i.key_pressed(Key::Escape),
            i.key_pressed(Key::Tab),
            i.modifiers.shift,
        )
    });
    let step = match (tab, back) {
        (false, _) => 0,
        (true, false) => 1,
        (true, true) => -1,
    };
    Some((e.clone(), !esc, step))
}

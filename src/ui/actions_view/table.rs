//! The table itself: visible rows only, sorting by header, cells edited in place, and
//! keyboard movement between cells.

use super::*;

impl ActionsView {
    pub(super) fn keyboard(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        plan: usize,
        cols: &[Column],
    ) {
        if self.editing.is_some() || self.import.is_some() || self.plan_dialog.is_some() {
            return;
        }
        if ui.ctx().memory(|m| m.focused().is_some()) || ui.ctx().egui_wants_keyboard_input() {
            return;
        }
        let Some(sel) = self.selected else { return };
        let rows = self.visible_rows().to_vec();
        if cols.is_empty() {
            return;
        }
        let (up, down, left, right, enter, esc) = ui.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowLeft)
                    || i.consume_key(egui::Modifiers::SHIFT, Key::Tab),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowRight)
                    || i.consume_key(egui::Modifiers::NONE, Key::Tab),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        let pos = rows.iter().position(|r| *r == sel);
        if up || down {
            self.flush_editor(doc, plan);
            let next = match pos {
                Some(p) if up => p.saturating_sub(1),
                Some(p) => (p + 1).min(rows.len().saturating_sub(1)),
                None => 0,
            };
            if let Some(r) = rows.get(next) {
                self.select_row(Some(*r));
            }
        }
        let ci = cols.iter().position(|c| *c == self.cursor).unwrap_or(0);
        if left {
            self.cursor = cols[ci.saturating_sub(1)];
        }
        if right {
            self.cursor = cols[(ci + 1).min(cols.len() - 1)];
        }
        if esc {
            self.selected = None;
        }
        if enter {
            self.begin_cell_edit(doc, plan, sel, self.cursor);
        }
        // On the RAG cell a letter sets the rating: R, A, G, C (complete), N (not started).
        if self.cursor == Column::Rag {
            let keys = [
                (Key::R, Rag::Red),
                (Key::A, Rag::Amber),
                (Key::G, Rag::Green),
                (Key::C, Rag::Complete),
                (Key::N, Rag::NotStarted),
            ];
            let chosen = ui.input_mut(|i| {
                keys.iter()
                    .find(|(k, _)| i.consume_key(egui::Modifiers::NONE, *k))
                    .map(|(_, r)| *r)
            });
            let current = doc.project().action_plans[plan].actions.get(sel).cloned();
            if let (Some(r), Some(mut a)) = (chosen, current)
                && a.rag != r
            {
                a.rag = r;
                if let Err(m) = self.commit(doc, plan, sel, a, "Change RAG") {
                    self.message = Some(m);
                }
            }
        }
    }

    pub(super) fn begin_cell_edit(
        &mut self,
        doc: &Document,
        plan: usize,
        index: usize,
        column: Column,
    ) {
        let a = &doc.project().action_plans[plan].actions[index];
        let text = match column {
            Column::Reference => a.reference.clone(),
            Column::Theme => a.theme.clone(),
            Column::Title => a.title.clone(),
            Column::Owner => a.owner.clone(),
            Column::Due => a.due.map(format::date).unwrap_or_default(),
            _ => {
                self.show_editor = true;
                self.message = None;
                return;
            }
        };
        self.editing = Some(CellEdit {
            index,
            column,
            text,
            error: None,
            started: false,
        });
    }

    /// Apply the text of a cell being edited. Returns the reason if it is refused.
    pub(super) fn apply_cell(
        &mut self,
        doc: &mut Document,
        plan: usize,
        e: &CellEdit,
    ) -> Result<(), String> {
        let mut a = doc.project().action_plans[plan].actions[e.index].clone();
        match e.column {
            Column::Reference => a.reference = e.text.trim().to_string(),
            Column::Theme => a.theme = e.text.clone(),
            Column::Title => a.title = e.text.clone(),
            Column::Owner => a.owner = e.text.trim().to_string(),
            Column::Due => {
                a.due = if e.text.trim().is_empty() {
                    None
                } else {
                    Some(plan_table::parse_date(&e.text)?)
                }
            }
            _ => return Ok(()),
        }
        self.commit(
            doc,
            plan,
            e.index,
            a,
            &format!("Edit {}", e.column.label().to_lowercase()),
        )
    }

    pub(super) fn table(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        plan: usize,
        nav: &mut Nav,
        hidden: &mut Vec<Column>,
    ) {
        let cols = shown_columns(hidden);
        self.row_buttons(ui, doc, plan, nav, hidden);
        // The buttons may have changed the plan: bring the rows up to date first.
        self.refresh_cache(doc, plan);
        let rows = self
            .cache
            .as_ref()
            .map(|c| c.rows.clone())
            .unwrap_or_default();
        if rows.is_empty() {
            ui.add_space(12.0);
            if doc.project().action_plans[plan].actions.is_empty() {
                ui.label("This plan has no actions yet.");
            } else {
                ui.label("No actions match the filters. Clear them to see every action.");
            }
            return;
        }
        let scroll_row = self
            .scroll_to
            .take()
            .and_then(|i| rows.iter().position(|r| *r == i));
        let selected = self.selected;
        let expand_all = self.expand_all;
        let actions = &doc.project().action_plans[plan].actions;
        let line_h = ui.text_style_height(&egui::TextStyle::Body);
        let compact = ROW_LINES as f32 * line_h + 8.0;
        // Columns start at widths that fit the window where they can (all ten fit from about
        // 1,600 px; narrower, they shrink towards their minimum and the rest scrolls sideways
        // behind a solid scroll bar that says so).
        let wanted: f32 = cols.iter().map(|c| column_width(*c).0).sum();
        let scale = (ui.available_width() / wanted).clamp(0.0, 1.0);
        let width_of = |c: Column| {
            let (initial, least) = column_width(c);
            (initial * scale).max(least)
        };
        // Characters per line of a column, from the body font's average glyph width (a little
        // under, as words wrap whole).
        let glyph =
            ui.fonts_mut(|f| f.glyph_width(&egui::TextStyle::Body.resolve(ui.style()), 'n'));
        let per_line = |c: Column| ((width_of(c) - 12.0) / (glyph * 1.1)).max(8.0) as usize;
        let fit = Fit {
            title: per_line(Column::Title),
            key_actions: per_line(Column::KeyActions),
            progress: per_line(Column::Progress),
            outcomes: per_line(Column::Outcomes),
        };
        let heights: Vec<f32> = rows
            .iter()
            .map(|&i| {
                if expand_all || Some(i) == selected {
                    expanded_height(&actions[i], line_h, &fit)
                } else {
                    compact
                }
            })
            .collect();
        let mut clicked: Option<(usize, Column)> = None;
        let mut double: Option<(usize, Column)> = None;
        let mut sort_click: Option<Column> = None;
        let mut rag_set: Option<(usize, Rag)> = None;
        // The edit that ended, whether to apply it, and where Tab moves the cursor (-1, 0, 1).
        let mut cell_done: Option<(CellEdit, bool, i32)> = None;
        let outcomes = &doc.project().outcomes;
        let today = self.today;
        let cursor = self.cursor;
        let editing = &mut self.editing;
        let sort = self.sort;
        ui.style_mut().spacing.scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt("actions-hscroll")
            .show(ui, |ui| {
                let mut tb = TableBuilder::new(ui)
                    .id_salt(("actions-table", plan))
                    .striped(true)
                    .resizable(true)
                    .cell_layout(egui::Layout::left_to_right(egui::Align::Min))
                    .min_scrolled_height(0.0)
                    .sense(egui::Sense::click());
                for c in &cols {
                    let (initial, least) = column_width(*c);
                    let w = TableColumn::initial((initial * scale).max(least)).at_least(least);
                    tb = tb.column(w.clip(true));
                }
                if let Some(r) = scroll_row {
                    tb = tb.scroll_to_row(r, Some(egui::Align::Center));
                }
                tb.header(HEADER_H, |mut header| {
                    for c in &cols {
                        header.col(|ui| {
                            let arrow = match sort {
                                Some(s) if s.column == *c => {
                                    if s.descending {
                                        " ▼"
                                    } else {
                                        " ▲"
                                    }
                                }
                                _ => "",
                            };
                            let r = ui
                                .add(
                                    egui::Button::new(
                                        RichText::new(format!("{}{arrow}", c.label())).strong(),
                                    )
                                    .frame(false),
                                )
                                .on_hover_text(format!("Sort by {}", c.label().to_lowercase()));
                            if r.clicked() {
                                sort_click = Some(*c);
                            }
                        });
                    }
                })
                .body(|body| {
                    body.heterogeneous_rows(heights.into_iter(), |mut row| {
                        let i = rows[row.index()];
                        let a = &actions[i];
                        row.set_selected(selected == Some(i));
                        for c in &cols {
                            let mut inner_click = false;
                            let (_, resp) = row.col(|ui| {
                                let is_edit = editing
                                    .as_ref()
                                    .is_some_and(|e| e.index == i && e.column == *c);
                                if is_edit {
                                    let e = editing.as_mut().expect("checked");
                                    let label = format!(
                                        "Edit {} of {}",
                                        c.label().to_lowercase(),
                                        a.reference
                                    );
                                    let mut te = egui::TextEdit::singleline(&mut e.text)
                                        .desired_width(ui.available_width());
                                    if e.error.is_some() {
                                        te = te.text_color(red(ui));
                                    }
                                    let r = ui.add(te);
                                    r.widget_info(|| {
                                        egui::WidgetInfo::labeled(
                                            egui::Role::TextInput,
                                            true,
                                            &label,
                                        )
                                    });
                                    let r = match &e.error {
                                        Some(m) => r.on_hover_text(m.clone()),
                                        None => r,
                                    };
                                    if !e.started {
                                        r.request_focus();
                                        e.started = true;
                                    } else if r.lost_focus() {
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
                                        cell_done = Some((e.clone(), !esc, step));
                                    }
                                    return;
                                }
                                let focus_cell = selected == Some(i) && cursor == *c;
                                if focus_cell {
                                    ui.painter().rect_stroke(
                                        ui.max_rect().expand(1.0),
                                        2.0,
                                        egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
                                        egui::StrokeKind::Inside,
                                    );
                                }
                                if cell(
                                    ui,
                                    a,
                                    *c,
                                    &CellCtx {
                                        today,
                                        outcomes,
                                        index: i,
                                        max_rows: if expand_all || selected == Some(i) {
                                            usize::MAX
                                        } else {
                                            ROW_LINES
                                        },
                                    },
                                    &mut rag_set,
                                ) {
                                    inner_click = true;
                                }
                            });
                            if resp.clicked() || std::mem::take(&mut inner_click) {
                                clicked = Some((i, *c));
                            }
                            if resp.double_clicked() {
                                double = Some((i, *c));
                            }
                        }
                    });
                });
            });
        if let Some(c) = sort_click {
            self.sort = match self.sort {
                Some(s) if s.column == c && !s.descending => Some(Sort {
                    column: c,
                    descending: true,
                }),
                Some(s) if s.column == c => None,
                _ => Some(Sort {
                    column: c,
                    descending: false,
                }),
            };
        }
        if let Some((i, c)) = clicked {
            if self.selected != Some(i) {
                self.flush_editor(doc, plan);
            }
            self.selected = Some(i);
            self.cursor = c;
            self.show_editor = true;
        }
        if let Some((i, c)) = double {
            self.begin_cell_edit(doc, plan, i, c);
        }
        if let Some((i, r)) = rag_set {
            let mut a = doc.project().action_plans[plan].actions[i].clone();
            a.rag = r;
            if let Err(m) = self.commit(doc, plan, i, a, "Change RAG") {
                self.message = Some(m);
            }
        }
        if let Some((e, apply, step)) = cell_done {
            if !apply {
                self.editing = None;
                self.message = None;
            } else {
                match self.apply_cell(doc, plan, &e) {
                    Ok(()) => {
                        self.editing = None;
                        self.message = None;
                        // Like a spreadsheet: Tab saves and moves to the next cell, and the
                        // table, not whatever widget egui would focus next, takes the keys.
                        if step != 0
                            && let Some(ci) = cols.iter().position(|c| *c == e.column)
                        {
                            let next = (ci as i32 + step).clamp(0, cols.len() as i32 - 1);
                            self.cursor = cols[next as usize];
                        }
                        ui.ctx().memory_mut(|m| {
                            if let Some(id) = m.focused() {
                                m.surrender_focus(id);
                            }
                        });
                    }
                    Err(m) => {
                        let reference =
                            &doc.project().action_plans[plan].actions[e.index].reference;
                        self.message = Some(format!(
                            "{} of {reference} not changed: {m}",
                            e.column.label()
                        ));
                        self.editing = Some(CellEdit {
                            error: Some(m),
                            started: false,
                            ..e
                        });
                    }
                }
            }
        }
    }
}

/// Characters that fit on one line of the columns whose text wraps.
struct Fit {
    title: usize,
    key_actions: usize,
    progress: usize,
    outcomes: usize,
}

/// Lines `text` takes at `per_line` characters a line, with `lead` characters before its
/// first line (a bullet, a date). Counted without building strings: with "Expand rows" this
/// runs for every row each frame.
fn lines_of(text: &str, lead: usize, per_line: usize) -> usize {
    text.split('\n')
        .enumerate()
        .map(|(i, l)| {
            let n = l.chars().count() + if i == 0 { lead } else { 0 };
            n.div_ceil(per_line.max(1)).max(1)
        })
        .sum()
}

/// The height of a row shown whole (selected, or "Expand rows"): its tallest wrapped cell.
fn expanded_height(a: &Action, line_h: f32, fit: &Fit) -> f32 {
    let key_actions: usize = a
        .key_actions
        .iter()
        .map(|k| lines_of(k, 2, fit.key_actions))
        .sum();
    // "31 Jan 2025: " before the latest note's text.
    let progress = crate::plan_table::latest_progress(a)
        .map(|p| lines_of(&p.text, 13, fit.progress))
        .unwrap_or(1);
    let outcomes = a.outcomes.len().max(1) * 30usize.div_ceil(fit.outcomes.max(1));
    let lines = [
        key_actions.max(1),
        lines_of(&a.title, 0, fit.title),
        progress,
        outcomes,
    ]
    .into_iter()
    .max()
    .unwrap_or(1) as f32;
    (lines.max(ROW_LINES as f32) * line_h + 8.0).min(1200.0)
}

/// What a cell needs besides its action and column.
struct CellCtx<'a> {
    today: NaiveDate,
    outcomes: &'a [crate::model::Outcome],
    /// The action's index in the plan.
    index: usize,
    max_rows: usize,
}

/// Paint one cell (not being edited).
fn cell(
    ui: &mut Ui,
    a: &Action,
    c: Column,
    cx: &CellCtx<'_>,
    rag_set: &mut Option<(usize, Rag)>,
) -> bool {
    let (today, outcomes, index, max_rows) = (cx.today, cx.outcomes, cx.index, cx.max_rows);
    let mut clicked = false;
    let mut wrap = |ui: &mut Ui, text: String| {
        // At most `max_rows` lines, ending in "…" when cut, so no line is half shown.
        let mut job = egui::text::LayoutJob::single_section(
            text.clone(),
            egui::TextFormat {
                font_id: egui::TextStyle::Body.resolve(ui.style()),
                color: ui.visuals().text_color(),
                ..Default::default()
            },
        );
        job.wrap.max_rows = max_rows;
        job.wrap.overflow_character = Some('…');
        let r = ui.add(egui::Label::new(job).wrap().sense(egui::Sense::click()));
        clicked |= r.clicked();
        if !text.is_empty() {
            r.on_hover_text(text);
        }
    };
    match c {
        Column::Reference => {
            let r = ui.add(
                egui::Label::new(RichText::new(&a.reference).strong()).sense(egui::Sense::click()),
            );
            clicked |= r.clicked();
        }
        Column::Theme => wrap(ui, a.theme.clone()),
        Column::Title => wrap(ui, a.title.clone()),
        Column::KeyActions => wrap(
            ui,
            a.key_actions
                .iter()
                .map(|k| format!("• {k}"))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        Column::Owner => wrap(ui, a.owner.clone()),
        Column::Due => {
            ui.vertical(|ui| {
                ui.label(format::opt_date(a.due));
                if plan_table::is_overdue(a, today) {
                    let days = (today - a.due.unwrap_or(today)).num_days();
                    ui.label(RichText::new("⚠ overdue").small().color(red(ui)))
                        .on_hover_text(format!("{days} days past its due date"));
                }
            });
        }
        Column::Rag => {
            let r = rag_badge(ui, a.rag).interact(egui::Sense::click());
            egui::Popup::menu(&r).show(|ui| {
                for rag in Rag::ALL {
                    if ui.selectable_label(a.rag == rag, rag_text(rag)).clicked() {
                        *rag_set = Some((index, rag));
                    }
                }
            });
        }
        Column::Progress => match plan_table::latest_progress(a) {
            Some(p) => wrap(ui, format!("{}: {}", format::date(p.date), p.text)),
            None => {
                ui.label(RichText::new("—").color(theme::muted(ui)));
            }
        },
        Column::LastUpdated => {
            ui.label(format::opt_date(a.last_updated));
        }
        Column::Outcomes => {
            let names: Vec<String> = a
                .outcomes
                .iter()
                .map(|o| {
                    outcomes
                        .iter()
                        .find(|x| x.id == *o)
                        .map(|x| format!("{o} — {}", x.name))
                        .unwrap_or_else(|| o.clone())
                })
                .collect();
            let r = ui.add(
                egui::Label::new(a.outcomes.join(", "))
                    .wrap()
                    .sense(egui::Sense::click()),
            );
            clicked |= r.clicked();
            if !names.is_empty() {
                r.on_hover_text(names.join("\n"));
            }
        }
    }
    clicked
}

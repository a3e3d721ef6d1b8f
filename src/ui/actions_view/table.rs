//! The table itself: columns fitted to the width, only the visible rows laid out, a header
//! that sorts, and cells edited in place.

use super::cells::{CellCtx, cell, edit_cell};
use super::columns::compact_height;
use super::*;
use crate::plan_table::layout::Fitted;

/// What happened in the table during a frame, acted on once it is drawn.
#[derive(Default)]
struct Events {
    clicked: Option<(usize, Column)>,
    double: Option<(usize, Column)>,
    sort_click: Option<Column>,
    rag_set: Option<(usize, Rag)>,
    /// The cell edit that ended, whether to apply it, and where Tab moves the cursor.
    cell_done: Option<(CellEdit, bool, i32)>,
}

impl ActionsView {
    pub(super) fn table(
        &mut self,
        ui: &mut Ui,
        doc: &mut Document,
        plan: usize,
        nav: &mut Nav,
        hidden: &mut Vec<Column>,
        width: f32,
    ) {
        // Less the vertical scroll bar's room.
        let width = width - ui.spacing().scroll.bar_width - 6.0;
        let (fitted, blank) = self.fit_columns(ui, doc, plan, hidden, width);
        let cols = fitted.columns();
        if !cols.contains(&self.cursor)
            && let Some(first) = cols.first()
        {
            self.cursor = *first;
        }
        self.toolbar(ui, doc, plan, nav, hidden, (&fitted.left_out, &blank));
        // The buttons may have changed the plan: bring the rows up to date first.
        self.refresh_cache(doc, plan);
        let rows = self.visible_rows().to_vec();
        if rows.is_empty() {
            ui.add_space(12.0);
            if doc.project().action_plans[plan].actions.is_empty() {
                ui.label("This plan has no actions yet.");
            } else {
                ui.label("No actions match the filters. Clear them to see every action.");
            }
            return;
        }
        let heights = self.row_heights(ui, doc, plan, &rows, &fitted);
        let events = self.draw_table(ui, doc, plan, &rows, &fitted, heights);
        self.fitted = fitted;
        self.act_on(ui, doc, plan, events);
    }

    /// Rows are cut to a few lines, except the selected one and, with "Expand rows", all.
    fn row_heights(
        &mut self,
        ui: &Ui,
        doc: &Document,
        plan: usize,
        rows: &[usize],
        fitted: &Fitted,
    ) -> Vec<f32> {
        let compact = compact_height(ui);
        self.keep_heights_for(doc, plan, fitted);
        rows.iter()
            .map(|&i| {
                if self.expand_all || self.selected == Some(i) {
                    self.whole_row_height(ui, doc, plan, i, fitted)
                } else {
                    compact
                }
            })
            .collect()
    }

    fn draw_table(
        &mut self,
        ui: &mut Ui,
        doc: &Document,
        plan: usize,
        rows: &[usize],
        fitted: &Fitted,
        heights: Vec<f32>,
    ) -> Events {
        let project = doc.project();
        let actions = &project.action_plans[plan].actions;
        let cols = fitted.columns();
        let scroll_row = self
            .scroll_to
            .take()
            .and_then(|(i, align)| rows.iter().position(|r| *r == i).map(|p| (p, align)));
        let (selected, cursor, expand_all, today, sort) = (
            self.selected,
            self.cursor,
            self.expand_all,
            self.today,
            self.sort,
        );
        let mut scroll_cursor = std::mem::take(&mut self.scroll_cursor);
        let editing = &mut self.editing;
        let (mut clicked, mut double, mut sort_click, mut rag_set, mut cell_done) =
            (None, None, None, None, None);
        ui.style_mut().spacing.scroll = egui::style::ScrollStyle::solid();
        egui::ScrollArea::horizontal()
            .id_salt("actions-hscroll")
            .show(ui, |ui| {
                let mut tb = TableBuilder::new(ui)
                    .id_salt(("actions-table", plan))
                    .striped(true)
                    .cell_layout(egui::Layout::left_to_right(egui::Align::Min))
                    .min_scrolled_height(0.0)
                    .sense(egui::Sense::click());
                for (_, w) in &fitted.widths {
                    tb = tb.column(TableColumn::exact(*w).clip(true));
                }
                if let Some((r, align)) = scroll_row {
                    tb = tb.scroll_to_row(r, align);
                }
                tb.header(HEADER_H, |mut header| {
                    for c in &cols {
                        header.col(|ui| {
                            if header_button(ui, *c, sort) {
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
                                if let Some(e) =
                                    editing.as_mut().filter(|e| e.index == i && e.column == *c)
                                {
                                    let label = format!(
                                        "Edit {} of {}",
                                        c.label().to_lowercase(),
                                        a.reference
                                    );
                                    cell_done = edit_cell(ui, e, &label).or(cell_done.take());
                                    return;
                                }
                                if selected == Some(i) && cursor == *c {
                                    cursor_frame(ui);
                                    if std::mem::take(&mut scroll_cursor) {
                                        ui.scroll_to_rect(ui.max_rect(), None);
                                    }
                                }
                                let max_rows = if expand_all || selected == Some(i) {
                                    usize::MAX
                                } else {
                                    ROW_LINES
                                };
                                let cx = CellCtx {
                                    today,
                                    project,
                                    index: i,
                                    max_rows,
                                };
                                inner_click = cell(ui, a, *c, &cx, &mut rag_set);
                            });
                            if resp.clicked() || inner_click {
                                clicked = Some((i, *c));
                            }
                            if resp.double_clicked() {
                                double = Some((i, *c));
                            }
                        }
                    });
                });
            });
        // The cursor's row was not laid out this frame (it is being scrolled to): next frame.
        self.scroll_cursor = scroll_cursor && selected.is_some_and(|s| rows.contains(&s));
        Events {
            clicked,
            double,
            sort_click,
            rag_set,
            cell_done,
        }
    }

    fn act_on(&mut self, ui: &Ui, doc: &mut Document, plan: usize, ev: Events) {
        if let Some(c) = ev.sort_click {
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
        if let Some((i, c)) = ev.clicked {
            if self.selected != Some(i) {
                self.flush_editor(doc, plan);
            }
            self.selected = Some(i);
            self.cursor = c;
            self.show_editor = true;
        }
        if let Some((i, c)) = ev.double {
            self.begin_cell_edit(doc, plan, i, c);
        }
        if let Some((i, r)) = ev.rag_set {
            self.set_rag(doc, plan, i, r);
        }
        if let Some(done) = ev.cell_done {
            self.finish_cell_edit(ui, doc, plan, done);
        }
    }
}

/// A column's header: its name, the sort arrow when sorted by it. Returns whether clicked.
fn header_button(ui: &mut Ui, c: Column, sort: Option<Sort>) -> bool {
    let arrow = match sort {
        Some(s) if s.column == c && s.descending => " ▼",
        Some(s) if s.column == c => " ▲",
        _ => "",
    };
    ui.add(egui::Button::new(RichText::new(format!("{}{arrow}", c.label())).strong()).frame(false))
        .on_hover_text(format!("Sort by {}", c.label().to_lowercase()))
        .clicked()
}

/// The keyboard cursor's frame around a cell.
fn cursor_frame(ui: &Ui) {
    ui.painter().rect_stroke(
        ui.max_rect().expand(1.0),
        2.0,
        egui::Stroke::new(2.0, ui.visuals().selection.stroke.color),
        egui::StrokeKind::Inside,
    );
}

//! An action plan's table as a picture for a slide: reference, action, owner, due date and
//! RAG (a filled label with its symbol and word, so the rating never rests on colour alone),
//! the counts by rating above it and the plan's origin and the filter below it.

use super::layout::{self, MARGIN};
use super::views;
use super::words::source_line;
use crate::export::svg::{Anchor, Stroke, Svg, TextStyle};
use crate::model::{Action, ActionPlan, PlanColumn, PlanFilter, PlanSort, Rag};
use crate::palette::{self, GRID, INK, INK_MUTED};

/// The sizes tried for the rows, largest first; the smallest still reads at the back of a room.
const SIZES: [f64; 5] = [28.0, 26.0, 24.0, 22.0, 20.0];

struct Columns {
    reference: (f64, f64),
    title: (f64, f64),
    owner: (f64, f64),
    due: (f64, f64),
    rag: (f64, f64),
}

/// Column (x, width) for a picture `w` wide at text `size`.
fn columns(plan: &ActionPlan, rows: &[usize], w: f64, size: f64) -> Columns {
    let pad = size * 0.8;
    let widest_ref = rows
        .iter()
        .map(|&i| layout::width(&plan.actions[i].reference, size))
        .fold(layout::width("Ref", size), f64::max)
        .min(w * 0.12);
    let reference = (MARGIN, widest_ref + pad);
    let rag_w = layout::width("★ Not started", size) + pad * 1.5;
    let due_w = layout::width("30 Sep 2025", size) + pad;
    let rag = (w - MARGIN - rag_w, rag_w);
    let due = (rag.0 - due_w, due_w);
    let rest = due.0 - (reference.0 + reference.1);
    let owner = (due.0 - rest * 0.3, rest * 0.3);
    let title = (reference.0 + reference.1, rest * 0.7);
    Columns {
        reference,
        title,
        owner,
        due,
        rag,
    }
}

struct Row {
    title: Vec<String>,
    owner: Vec<String>,
}

impl Row {
    fn lines(&self) -> usize {
        self.title.len().max(self.owner.len()).max(1)
    }
}

fn row_height(lines: usize, size: f64) -> f64 {
    lines as f64 * size * 1.25 + size * 0.7
}

/// The table picture of `plan`'s actions that pass `filter`, in `sort` order, `w`×`h` units.
pub fn svg(
    plan: &ActionPlan,
    filter: &PlanFilter,
    sort: Option<PlanSort>,
    w: f64,
    h: f64,
) -> String {
    let rows = views::plan_rows(plan, filter, sort);
    let mut s = Svg::new(w, h, &plan.title);
    let bottom = source_line(&mut s, &source_text(plan, filter, sort), w, h);
    let top = MARGIN * 0.4;
    let summary_size = 26.0;
    s.text(
        MARGIN,
        top + summary_size,
        &summary(plan, &rows),
        TextStyle::new(summary_size, INK),
    );
    let header_top = top + summary_size * 1.9;
    if rows.is_empty() {
        s.text(
            MARGIN,
            header_top + 40.0,
            "No actions match.",
            TextStyle::new(30.0, INK_MUTED),
        );
        return s.finish();
    }
    // The largest size at which every row fits; else the smallest, and a count of the rest.
    let room = bottom - header_top;
    let layout_at = |size: f64| {
        let c = columns(plan, &rows, w, size);
        let laid: Vec<Row> = rows
            .iter()
            .map(|&i| lay_out_row(&plan.actions[i], &c, size))
            .collect();
        (c, laid)
    };
    let fits = |size: f64, laid: &[Row]| {
        size * 1.6
            + laid
                .iter()
                .map(|r| row_height(r.lines(), size))
                .sum::<f64>()
            <= room
    };
    let (size, (cols, laid)) = SIZES
        .into_iter()
        .map(|z| (z, layout_at(z)))
        .find(|(z, (_, laid))| fits(*z, laid))
        .unwrap_or_else(|| (SIZES[SIZES.len() - 1], layout_at(SIZES[SIZES.len() - 1])));
    header(&mut s, &cols, header_top, size, w);
    let mut y = header_top + size * 1.6;
    for (k, (&i, row)) in rows.iter().zip(&laid).enumerate() {
        let rh = row_height(row.lines(), size);
        let left = rows.len() - k;
        if y + rh > bottom - if left > 1 { size * 1.4 } else { 0.0 } {
            s.text(
                MARGIN,
                y + size,
                &format!("…and {left} more not shown (the plan lists them all)"),
                TextStyle::new(size, INK_MUTED),
            );
            break;
        }
        draw_row(&mut s, &plan.actions[i], row, &cols, y, size);
        y += rh;
        s.line(MARGIN, y, w - MARGIN, y, &Stroke::solid(GRID, 1.5));
    }
    s.finish()
}

fn lay_out_row(a: &Action, c: &Columns, size: f64) -> Row {
    let pad = size * 0.8;
    Row {
        title: layout::wrap(&a.title, c.title.1 - pad, size, 2),
        owner: layout::wrap(&a.owner.replace(';', "; "), c.owner.1 - pad, size, 2),
    }
}

fn header(s: &mut Svg, c: &Columns, top: f64, size: f64, w: f64) {
    let style = TextStyle::new(size * 0.9, INK_MUTED).bold();
    let y = top + size;
    s.text(c.reference.0, y, "Ref", style);
    s.text(c.title.0, y, "Action", style);
    s.text(c.owner.0, y, "Owner", style);
    s.text(c.due.0, y, "Due", style);
    s.text(c.rag.0 + size * 0.4, y, "RAG", style);
    s.line(
        MARGIN,
        top + size * 1.5,
        w - MARGIN,
        top + size * 1.5,
        &Stroke::solid(INK_MUTED, 2.0),
    );
}

fn draw_row(s: &mut Svg, a: &Action, row: &Row, c: &Columns, top: f64, size: f64) {
    let base = top + size * 0.35 + size;
    let line_h = size * 1.25;
    let body = TextStyle::new(size, INK);
    s.text(c.reference.0, base, &a.reference, body.bold());
    s.text_lines(c.title.0, base, &row.title, body, line_h);
    s.text_lines(
        c.owner.0,
        base,
        &row.owner,
        TextStyle::new(size, INK_MUTED),
        line_h,
    );
    s.text(c.due.0, base, &crate::format::opt_date(a.due), body);
    let fill = palette::rag_colour(a.rag);
    let pill_h = size * 1.35;
    s.rect(
        c.rag.0,
        base - size * 1.0,
        c.rag.1 - size * 0.3,
        pill_h,
        Some(fill),
        None,
    );
    s.text(
        c.rag.0 + size * 0.4,
        base,
        &format!("{} {}", palette::rag_symbol(a.rag), a.rag.label()),
        TextStyle::new(size, fill.text_on()).anchor(Anchor::Start),
    );
}

/// "12 of 20 listed: ✖ 2 Red · ▲ 6 Amber · ○ 4 Not started".
pub fn summary(plan: &ActionPlan, rows: &[usize]) -> String {
    let counts: Vec<String> = Rag::ALL
        .iter()
        .rev()
        .filter_map(|&r| {
            let n = rows.iter().filter(|&&i| plan.actions[i].rag == r).count();
            (n > 0).then(|| format!("{} {n} {}", palette::rag_symbol(r), r.label()))
        })
        .collect();
    let n = plan.actions.len();
    let listed = if rows.len() == n {
        format!("{n} action{}", if n == 1 { "" } else { "s" })
    } else {
        format!("{} of {n} actions listed", rows.len())
    };
    if counts.is_empty() {
        listed
    } else {
        format!("{listed}: {}", counts.join(" · "))
    }
}

fn source_text(plan: &ActionPlan, filter: &PlanFilter, sort: Option<PlanSort>) -> String {
    let mut parts = vec![format!(
        "Source: {}",
        if plan.origin.trim().is_empty() {
            plan.title.trim()
        } else {
            plan.origin.trim()
        }
    )];
    let filter = views::filter_words(filter);
    if !filter.is_empty() {
        parts.push(format!("Listed: {filter}"));
    }
    if let Some(s) = sort {
        let by = match s.by {
            PlanColumn::Reference => "reference",
            PlanColumn::Theme => "theme",
            PlanColumn::Title => "title",
            PlanColumn::Owner => "owner",
            PlanColumn::Due => "due date",
            PlanColumn::Rag => "RAG rating",
            PlanColumn::LastUpdated => "last update",
        };
        let order = if s.descending { ", last first" } else { "" };
        parts.push(format!("Sorted by {by}{order}"));
    }
    if let Some(latest) = plan.actions.iter().filter_map(|a| a.last_updated).max() {
        parts.push(format!(
            "RAG as last updated {}",
            crate::format::date(latest)
        ));
    }
    parts.join(". ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn plan(n: usize) -> ActionPlan {
        ActionPlan {
            id: "p".into(),
            title: "Plan".into(),
            origin: "Peer challenge, March 2024".into(),
            actions: (0..n)
                .map(|i| Action {
                    reference: format!("R{}", i + 1),
                    title: format!("Recommendation number {i} with a title long enough to need wrapping onto a second line of the table"),
                    owner: "Chief Executive; Director of Place".into(),
                    due: NaiveDate::from_ymd_opt(2025, 3, 31),
                    rag: Rag::ALL[i % 5],
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }
    }

    #[test]
    fn every_row_is_listed_or_counted() {
        let few = svg(&plan(5), &PlanFilter::default(), None, 1920.0, 900.0);
        for i in 1..=5 {
            assert!(few.contains(&format!(">R{i}</text>")));
        }
        assert!(!few.contains("more not shown"));
        assert!(few.contains("★ Complete") && few.contains("✖ Red"));
        let many = svg(&plan(60), &PlanFilter::default(), None, 1920.0, 900.0);
        assert!(
            many.contains("more not shown"),
            "a long plan says what it leaves out"
        );
        assert!(many.contains("Source: Peer challenge, March 2024"));
    }

    #[test]
    fn summary_counts_by_rating() {
        let p = plan(5);
        assert_eq!(
            summary(&p, &[0, 1, 2]),
            "3 of 5 actions listed: ▲ 1 Amber · ✖ 1 Red · ○ 1 Not started"
        );
    }
}

//! How wide each column of an action table is. Every column shown is at least as wide as its
//! longest word, so no word is ever broken; the room left is shared out towards the width each
//! column's text wants, and what is left after that goes to the columns of long text, so the
//! table fills its width. When even the least widths do not fit, the least needed columns are
//! left out (the view says which) rather than pushed off the screen.
//!
//! Pure arithmetic on widths measured by the caller, so it is the same for the window and
//! for tests.

use super::Column;

/// What one column needs, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Need {
    pub column: Column,
    /// The width of its widest unbreakable piece (a word, a date, a badge, the header).
    pub least: f32,
    /// The width that shows its text comfortably (the longest cell on one line, or a
    /// readable measure for long text).
    pub wanted: f32,
    /// Its share of any room left once every column has what it wants (0 for columns of
    /// short text, which gain nothing from more room).
    pub grow: f32,
}

/// The columns shown and their widths, and the columns left out for lack of room.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Fitted {
    pub widths: Vec<(Column, f32)>,
    pub left_out: Vec<Column>,
}

impl Fitted {
    pub fn columns(&self) -> Vec<Column> {
        self.widths.iter().map(|(c, _)| *c).collect()
    }

    pub fn width_of(&self, column: Column) -> Option<f32> {
        self.widths
            .iter()
            .find(|(c, _)| *c == column)
            .map(|(_, w)| *w)
    }
}

/// Which columns go first when the table is too narrow for all of them: the reference, the
/// title and the RAG rating always stay.
pub const LEAVE_OUT_FIRST: [Column; 7] = [
    Column::LastUpdated,
    Column::Theme,
    Column::Outcomes,
    Column::KeyActions,
    Column::Owner,
    Column::Progress,
    Column::Due,
];

/// Fit `needs` (in display order) into `width`, with `gap` taken by each column besides
/// its own width (cell padding and the line between columns).
pub fn fit(needs: &[Need], width: f32, gap: f32) -> Fitted {
    let mut kept: Vec<Need> = needs.to_vec();
    let mut left_out = Vec::new();
    let total = |k: &[Need]| k.iter().map(|n| n.least + gap).sum::<f32>();
    for c in LEAVE_OUT_FIRST {
        if total(&kept) <= width {
            break;
        }
        if let Some(i) = kept.iter().position(|n| n.column == c) {
            left_out.push(kept.remove(i).column);
        }
    }
    let mut widths: Vec<f32> = kept.iter().map(|n| n.least).collect();
    let mut room = width - total(&kept);
    // Towards what each wants, in proportion to how far each is from it.
    let short: f32 = kept.iter().map(|n| (n.wanted - n.least).max(0.0)).sum();
    if room > 0.0 && short > 0.0 {
        let share = (room / short).min(1.0);
        for (w, n) in widths.iter_mut().zip(&kept) {
            *w += (n.wanted - n.least).max(0.0) * share;
        }
        room -= short * share;
    }
    // Then what is left to the columns of long text.
    let grow: f32 = kept.iter().map(|n| n.grow).sum();
    if room > 0.5 && grow > 0.0 {
        for (w, n) in widths.iter_mut().zip(&kept) {
            *w += room * n.grow / grow;
        }
    }
    Fitted {
        widths: kept.iter().map(|n| n.column).zip(widths).collect(),
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn need(column: Column, least: f32, wanted: f32, grow: f32) -> Need {
        Need {
            column,
            least,
            wanted,
            grow,
        }
    }

    fn needs() -> Vec<Need> {
        vec![
            need(Column::Reference, 70.0, 70.0, 0.0),
            need(Column::Theme, 110.0, 160.0, 0.0),
            need(Column::Title, 120.0, 360.0, 3.0),
            need(Column::Due, 95.0, 95.0, 0.0),
            need(Column::Rag, 110.0, 110.0, 0.0),
            need(Column::Progress, 120.0, 320.0, 2.0),
            need(Column::LastUpdated, 95.0, 95.0, 0.0),
        ]
    }

    fn used(f: &Fitted, gap: f32) -> f32 {
        f.widths.iter().map(|(_, w)| w + gap).sum()
    }

    #[test]
    fn a_wide_table_fills_its_width_and_the_long_text_takes_the_rest() {
        let f = fit(&needs(), 1700.0, 10.0);
        assert!(f.left_out.is_empty());
        assert!((used(&f, 10.0) - 1700.0).abs() < 0.01, "{}", used(&f, 10.0));
        assert_eq!(
            f.width_of(Column::Theme),
            Some(160.0),
            "short text stops at its want"
        );
        assert_eq!(f.width_of(Column::Due), Some(95.0));
        let (title, progress) = (
            f.width_of(Column::Title).unwrap(),
            f.width_of(Column::Progress).unwrap(),
        );
        assert!(title > 360.0 && progress > 320.0);
        assert!(((title - 360.0) / (progress - 320.0) - 1.5).abs() < 0.01);
    }

    #[test]
    fn a_middling_table_shares_the_room_towards_what_each_wants() {
        let least: f32 = needs().iter().map(|n| n.least + 10.0).sum();
        let f = fit(&needs(), least + 100.0, 10.0);
        assert!(f.left_out.is_empty());
        assert!((used(&f, 10.0) - (least + 100.0)).abs() < 0.01);
        for (n, (_, w)) in needs().iter().zip(&f.widths) {
            assert!(*w >= n.least && *w <= n.wanted, "{:?} {w}", n.column);
        }
    }

    #[test]
    fn a_narrow_table_leaves_columns_out_in_order_never_the_title_or_rag() {
        let f = fit(&needs(), 570.0, 10.0);
        assert_eq!(f.left_out, vec![Column::LastUpdated, Column::Theme]);
        assert!(used(&f, 10.0) <= 570.0);
        let f = fit(&needs(), 100.0, 10.0);
        assert_eq!(
            f.columns(),
            vec![Column::Reference, Column::Title, Column::Rag],
            "what always stays, however narrow"
        );
        for (c, w) in &f.widths {
            let n = needs().into_iter().find(|n| n.column == *c).unwrap();
            assert_eq!(*w, n.least, "never under a column's least width");
        }
    }
}

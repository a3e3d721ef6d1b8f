//! One small named widget per segment, for screen readers (AccessKit), the keyboard and
//! tests, and what a click on the wheel lands on.

use super::*;

/// What the segments' widgets saw this frame.
#[derive(Default)]
pub(super) struct SegmentInput {
    /// A segment's widget was clicked (or pressed through AccessKit).
    pub clicked: Option<usize>,
    /// One of them has egui's focus.
    pub focused: bool,
    /// One of them was reached with Tab this frame.
    pub tabbed_to: Option<usize>,
    /// The widget under the pointer, if any: it takes the hover from the wheel.
    pub hovered: Option<egui::Response>,
    /// The widget right-clicked (or given the menu key) this frame, with its segment.
    pub secondary: Option<(usize, egui::Response)>,
    /// The widget of the segment whose menu is open (`menu_key`).
    pub menu_host: Option<egui::Response>,
}

/// The widget id of a segment's widget.
pub(super) fn segment_id(ui: &Ui, key: &SegmentKey) -> egui::Id {
    ui.unique_id().with(("wheel-seg", key))
}

/// Add the segments' widgets. The keyboard cursor moves egui's focus between them, so
/// AccessKit announces the segment it lands on. `kb` and `selected` are the keyboard
/// cursor's and the selection's segments; `menu_key` the segment whose widget has the
/// edit menu open.
pub(super) fn segment_widgets(
    ui: &mut Ui,
    p: &Project,
    g: &Geometry,
    c: Pos2,
    (kb, selected): (Option<usize>, Option<usize>),
    menu_key: Option<&SegmentKey>,
) -> SegmentInput {
    let mut input = SegmentInput::default();
    // With many voices, those too thin to point at are left out, except the voices of the
    // selected outcome and of the keyboard cursor's outcome; zooming in widens them, so
    // the voices in view are always there.
    let many_voices = g.ring(Ring::Voice).len() > 400;
    let outcome_of = |i: usize| match g.segments[i].kind {
        SegmentKind::Outcome(o) | SegmentKind::Voice { outcome: o, .. } => Some(o),
        _ => None,
    };
    let near = [kb.and_then(outcome_of), selected.and_then(outcome_of)];
    for (i, s) in g.segments.iter().enumerate() {
        if let SegmentKind::Voice { outcome, .. } = s.kind
            && many_voices
            && (s.end - s.start) * (s.r0 + s.r1) / 2.0 < 3.0
            && !near.contains(&Some(outcome))
        {
            continue;
        }
        let a = paint::to_pos(c, s.anchor());
        let r = ui.interact(
            Rect::from_center_size(a, Vec2::splat(6.0)),
            segment_id(ui, &s.key),
            Sense::click(),
        );
        // Named only when asked (AccessKit on), so idle frames allocate nothing.
        r.widget_info(|| {
            let name = match s.kind {
                SegmentKind::Pair { .. } => g.path(i).join(" › "),
                SegmentKind::Voice { outcome, .. } => {
                    format!("{} (resident voice, {})", s.name, p.outcomes[outcome].name)
                }
                _ => s.name.clone(),
            };
            egui::WidgetInfo::labeled(egui::Role::Button, true, name)
        });
        input.focused |= r.has_focus();
        if r.gained_focus() && kb != Some(i) {
            // Reached with Tab: the arrow keys go on from here.
            input.tabbed_to = Some(i);
        }
        if r.clicked() {
            input.clicked = Some(i);
        }
        if r.secondary_clicked() {
            input.secondary = Some((i, r.clone()));
        }
        if menu_key == Some(&s.key) {
            input.menu_host = Some(r.clone());
        }
        if r.hovered() {
            input.hovered = Some(r);
        }
    }
    input
}

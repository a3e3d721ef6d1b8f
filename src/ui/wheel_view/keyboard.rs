//! The wheel's keys: arrows move a cursor between segments and rings, Enter selects or
//! zooms, Esc zooms out (or clears the selection).

use super::interact::segment_id;
use super::*;

impl WheelView {
    /// Handle the wheel's keys when they are its (no text box or menu has focus).
    /// `kb` is the keyboard cursor's segment, `has_focus` whether the wheel or one of its
    /// segments has egui's focus. Returns the segment that Enter activates.
    pub(super) fn keyboard(
        &mut self,
        ui: &mut Ui,
        p: &Project,
        g: &Geometry,
        kb: Option<usize>,
        has_focus: bool,
    ) -> Option<usize> {
        let ctx = ui.ctx().clone();
        // Keys belong to the wheel unless another widget (a text box, a menu) has focus.
        let keys_ours = ctx.memory(|m| m.focused()).is_none() || has_focus;
        if !keys_ours || ctx.text_edit_focused() {
            return None;
        }
        let (l, r, u, d, enter, esc) = ui.input_mut(|i| {
            let mut k = |key| i.consume_key(egui::Modifiers::NONE, key);
            (
                k(Key::ArrowLeft),
                k(Key::ArrowRight),
                k(Key::ArrowUp),
                k(Key::ArrowDown),
                k(Key::Enter),
                k(Key::Escape),
            )
        });
        let step = if l {
            Some(Step::Prev)
        } else if r {
            Some(Step::Next)
        } else if u {
            Some(Step::Out)
        } else if d {
            Some(Step::In)
        } else {
            None
        };
        if let Some(step) = step {
            self.kb_visible = true;
            let selected = self.selected.as_ref().and_then(|id| g.find_outcome(id));
            let next = match kb {
                Some(i) => g.neighbour(i, step).unwrap_or(i),
                None => selected.unwrap_or(g.rings[1].start),
            };
            self.kb = Some(g.segments[next].key.clone());
            // Focus follows the cursor (and egui must not also move focus by position with
            // the same arrow key).
            let id = segment_id(ui, &g.segments[next].key);
            ctx.memory_mut(|m| {
                m.request_focus(id);
                m.move_focus(egui::FocusDirection::None);
            });
            ctx.request_repaint();
        }
        if esc && !self.zoom_out(p, &ctx) {
            self.selected = None;
        }
        kb.filter(|_| enter)
    }
}

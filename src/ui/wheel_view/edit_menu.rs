//! The wheel's right-click menu: edit what a segment shows, or add an outcome where a
//! priority meets an area of need. The choice opens the Programme view's editor.

use super::*;
use crate::edit::Here;
use crate::history::List;

impl WheelView {
    /// The menu for the segment `kind` (of the project `p`). A choice is kept in
    /// `self.edit_request` and handed to the app after the frame.
    pub(super) fn edit_menu(&mut self, ui: &mut Ui, p: &Project, kind: SegmentKind) {
        let priority = |i: usize| p.priorities.get(i).map(|x| (x.id.clone(), x.name.clone()));
        let need = |i: usize| p.needs.get(i).map(|x| (x.id.clone(), x.name.clone()));
        let mut items: Vec<(String, NavRequest)> = Vec::new();
        let edit = |list, id: &str| NavRequest::EditItem {
            list,
            id: id.to_string(),
        };
        let add_here = |prio: Option<String>, need: Option<String>| NavRequest::AddItem {
            list: List::Outcomes,
            here: Here {
                priority: prio,
                need,
            },
        };
        match kind {
            SegmentKind::Outcome(o) | SegmentKind::Voice { outcome: o, .. } => {
                if let Some(x) = p.outcomes.get(o) {
                    items.push((
                        format!("Edit outcome “{}”", x.name),
                        edit(List::Outcomes, &x.id),
                    ));
                    items.push(("Add a voice to it…".into(), edit(List::Outcomes, &x.id)));
                    let here = add_here(Some(x.priority.clone()), Some(x.need.clone()));
                    items.push(("Add an outcome beside it…".into(), here));
                }
            }
            SegmentKind::Pair {
                priority: pi,
                need: ni,
            } => {
                if let (Some((pid, pname)), Some((nid, nname))) = (priority(pi), need(ni)) {
                    items.push((
                        "Add an outcome here…".into(),
                        add_here(Some(pid.clone()), Some(nid.clone())),
                    ));
                    items.push((
                        format!("Edit priority “{pname}”"),
                        edit(List::Priorities, &pid),
                    ));
                    items.push((
                        format!("Edit area of need “{nname}”"),
                        edit(List::Needs, &nid),
                    ));
                }
            }
            SegmentKind::Priority(i) => {
                if let Some((id, name)) = priority(i) {
                    items.push((
                        format!("Edit priority “{name}”"),
                        edit(List::Priorities, &id),
                    ));
                    items.push(("Add an outcome to it…".into(), add_here(Some(id), None)));
                }
            }
            SegmentKind::Need(i) => {
                if let Some((id, name)) = need(i) {
                    items.push((
                        format!("Edit area of need “{name}”"),
                        edit(List::Needs, &id),
                    ));
                    items.push(("Add an outcome to it…".into(), add_here(None, Some(id))));
                }
            }
        }
        for (label, request) in items {
            if ui.button(label).clicked() {
                self.edit_request = Some(request);
                ui.close();
            }
        }
    }
}

//! What a recovered project changes compared with the file on disk, in a few lines people
//! can read before choosing: "Measures: 2 changed, 1 added".

use crate::model::{Action, ActionPlan, Project};

/// How a list of items with ids differs: added, removed and changed, counted.
#[derive(Debug, Default, PartialEq, Eq)]
struct Counts {
    added: usize,
    removed: usize,
    changed: usize,
}

impl Counts {
    fn of<T: PartialEq>(old: &[T], new: &[T], id: impl Fn(&T) -> &str) -> Self {
        Self::of_by(old, new, id, |a, b| a == b)
    }

    /// [`Counts::of`] with `same` deciding whether an item changed.
    fn of_by<T>(
        old: &[T],
        new: &[T],
        id: impl Fn(&T) -> &str,
        same: impl Fn(&T, &T) -> bool,
    ) -> Self {
        let mut c = Counts::default();
        for n in new {
            match old.iter().find(|o| id(o) == id(n)) {
                None => c.added += 1,
                Some(o) if !same(o, n) => c.changed += 1,
                Some(_) => {}
            }
        }
        c.removed = old
            .iter()
            .filter(|o| !new.iter().any(|n| id(n) == id(o)))
            .count();
        c
    }

    /// "2 changed, 1 added", or None if nothing differs.
    fn phrase(&self) -> Option<String> {
        let parts: Vec<String> = [
            (self.changed, "changed"),
            (self.added, "added"),
            (self.removed, "removed"),
        ]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{} {what}", crate::format::number(*n as f64, 0)))
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// What `recovered` changes compared with `on_disk` (None: there is no file to compare
/// with), one line per kind of item; empty if they are the same.
pub fn differences(on_disk: Option<&Project>, recovered: &Project) -> Vec<String> {
    let Some(old) = on_disk else {
        return vec!["The project file is not there to compare with.".into()];
    };
    let new = recovered;
    let mut out = Vec::new();
    if old.programme != new.programme {
        out.push("Programme (title, vision, horizon or notes): changed".into());
    }
    let mut list = |name: &str, c: Counts| {
        if let Some(p) = c.phrase() {
            out.push(format!("{name}: {p}"));
        }
    };
    list("Sources", Counts::of(&old.sources, &new.sources, |x| &x.id));
    list(
        "Priorities",
        Counts::of(&old.priorities, &new.priorities, |x| &x.id),
    );
    list(
        "Areas of need",
        Counts::of(&old.needs, &new.needs, |x| &x.id),
    );
    list(
        "Outcomes",
        Counts::of(&old.outcomes, &new.outcomes, |x| &x.id),
    );
    list(
        "Resident voices",
        Counts::of(&old.voices, &new.voices, |x| &x.id),
    );
    list(
        "Measures",
        Counts::of(&old.measures, &new.measures, |x| &x.id),
    );
    list("Pledges", Counts::of(&old.pledges, &new.pledges, |x| &x.id));
    list(
        "Missions",
        Counts::of(&old.missions, &new.missions, |x| &x.id),
    );
    // A plan's own fields here (every one: a new field fails to compile), its actions below.
    let header_same = |a: &ActionPlan, b: &ActionPlan| {
        let ActionPlan {
            id: _,
            title,
            origin,
            start,
            actions: _,
            note,
            rating_basis,
        } = a;
        (title, origin, start, note, rating_basis)
            == (&b.title, &b.origin, &b.start, &b.note, &b.rating_basis)
    };
    list(
        "Action plans",
        Counts::of_by(&old.action_plans, &new.action_plans, |x| &x.id, header_same),
    );
    // Within each plan both have, the actions.
    for plan in &new.action_plans {
        if let Some(was) = old.action_plans.iter().find(|p| p.id == plan.id) {
            let counts = Counts::of(&was.actions, &plan.actions, |a: &Action| &a.reference);
            if let Some(p) = counts.phrase() {
                out.push(format!("Actions in “{}”: {p}", plan.title));
            }
        }
    }
    if out.is_empty() && old != new {
        out.push("Changes in the order of items".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure;

    #[test]
    fn counts_what_was_added_changed_and_removed() {
        let mut old = Project {
            measures: ["a", "b", "c"]
                .map(|id| Measure {
                    id: id.into(),
                    name: id.into(),
                    ..Default::default()
                })
                .into(),
            ..Default::default()
        };
        old.action_plans.push(ActionPlan {
            id: "cpc".into(),
            title: "Peer challenge".into(),
            actions: vec![Action {
                reference: "R1".into(),
                ..Default::default()
            }],
            ..Default::default()
        });
        let mut new = old.clone();
        assert!(differences(Some(&old), &new).is_empty());

        new.programme.title = "Luton 2040".into();
        new.measures[0].name = "A".into();
        new.measures.remove(2);
        new.measures.push(Measure {
            id: "d".into(),
            ..Default::default()
        });
        new.action_plans[0].actions[0].title = "Do it".into();
        new.action_plans[0].actions.push(Action {
            reference: "R2".into(),
            ..Default::default()
        });
        let lines = differences(Some(&old), &new);
        assert_eq!(
            lines,
            [
                "Programme (title, vision, horizon or notes): changed",
                "Measures: 1 changed, 1 added, 1 removed",
                "Actions in “Peer challenge”: 1 changed, 1 added",
            ]
        );

        let mut reordered = old.clone();
        reordered.measures.swap(0, 1);
        assert_eq!(
            differences(Some(&old), &reordered),
            ["Changes in the order of items"]
        );
        assert_eq!(differences(None, &new).len(), 1);
    }
}

use super::*;
use crate::history::History;
use crate::model::{Slide, SlideView};

fn sample() -> Project {
    crate::file::load(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/luton-2040.ron"
    )))
    .unwrap()
}

fn apply(p: &mut Project, h: &mut History, edit: Edit) {
    h.apply(p, "test", edit).unwrap();
    assert_eq!(
        crate::validate::validate(p),
        vec![],
        "the edit left problems"
    );
}

#[test]
fn renaming_a_measure_makes_outcomes_and_slides_follow_and_undo_restores() {
    let mut p = sample();
    let original = p.clone();
    let id = p.presentations[0]
        .slides
        .iter()
        .find_map(|s| match &s.view {
            SlideView::Chart { measure, .. } => Some(measure.clone()),
            _ => None,
        })
        .expect("the sample deck has a chart");
    let i = p.measures.iter().position(|m| m.id == id).unwrap();
    let index = Index::new();
    let linked = index.referrers(&p, List::Measures, &id).len();
    assert!(linked >= 2, "outcomes and a slide refer to {id}");
    let mut m = p.measures[i].clone();
    m.id = "renamed-measure".into();
    let edit = change(&p, &index, Place::new(List::Measures, i), m);
    let mut h = History::default();
    apply(&mut p, &mut h, edit);
    assert!(p.measure(&id).is_none());
    let after = Index::new();
    assert_eq!(
        after.referrers(&p, List::Measures, "renamed-measure").len(),
        linked
    );
    assert!(!after.is_referred_to(&p, List::Measures, &id));
    h.undo(&mut p);
    assert_eq!(p, original);
}

#[test]
fn renaming_a_source_rewrites_every_value_citing_it() {
    let mut p = sample();
    let index = Index::new();
    let (i, s) = p
        .sources
        .iter()
        .enumerate()
        .max_by_key(|(_, s)| {
            index
                .referrers(&p, List::Sources, &s.id)
                .iter()
                .map(|r| r.count)
                .sum::<u32>()
        })
        .unwrap();
    let (old, cited) = (
        s.id.clone(),
        index.referrers(&p, List::Sources, &s.id).to_vec(),
    );
    let total: u32 = cited.iter().map(|r| r.count).sum();
    assert!(total > 3);
    let mut s = s.clone();
    s.id = "new-source-id".into();
    let edit = change(&p, &index, Place::new(List::Sources, i), s);
    apply(&mut p, &mut History::default(), edit);
    let after = Index::new();
    let now: u32 = after
        .referrers(&p, List::Sources, "new-source-id")
        .iter()
        .map(|r| r.count)
        .sum();
    assert_eq!(now, total);
    assert!(!after.is_referred_to(&p, List::Sources, &old));
}

#[test]
fn deleting_a_measure_says_what_links_to_it_and_removes_the_links() {
    let mut p = sample();
    let original = p.clone();
    let index = Index::new();
    let i = p
        .measures
        .iter()
        .position(|m| index.referrers(&p, List::Measures, &m.id).len() >= 2)
        .unwrap();
    let id = p.measures[i].id.clone();
    let d = Deletion::new(&p, &index, Place::new(List::Measures, i)).unwrap();
    assert!(d.needs_asking());
    let words = d.question().join(" ");
    assert!(words.contains("link to this measure"), "{words}");
    let edit = d.edit(&p, &index, &Dependants::DeleteToo);
    let mut h = History::default();
    apply(&mut p, &mut h, edit);
    assert!(p.measure(&id).is_none());
    assert!(p.outcomes.iter().all(|o| !o.measures.contains(&id)));
    h.undo(&mut p);
    assert_eq!(p, original);
}

#[test]
fn deleting_a_priority_moves_or_deletes_its_outcomes_and_their_links() {
    let p = sample();
    let index = Index::new();
    let prio = p.priorities[0].id.clone();
    let own: Vec<String> = p
        .outcomes
        .iter()
        .filter(|o| o.priority == prio)
        .map(|o| o.id.clone())
        .collect();
    assert!(!own.is_empty());
    let d = Deletion::new(&p, &index, Place::new(List::Priorities, 0)).unwrap();
    assert!(d.has_outcomes());
    let q = d.question().join(" ");
    assert!(
        q.contains(&format!("{} outcomes belong to this priority", own.len())),
        "{q}"
    );

    // Moved: every outcome now belongs to the second priority.
    let mut moved = p.clone();
    let to = p.priorities[1].id.clone();
    let edit = d.edit(&p, &index, &Dependants::MoveTo(to.clone()));
    apply(&mut moved, &mut History::default(), edit);
    assert_eq!(moved.outcomes.len(), p.outcomes.len());
    for id in &own {
        assert_eq!(moved.outcome(id).unwrap().priority, to);
    }

    // Deleted too: the outcomes go, and actions, pledges and missions lose their links.
    let mut gone = p.clone();
    let mut h = History::default();
    apply(
        &mut gone,
        &mut h,
        d.edit(&p, &index, &Dependants::DeleteToo),
    );
    assert_eq!(gone.outcomes.len(), p.outcomes.len() - own.len());
    let still_linked = gone
        .action_plans
        .iter()
        .flat_map(|pl| pl.actions.iter().flat_map(|a| a.outcomes.iter()))
        .chain(gone.pledges.iter().flat_map(|x| x.outcomes.iter()))
        .chain(gone.missions.iter().flat_map(|x| x.outcomes.iter()))
        .any(|o| own.contains(o));
    assert!(!still_linked);
    h.undo(&mut gone);
    assert_eq!(gone, p);
}

#[test]
fn deleting_a_plan_deletes_the_slides_that_show_it() {
    let mut p = sample();
    p.presentations[0].slides.push(Slide {
        title: "Plan".into(),
        view: SlideView::Actions {
            plan: p.action_plans[0].id.clone(),
            filter: Default::default(),
            sort: None,
        },
        notes: String::new(),
    });
    let slides = p.presentations[0].slides.len();
    let showing = p.presentations[0]
        .slides
        .iter()
        .filter(
            |s| matches!(&s.view, SlideView::Actions { plan, .. } if *plan == p.action_plans[0].id),
        )
        .count();
    let index = Index::new();
    let d = Deletion::new(&p, &index, Place::new(List::Plans, 0)).unwrap();
    let q = d.question().join(" ");
    assert!(q.contains("will be deleted too"), "{q}");
    let edit = d.edit(&p, &index, &Dependants::DeleteToo);
    apply(&mut p, &mut History::default(), edit);
    assert_eq!(p.presentations[0].slides.len(), slides - showing);
}

#[test]
fn nothing_refers_to_a_new_item_so_it_is_deleted_without_asking() {
    let mut p = sample();
    let id = new_id(&p, List::Voices, "We want parks near us");
    assert_eq!(id, "we-want-parks-near-us");
    p.voices.push(crate::model::Voice {
        id,
        text: "We want parks near us".into(),
    });
    let index = Index::new();
    let d = Deletion::new(&p, &index, Place::new(List::Voices, p.voices.len() - 1)).unwrap();
    assert!(!d.needs_asking());
    assert!(d.question().is_empty());
}

#[test]
fn counts_and_lists_read_as_english() {
    assert_eq!(count(1, "area of need"), "1 area of need");
    assert_eq!(count(3, "area of need"), "3 areas of need");
    assert_eq!(count(1200, "value"), "1,200 values");
    assert_eq!(count(2, "priority"), "2 priorities");
    assert_eq!(count(2, "key"), "2 keys");
    let parts = ["3 outcomes".to_string(), "2 actions".to_string()];
    assert_eq!(join_and(&parts), "3 outcomes and 2 actions");
}

#[test]
fn the_area_named_in_the_programme_names_its_series_in_charts() {
    let mut p = sample();
    p.programme.organisation = "Greater Northvale Combined Authority".into();
    assert_eq!(
        crate::chart::main_series_name(&p),
        "Greater Northvale Combined Authority"
    );
    p.programme.area = "Greater Northvale".into();
    assert_eq!(crate::chart::main_series_name(&p), "Greater Northvale");
    let text = crate::file::to_text(&p);
    assert!(text.contains("area: \"Greater Northvale\""));
    assert_eq!(crate::file::parse(&text, "p.ron").unwrap(), p);
}

use super::text::inside;
use super::*;
use crate::model::Priority;

fn small() -> Project {
    fixture::project(3, 4, 10, 2)
}

fn geometry(p: &Project, state: &ViewState, r: f32) -> Geometry {
    build(p, state, &BuildOptions::new(r), &Estimate)
}

fn all_states(p: &Project) -> Vec<ViewState> {
    let mut v = Vec::new();
    for grouping in [Grouping::PriorityThenNeed, Grouping::NeedThenPriority] {
        for colour in ColourMode::ALL {
            v.push(ViewState {
                grouping,
                colour,
                focus: None,
            });
        }
    }
    v.push(ViewState::focused_on(p, "p1", ColourMode::Status).unwrap());
    v.push(ViewState::focused_on(p, "n2", ColourMode::Rag).unwrap());
    v
}

#[test]
fn inner_rings_cover_the_circle_exactly() {
    let p = small();
    for state in all_states(&p) {
        let g = geometry(&p, &state, 400.0);
        for ring in [Ring::Group, Ring::Subgroup, Ring::Outcome] {
            let segs = g.ring(ring);
            assert!(!segs.is_empty(), "{ring:?} {state:?}");
            assert!(
                segs[0].start.abs() < 1e-4,
                "{ring:?} starts at {}",
                segs[0].start
            );
            for w in segs.windows(2) {
                assert!(
                    (w[0].end - w[1].start).abs() < 1e-4,
                    "{ring:?} gap or overlap"
                );
            }
            assert!((segs.last().unwrap().end - TAU).abs() < 1e-3);
        }
    }
}

#[test]
fn children_sit_inside_their_parents() {
    let p = fixture::project(5, 7, 60, 3);
    for state in all_states(&p) {
        let g = geometry(&p, &state, 400.0);
        for s in &g.segments {
            if let Some(pi) = s.parent {
                let parent = &g.segments[pi];
                assert!(s.start >= parent.start - 1e-4 && s.end <= parent.end + 1e-4);
                assert_eq!(parent.ring.index() + 1, s.ring.index());
            } else {
                assert_eq!(s.ring, Ring::Group);
            }
        }
    }
}

#[test]
fn every_outcome_sits_under_its_priority_and_need() {
    let p = small();
    for grouping in [Grouping::PriorityThenNeed, Grouping::NeedThenPriority] {
        let g = geometry(
            &p,
            &ViewState {
                grouping,
                ..Default::default()
            },
            400.0,
        );
        assert_eq!(g.ring(Ring::Outcome).len(), p.outcomes.len());
        for (i, s) in g.segments.iter().enumerate() {
            if let SegmentKind::Outcome(oi) = s.kind {
                let o = &p.outcomes[oi];
                let pair = &g.segments[s.parent.unwrap()];
                let SegmentKind::Pair { priority, need } = pair.kind else {
                    panic!("parent of an outcome is not a pair")
                };
                assert_eq!(p.priorities[priority].id, o.priority);
                assert_eq!(p.needs[need].id, o.need);
                let top = &g.segments[pair.parent.unwrap()];
                match (grouping, top.kind) {
                    (Grouping::PriorityThenNeed, SegmentKind::Priority(k)) => {
                        assert_eq!(p.priorities[k].id, o.priority)
                    }
                    (Grouping::NeedThenPriority, SegmentKind::Need(k)) => {
                        assert_eq!(p.needs[k].id, o.need)
                    }
                    other => panic!("{other:?}"),
                }
                assert_eq!(g.path(i).len(), 3);
            }
        }
    }
}

#[test]
fn voices_appear_under_each_outcome_they_answer_and_gaps_stay_empty() {
    let p = small();
    let g = geometry(&p, &ViewState::default(), 400.0);
    let voice_segs: usize = p.outcomes.iter().map(|o| o.voices.len()).sum();
    assert_eq!(g.ring(Ring::Voice).len(), voice_segs);
    // Outcome o3 has no voices: nothing in the voice ring over it.
    let o3 = g.find_outcome("o3").unwrap();
    let mid = g.segments[o3].mid_angle();
    let r = (g.radii[4] + g.radii[5]) / 2.0;
    assert_eq!(g.hit_test(r * mid.sin(), -r * mid.cos()), None);
    // v0 is shared by o0 and o1.
    let n = g
        .ring(Ring::Voice)
        .iter()
        .filter(|s| matches!(s.kind, SegmentKind::Voice { voice: 0, .. }))
        .count();
    assert_eq!(n, 2);
}

#[test]
fn hit_test_finds_the_segment_at_a_known_angle_and_radius() {
    let p = small();
    let g = geometry(&p, &ViewState::default(), 400.0);
    assert_eq!(g.hit_test(0.0, 0.0), Some(Hit::Vision));
    assert_eq!(g.hit_test(0.0, -401.0), None);
    for (i, s) in g.segments.iter().enumerate() {
        let [x, y] = s.anchor();
        assert_eq!(g.hit_test(x, y), Some(Hit::Segment(i)), "{}", s.name);
    }
    // Just clockwise of 12 o'clock in the priority ring is the first priority.
    let r = (g.radii[1] + g.radii[2]) / 2.0;
    let t: f32 = 0.01;
    let Some(Hit::Segment(i)) = g.hit_test(r * t.sin(), -r * t.cos()) else {
        panic!()
    };
    assert_eq!(g.segments[i].kind, SegmentKind::Priority(0));
    // Just anticlockwise of it is the last.
    let Some(Hit::Segment(i)) = g.hit_test(r * (-t).sin(), -r * (-t).cos()) else {
        panic!()
    };
    assert_eq!(g.segments[i].kind, SegmentKind::Priority(2));
}

#[test]
fn zooming_fills_the_circle_with_the_focus() {
    let p = small();
    let state = ViewState::focused_on(&p, "p1", ColourMode::Priority).unwrap();
    let g = geometry(&p, &state, 400.0);
    let ring1 = g.ring(Ring::Group);
    assert_eq!(ring1.len(), 1);
    assert_eq!(ring1[0].kind, SegmentKind::Priority(1));
    assert!((ring1[0].end - ring1[0].start - TAU).abs() < 1e-3);
    assert_eq!(
        breadcrumb(&p, &state),
        vec!["Child-friendly town".to_string()]
    );
    for s in g.ring(Ring::Outcome) {
        let SegmentKind::Outcome(i) = s.kind else {
            panic!()
        };
        assert_eq!(p.outcomes[i].priority, "p1");
    }
    let mut sub = state.clone();
    sub.focus.as_mut().unwrap().sub = Some("n0".into());
    let g = geometry(&p, &sub, 400.0);
    assert_eq!(g.ring(Ring::Subgroup).len(), 1);
    assert_eq!(breadcrumb(&p, &sub).len(), 2);
    assert_eq!(empty_focus_note(&p, &sub), None);
    assert!(ViewState::focused_on(&p, "nope", ColourMode::Priority).is_none());
}

#[test]
fn a_zoom_into_an_area_without_outcomes_shows_the_whole_group_and_says_so() {
    let mut p = small();
    p.outcomes
        .retain(|o| !(o.priority == "p1" && o.need == "n0"));
    let mut state = ViewState::focused_on(&p, "p1", ColourMode::Priority).unwrap();
    state.focus.as_mut().unwrap().sub = Some("n0".into());
    let g = geometry(&p, &state, 400.0);
    // The whole of the priority, all its areas of need.
    assert_eq!(g.ring(Ring::Group).len(), 1);
    assert!(g.ring(Ring::Subgroup).len() > 1);
    assert_eq!(breadcrumb(&p, &state), vec![p.priorities[1].name.clone()]);
    let (pn, nn) = (&p.priorities[1].name, &p.needs[0].name);
    assert_eq!(
        empty_focus_note(&p, &state).as_deref(),
        Some(format!("no outcomes yet under {pn} › {nn}, so all of {pn} is shown").as_str())
    );
}

#[test]
fn keyboard_steps_move_within_and_between_rings() {
    let p = small();
    let g = geometry(&p, &ViewState::default(), 400.0);
    let first = g.rings[1].start;
    let next = g.neighbour(first, Step::Next).unwrap();
    assert_eq!(g.segments[next].kind, SegmentKind::Priority(1));
    assert_eq!(g.neighbour(first, Step::Prev), Some(g.rings[1].end - 1));
    let out = g.neighbour(first, Step::Out).unwrap();
    assert_eq!(g.segments[out].parent, Some(first));
    assert_eq!(g.neighbour(out, Step::In), Some(first));
}

fn check_labels(p: &Project, state: &ViewState, r: f32) -> (usize, usize) {
    check_geometry_labels(&geometry(p, state, r))
}

/// Labels sit inside their segments and never overlap; returns (labelled, segments).
fn check_geometry_labels(g: &Geometry) -> (usize, usize) {
    let m = Estimate;
    let mut boxes: Vec<(usize, [[f32; 2]; 4])> = Vec::new();
    let mut labelled = 0;
    for (i, s) in g.segments.iter().enumerate() {
        if let Some(l) = &s.label {
            labelled += 1;
            for b in l.line_boxes(&m) {
                for c in b {
                    assert!(inside(&s.sector(), c), "label of {} spills: {c:?}", s.name);
                }
                boxes.push((i, b));
            }
            for line in &l.lines {
                assert!(!line.is_empty());
            }
        }
    }
    // Labels of different segments never overlap (separating axis test on the boxes).
    for (a, (ia, ba)) in boxes.iter().enumerate() {
        for (ib, bb) in &boxes[a + 1..] {
            if ia != ib {
                assert!(
                    !overlap(ba, bb),
                    "labels of {} and {} overlap",
                    g.segments[*ia].name,
                    g.segments[*ib].name
                );
            }
        }
    }
    (labelled, g.segments.len())
}

fn overlap(a: &[[f32; 2]; 4], b: &[[f32; 2]; 4]) -> bool {
    for poly in [a, b] {
        for k in 0..4 {
            let p0 = poly[k];
            let p1 = poly[(k + 1) % 4];
            let n = [p1[1] - p0[1], p0[0] - p1[0]];
            let proj = |q: &[[f32; 2]; 4]| {
                let v: Vec<f32> = q.iter().map(|c| c[0] * n[0] + c[1] * n[1]).collect();
                (
                    v.iter().cloned().fold(f32::MAX, f32::min),
                    v.iter().cloned().fold(f32::MIN, f32::max),
                )
            };
            let (amin, amax) = proj(a);
            let (bmin, bmax) = proj(b);
            if amax <= bmin + 0.01 || bmax <= amin + 0.01 {
                return false;
            }
        }
    }
    true
}

#[test]
fn labels_stay_inside_segments_and_do_not_overlap() {
    let p = small();
    for state in all_states(&p) {
        let (labelled, _) = check_labels(&p, &state, 380.0);
        assert!(labelled > 10, "{state:?}: only {labelled} labels");
    }
}

#[test]
fn long_names_and_other_scripts_are_wrapped_or_cut_but_never_spill() {
    let mut p = fixture::project(12, 7, 40, 1);
    for (i, o) in p.outcomes.iter_mut().enumerate() {
        o.name = if i % 3 == 0 {
            "Every resident can get the health and care support they need, when they need it, close to home, in a way that works for them and their families".into()
        } else if i % 3 == 1 {
            "每个居民都能在需要时获得所需的医疗和护理支持".into()
        } else {
            "Überschreitungsbenachrichtigungsverfahrensordnungsänderung".into()
        };
    }
    p.priorities[0].name =
        "A priority with a very long name that cannot possibly fit in one line".into();
    for state in all_states(&p) {
        check_labels(&p, &state, 380.0);
    }
    let g = geometry(&p, &ViewState::default(), 380.0);
    assert!(
        g.segments
            .iter()
            .any(|s| s.label.as_ref().is_some_and(|l| l.truncated))
    );
}

#[test]
fn five_hundred_outcomes_lay_out_inside_their_segments() {
    let p = fixture::project(5, 7, 500, 4);
    assert!(p.voices.len() >= 2000);
    let t = std::time::Instant::now();
    let g = geometry(&p, &ViewState::default(), 420.0);
    eprintln!(
        "500 outcomes, {} segments: built in {:?}",
        g.segments.len(),
        t.elapsed()
    );
    assert_eq!(g.ring(Ring::Outcome).len(), 500);
    check_labels(&p, &ViewState::default(), 420.0);
    // Zoomed into one priority and one of its groups, the outcomes get labels.
    let mut zoomed = ViewState::focused_on(&p, "p0", ColourMode::Priority).unwrap();
    zoomed.focus.as_mut().unwrap().sub = Some("n0".into());
    check_labels(&p, &zoomed, 420.0);
    let g = geometry(&p, &zoomed, 420.0);
    let outs = g.ring(Ring::Outcome);
    assert!(outs.len() >= 10);
    assert!(outs.iter().all(|s| s.label.is_some()));
}

#[test]
fn three_priorities_and_twelve_priorities_both_work() {
    for np in [3, 12] {
        let p = fixture::project(np, 7, 5.max(np), 1);
        let g = geometry(&p, &ViewState::default(), 380.0);
        assert_eq!(g.ring(Ring::Group).len(), np);
        // A priority with no outcomes still gets a segment.
        check_labels(&p, &ViewState::default(), 380.0);
    }
    let mut p = small();
    p.priorities.push(Priority {
        id: "empty".into(),
        name: "Empty".into(),
        ..Default::default()
    });
    let g = geometry(&p, &ViewState::default(), 380.0);
    let empty = g.ring(Ring::Group).last().unwrap();
    assert!(empty.end - empty.start > 0.05);
}

#[test]
fn search_finds_names_case_insensitively() {
    let p = small();
    let g = geometry(&p, &ViewState::default(), 380.0);
    let hits = g.search("NET zero");
    assert_eq!(hits.len(), 1);
    assert!(g.search("  ").is_empty());
}

#[test]
fn svg_export_has_title_vision_legend_and_parses() {
    let p = small();
    for (w, h) in [(1920, 1080), (1080, 1080)] {
        for state in all_states(&p) {
            let opts = export::ExportOptions {
                width: w,
                height: h,
                selected: Some(SegmentKey::Outcome("o0".into())),
            };
            let svg = export::svg(&p, &state, &opts);
            assert!(svg.contains(">Luton 2040</text>"));
            assert!(svg.contains("Source: Luton Borough Council."));
            let tree = resvg::usvg::Tree::from_str(&svg, &Default::default());
            assert!(tree.is_ok(), "{state:?}");
        }
    }
}

fn sample_project() -> Project {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/luton-2040.ron");
    crate::file::load(&path).expect("the sample loads")
}

/// Inner-ring names are abbreviated rather than dropped when they cannot fit.
#[test]
fn every_priority_and_need_wider_than_twelve_degrees_gets_a_label() {
    let x10 = crate::synthetic::generate_scale(crate::synthetic::Scale::SampleX10, 1);
    assert_eq!(x10.priorities.len(), 10);
    let sample = sample_project();
    for (name, p) in [("x10", &x10), ("sample", &sample)] {
        for grouping in [Grouping::PriorityThenNeed, Grouping::NeedThenPriority] {
            let state = ViewState {
                grouping,
                ..Default::default()
            };
            let export = export::ExportOptions {
                width: 1920,
                height: 1080,
                selected: None,
            };
            // An 800 px wheel in the window, and a 1920×1080 export.
            for (size, g) in [
                ("800 px", geometry(p, &state, 400.0)),
                ("1920×1080", export::geometry(p, &state, &export)),
            ] {
                check_geometry_labels(&g);
                let mut checked = 0;
                for s in g.ring(Ring::Group).iter().chain(g.ring(Ring::Subgroup)) {
                    if (s.end - s.start).to_degrees() <= 12.0 {
                        continue;
                    }
                    checked += 1;
                    let l = s.label.as_ref().unwrap_or_else(|| {
                        panic!("{name} {grouping:?} {size}: {} has no label", s.name)
                    });
                    let shown: usize = l
                        .lines
                        .iter()
                        .map(|t| t.trim_end_matches('…').chars().count())
                        .sum();
                    assert!(shown >= 2, "{name} {size}: {} shows {:?}", s.name, l.lines);
                    let full = l.lines.join(" ") == s.name;
                    assert_eq!(l.truncated, !full, "{}: {:?}", s.name, l.lines);
                }
                assert!(checked >= g.ring(Ring::Group).len(), "{name} {size}");
            }
        }
    }
}

#[test]
fn zoomed_in_the_centre_names_the_focus() {
    let p = small();
    let g = geometry(&p, &ViewState::default(), 400.0);
    assert_eq!(g.centre_text, p.programme.vision);
    let state = ViewState::focused_on(&p, "p1", ColourMode::Priority).unwrap();
    let g = geometry(&p, &state, 400.0);
    assert_eq!(g.centre_text, "Child-friendly town");
    let l = g.centre_label.as_ref().expect("a centre label");
    assert_eq!(l.lines.join(" "), "Child-friendly town");
    // Zoomed further, into one need within it: the path.
    let mut sub = state.clone();
    sub.focus.as_mut().unwrap().sub = Some("n0".into());
    let g = geometry(&p, &sub, 400.0);
    assert_eq!(g.centre_text, "Child-friendly town › Health");
    // While animating a zoom (an explicit window) the vision stays.
    let opts = BuildOptions {
        window: Some((0.0, 1.0)),
        ..BuildOptions::new(400.0)
    };
    let g = build(&p, &state, &opts, &Estimate);
    assert_eq!(g.centre_text, p.programme.vision);
}

#[test]
fn group_lines_say_where_nothing_contributes_yet() {
    let mut p = small();
    // No action or pledge anywhere: every outcome is bare.
    for plan in &mut p.action_plans {
        plan.actions.clear();
    }
    p.pledges.clear();
    let g = geometry(&p, &ViewState::default(), 400.0);
    let group = g.segments.iter().find(|s| s.ring == Ring::Group).unwrap();
    let n = g
        .ring(Ring::Outcome)
        .iter()
        .filter(|o| o.mid_angle() > group.start && o.mid_angle() < group.end)
        .count();
    assert!(
        group
            .status_line
            .ends_with(&format!("{n} with no action or pledge yet")),
        "{}",
        group.status_line
    );
}

/// One plan serves every size and zoom of its grouping and colour mode, and a plan made for
/// another is not used by mistake.
#[test]
fn a_plan_lays_out_any_size_and_zoom_and_only_its_own_mode() {
    let p = small();
    let plan = Plan::new(&p, Grouping::PriorityThenNeed, ColourMode::Priority);
    for state in all_states(&p) {
        for r in [250.0, 480.0] {
            let opts = BuildOptions::new(r);
            assert_eq!(
                build_from(&p, &plan, &state, &opts, &Estimate),
                geometry(&p, &state, r),
                "{state:?} at {r}"
            );
        }
    }
    // The group lines roll up their outcomes from the plan's tree.
    let g = geometry(&p, &all_states(&p)[0], 480.0);
    let outcomes_under = |i: usize| {
        g.ring(Ring::Outcome)
            .iter()
            .enumerate()
            .filter(|(k, _)| g.is_ancestor(i, g.rings[Ring::Outcome.index()].start + k))
            .count()
    };
    for i in g.rings[Ring::Group.index()].clone() {
        let n = outcomes_under(i);
        let s = if n == 1 { "" } else { "s" };
        assert!(
            g.segments[i]
                .status_line
                .starts_with(&format!("{n} outcome{s}")),
            "{}",
            g.segments[i].status_line
        );
    }
}

/// The words of a voice's label, without the ellipsis of a cut.
fn label_words(l: &Label) -> String {
    l.lines.join(" ").trim_end_matches('…').to_string()
}

#[test]
fn voices_show_their_words_without_the_opening_they_share_when_there_is_room() {
    let p = sample_project();
    // The wheel of a 1920×1080 slide.
    let g = geometry(&p, &ViewState::default(), 480.0);
    assert!(g.voices_readable);
    assert_eq!(g.voice_opening.as_deref(), Some("We want"));
    let voices = g.ring(Ring::Voice);
    let whole = voices
        .iter()
        .filter(|s| s.label.as_ref().is_some_and(|l| !l.truncated))
        .count();
    assert!(whole * 2 >= voices.len(), "{whole} of {}", voices.len());
    for s in voices {
        let Some(l) = &s.label else { continue };
        let rest = voices::after_opening(&s.name, Some("We want"));
        assert!(
            rest.starts_with(&label_words(l)),
            "{:?} for {}",
            l.lines,
            s.name
        );
        if s.name.starts_with("We want ") {
            assert!(!l.lines[0].starts_with("We want"), "{:?}", l.lines);
        }
    }
    check_geometry_labels(&g);
}

#[test]
fn too_many_voices_to_read_are_a_band_until_zoomed_into() {
    // 60 outcomes and about 120 voices on a 1280×800 window's wheel.
    let p = fixture::project(8, 10, 60, 2);
    let g = geometry(&p, &ViewState::default(), 330.0);
    assert!(!g.voices_readable);
    assert!(g.ring(Ring::Voice).iter().all(|s| s.label.is_none()));
    // The outcomes have the room the voices leave.
    let ring = |g: &Geometry, k: usize| g.radii[k + 1] - g.radii[k];
    assert!(ring(&g, 3) > 4.0 * ring(&g, 4), "{:?}", g.radii);
    check_geometry_labels(&g);
    // Zoomed into a priority, its voices show their words in bigger type, and its ring,
    // named in the centre, is a thin band.
    let zoomed = ViewState::focused_on(&p, "p0", ColourMode::Priority).unwrap();
    let g = geometry(&p, &zoomed, 330.0);
    assert!(g.voices_readable);
    let voices = g.ring(Ring::Voice);
    assert!(
        voices
            .iter()
            .all(|s| s.label.as_ref().is_some_and(|l| !l.truncated))
    );
    assert!(
        voices
            .iter()
            .all(|s| s.label.as_ref().unwrap().size >= 13.0)
    );
    assert!(ring(&g, 1) < 0.05 * g.radius, "{:?}", g.radii);
    check_geometry_labels(&g);
}

/// An outcome whose measures have only illustrative values is "not rated", said so, not
/// "No data" beside values the charts draw; the status legend names that case.
#[test]
fn an_outcome_with_only_illustrative_values_says_it_is_not_rated() {
    use crate::model::{Measure, Observation, ValueStatus};
    let mut p = small();
    let o = p.outcomes[0].id.clone();
    p.measures.push(Measure {
        id: "made-up".into(),
        name: "Made-up measure".into(),
        observations: vec![Observation {
            period: "2024".parse().unwrap(),
            value: 3.0,
            status: ValueStatus::Illustrative,
            ..Default::default()
        }],
        ..Default::default()
    });
    p.outcomes[0].measures = vec!["made-up".into()];
    let facts = colouring::outcome_facts(&p);
    assert_eq!(facts[0].illustrative_only, 1, "{o}");
    assert!(
        facts[0]
            .summary()
            .starts_with("Not rated: only illustrative values"),
        "{}",
        facts[0].summary()
    );
    let legend = colouring::legend(ColourMode::Status, &[]);
    assert!(
        legend
            .iter()
            .any(|e| e.label.contains("only illustrative values"))
    );
}
